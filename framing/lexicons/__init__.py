"""Packaged lexicons: TSV files with a provenance header, loaded and validated.

Format of a lexicon file (``*.tsv``)::

    # name: hedges
    # version: 1
    # source: Hyland (2005) Metadiscourse; ...
    # licence: ...
    term<TAB>category<TAB>...         <- column header row (must include ``term``)
    may<TAB>modal<TAB>...

Lines starting with ``#`` before the column header are ``key: value`` metadata
(``name``, ``version`` and ``source`` are required); later ``#`` lines and
blank lines are comments. Word lists (``*.txt``) are one entry per line with
the same ``#`` header.

Example:
    >>> lex = load_lexicon("relationship_labels")
    >>> "term" in lex.columns
    True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from framing.errors import LexiconError

REQUIRED_META = ("name", "version", "source")


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon: metadata, column names and rows.

    Attributes:
        meta: Header ``key: value`` pairs (``name``, ``version``, ``source``...).
        columns: Column names from the header row.
        rows: One dict per entry, keyed by column; ``line`` holds the 1-based line number.
        path: Where it was read from.
        sha256: Hash of the file's bytes (for the report's provenance).
    """

    meta: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    path: str
    sha256: str = field(default="")

    @property
    def name(self) -> str:
        """The lexicon's declared name."""
        return self.meta["name"]

    @property
    def version(self) -> str:
        """The lexicon's declared version."""
        return self.meta["version"]


def _packaged(name: str, suffix: str) -> Path:
    return Path(str(resources.files("framing.lexicons").joinpath(f"{name}{suffix}")))


def resolve_lexicon(name_or_path: str | Path, suffix: str = ".tsv") -> Path:
    """Path of a packaged lexicon name (``"hedges"``), or the path itself (anything with a suffix or ``/``).

    Example:
        >>> resolve_lexicon("hedges").name
        'hedges.tsv'
    """
    p = Path(name_or_path)
    if p.suffix or p.exists() or "/" in str(name_or_path):
        return p
    return _packaged(str(name_or_path), suffix)


def _read_lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LexiconError(str(path), None, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(str(path), None, f"not UTF-8 (byte {exc.start})") from exc
    return text.splitlines()


def _parse(path: Path, *, tabular: bool) -> Lexicon:
    lines = _read_lines(path)
    meta: dict[str, str] = {}
    columns: tuple[str, ...] = ("term",)
    rows: list[dict[str, str]] = []
    header_done = not tabular
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            if not rows and (tabular and not header_done or not tabular):
                body = line[1:].strip()
                if ":" in body:
                    key, _, value = body.partition(":")
                    if key.strip().isidentifier():
                        meta.setdefault(key.strip().lower(), value.strip())
            continue
        if not header_done:
            columns = tuple(c.strip() for c in line.split("\t"))
            if "term" not in columns:
                raise LexiconError(str(path), lineno, "the column header row must include 'term'")
            if len(set(columns)) != len(columns):
                raise LexiconError(str(path), lineno, "duplicate column names in the header row")
            header_done = True
            continue
        cells = line.split("\t") if tabular else [line.strip()]
        if tabular and len(cells) > len(columns):
            raise LexiconError(
                str(path), lineno, f"{len(cells)} tab-separated fields, the header has {len(columns)}"
            )
        row = {c: (cells[i].strip() if i < len(cells) else "") for i, c in enumerate(columns)}
        term = row["term"]
        if not term:
            raise LexiconError(str(path), lineno, "empty term")
        key = term.lower()
        if key in seen:
            raise LexiconError(str(path), lineno, f"duplicate term {term!r} (first on line {seen[key]})")
        seen[key] = lineno
        row["line"] = str(lineno)
        rows.append(row)
    missing = [k for k in REQUIRED_META if k not in meta]
    if missing:
        raise LexiconError(str(path), 1, f"header lacks required key(s): {', '.join(missing)}")
    if tabular and not header_done:
        raise LexiconError(str(path), None, "no column header row")
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return Lexicon(meta=meta, columns=columns, rows=tuple(rows), path=str(path), sha256=digest)


@lru_cache(maxsize=64)
def _load_cached(path: str, tabular: bool) -> Lexicon:
    return _parse(Path(path), tabular=tabular)


def load_lexicon(name_or_path: str | Path) -> Lexicon:
    """Load a packaged lexicon by name, or a user's TSV file by path.

    Raises:
        LexiconError: naming the file, line and problem.

    Example:
        >>> load_lexicon("hedges").meta["name"]
        'hedges'
    """
    path = resolve_lexicon(name_or_path, ".tsv")
    return _load_cached(str(path), True)


def read_word_list(name_or_path: str | Path) -> tuple[str, ...]:
    """Entries of a one-per-line word list (``#`` header as for lexicons).

    Example:
        >>> "u.s" in read_word_list("abbreviations")
        True
    """
    path = resolve_lexicon(name_or_path, ".txt")
    return tuple(r["term"] for r in _load_cached(str(path), False).rows)


def packaged_lexicons() -> list[Lexicon]:
    """Every lexicon and word list shipped with the package (for provenance and tests)."""
    out = []
    base = Path(str(resources.files("framing.lexicons")))
    for p in sorted(base.iterdir()):
        if p.suffix == ".tsv":
            out.append(_load_cached(str(p), True))
        elif p.suffix == ".txt":
            out.append(_load_cached(str(p), False))
    return out
