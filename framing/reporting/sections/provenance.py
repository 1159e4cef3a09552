"""Section 8, provenance: package, command, story, input files and lexicons with their hashes.

Example:
    >>> _source_path(""), _source_path("no/such/file.jsonl:3")
    (None, None)
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from framing.engines.memory import Analysis
from framing.lexicons import packaged_lexicons
from framing.version import __version__

#: Input files listed under provenance.
MAX_INPUTS = 50


def _sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _source_path(source: str) -> Path | None:
    """The file an article came from (``path`` or ``path:row`` for JSONL/CSV rows)."""
    if not source:
        return None
    p = Path(source)
    if p.is_file():
        return p
    head, sep, tail = source.rpartition(":")
    if sep and tail.isdigit() and Path(head).is_file():
        return Path(head)
    return None


def _display_path(path: Path) -> str:
    """The path relative to the working folder, or the bare file name when outside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path.name


def provenance(analysis: Analysis, *, command: str, story: str) -> dict[str, Any]:
    """Version, command, story, families, input files and lexicons, with SHA-256 hashes."""
    lexicons = [{"name": lx.name, "version": lx.version, "sha256": lx.sha256, "file": Path(lx.path).name,
                 "source": lx.meta.get("source", "")} for lx in packaged_lexicons()]
    files: dict[str, str] = {}
    for art in analysis.corpus.articles:
        p = _source_path(art.source)
        if p is not None and _display_path(p) not in files:
            files[_display_path(p)] = _sha256_file(p)
        elif p is None:
            files.setdefault(art.source or art.id, "(not a file)")
    inputs = [{"path": k, "sha256": v} for k, v in sorted(files.items())]
    return {
        "version": __version__,
        "command": command or "(called from Python)",
        "story": story,
        "lexicons": lexicons,
        "inputs": inputs[:MAX_INPUTS],
        "inputs_more": max(0, len(inputs) - MAX_INPUTS),
        "families": ", ".join(analysis.families),
    }
