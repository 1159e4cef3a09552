"""Load a corpus from a path: one interface, chosen by what the path is.

Supported:

* a folder with ``manifest.csv`` and the ``.txt`` files it names (the seeds' format);
* a folder of ``.html`` files, or one ``.html`` file (main text and metadata
  extracted offline with trafilatura);
* a ``.jsonl`` or ``.csv`` file with one article per row: required ``id``,
  ``outlet``, ``text``; optional ``title, author, published, url, language,
  outlet_id`` (read incrementally);
* one ``.txt`` file.

A bad file or row never stops loading: it becomes a :class:`LoadProblem`
naming the file (or ``file:row``) and the reason.

Cleaning (``clean=``, :data:`CLEAN_MODES`): ``auto`` (the default) cleans
``.txt`` files and manifest folders as full pages, and JSONL/CSV rows and
the text trafilatura extracted from HTML conservatively (only lines that are
furniture by their wording: rows usually arrive clean, a headline, a lede, a
post; trafilatura has already taken the article out of the page, and running
the full-page position rules on its output removes body lines); ``on``
cleans everything as full pages; ``off`` keeps every line. No
level removes the only content of an article (see :mod:`framing.corpus.cleaning`).

Example:
    >>> corpus = load_corpus()          # the seeds
    >>> len(corpus), corpus.problems
    (5, [])
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from framing.corpus.cleaning import LEVELS, clean_text
from framing.corpus.decoding import MAX_FILE_BYTES, DecodeError, decode_bytes
from framing.corpus.language import guess_language
from framing.errors import InputError
from framing.model import Article, Corpus, LoadProblem

MANIFEST = "manifest.csv"
HTML_SUFFIXES = (".html", ".htm")
ROW_SUFFIXES = (".jsonl", ".ndjson", ".csv")
REQUIRED_ROW_FIELDS = ("id", "outlet", "text")
MANIFEST_REQUIRED = ("file",)
#: Values of ``clean=`` (and of the CLI's ``--clean``).
CLEAN_MODES: tuple[str, ...] = ("auto", "on", "off")
_SLUG_RE = re.compile(r"[^a-z0-9]+")

Item = Article | LoadProblem


def default_corpus_path() -> Path:
    """The sample corpus (the seeds), shipped as package data: found wherever the package is installed.

    The repository's top-level ``seeds/`` is their source; ``framing/seeds`` links
    to it, and the wheel carries a copy (``importlib.resources``).

    Example:
        >>> (default_corpus_path() / "manifest.csv").is_file()
        True
    """
    return Path(str(resources.files("framing").joinpath("seeds")))


def slugify(name: str) -> str:
    """Outlet id from an outlet name.

    Example:
        >>> slugify("The Washington Post")
        'the-washington-post'
    """
    return _SLUG_RE.sub("-", name.lower()).strip("-") or "unknown"


def _read_file(path: Path) -> tuple[str, str]:
    """Read and decode one file; raises DecodeError with the reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DecodeError(f"cannot be read ({exc.strerror or exc})") from exc
    if size > MAX_FILE_BYTES:
        raise DecodeError(
            f"file is {size / 1e6:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MiB limit for one article "
            "(split it, or give articles as JSONL rows, which are streamed)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DecodeError(f"cannot be read ({exc.strerror or exc})") from exc
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def clean_level(mode: str, *, rows: bool, extracted: bool = False) -> str:
    """The cleaning level for a ``clean`` mode and a kind of source.

    Args:
        mode: ``auto``, ``on`` or ``off``.
        rows: JSONL or CSV rows.
        extracted: Text extracted from HTML by trafilatura.

    Example:
        >>> clean_level("auto", rows=True), clean_level("auto", rows=False), clean_level("off", rows=False)
        ('conservative', 'full', 'none')
        >>> clean_level("auto", rows=False, extracted=True), clean_level("on", rows=False, extracted=True)
        ('conservative', 'full')
    """
    if mode not in CLEAN_MODES:
        raise InputError(mode, f"unknown cleaning mode (expected one of {', '.join(CLEAN_MODES)})")
    if mode == "auto":
        return "conservative" if rows or extracted else "full"
    return "full" if mode == "on" else "none"


def make_article(
    *,
    id: str,
    outlet_id: str,
    outlet_name: str,
    raw_text: str,
    source: str,
    title: str = "",
    encoding: str = "utf-8",
    language: str = "",
    level: str = "full",
    **meta: str,
) -> Article | LoadProblem:
    """Clean raw text into an :class:`Article` (``level``: see :data:`framing.corpus.cleaning.LEVELS`).

    Only empty or whitespace-only text is a problem: cleaning never removes an article's only content.

    Example:
        >>> a = make_article(id="a", outlet_id="o", outlet_name="O", raw_text="Xi meets Putin", source="x")
        >>> a.text
        'Xi meets Putin'
    """
    if not raw_text.strip():
        return LoadProblem(source, "no text (empty or whitespace only)")
    if level not in LEVELS:
        raise InputError(level, f"unknown cleaning level (expected one of {', '.join(LEVELS)})")
    cleaned = clean_text(raw_text, title=title, level=level)
    if not cleaned.text:
        return LoadProblem(source, "no article text (no line with a letter or digit)")
    return Article(
        id=id,
        outlet_id=outlet_id,
        outlet_name=outlet_name,
        raw_text=raw_text,
        text=raw_text if cleaned.text == raw_text else cleaned.text,  # nothing removed: the text is held once
        title=title,
        source=source,
        segments=cleaned.segments,
        removed=cleaned.removed,
        flagged=cleaned.flagged,
        encoding=encoding,
        language=language or guess_language(cleaned.text),
        **meta,
    )


def _inside(root: Path, candidate: Path) -> bool:
    try:
        candidate.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def _manifest_items(folder: Path, *, level: str) -> Iterator[Item]:
    manifest = folder / MANIFEST
    try:
        text, _ = _read_file(manifest)
    except DecodeError as exc:
        yield LoadProblem(str(manifest), str(exc))
        return
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in (reader.fieldnames or [])]
    missing = [f for f in MANIFEST_REQUIRED if f not in fields]
    if missing or not ({"outlet", "outlet_id"} & set(fields)):
        need = missing + ([] if {"outlet", "outlet_id"} & set(fields) else ["outlet or outlet_id"])
        yield LoadProblem(str(manifest), f"missing required column(s): {', '.join(need)}")
        return
    listed: set[str] = set()
    for rowno, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
        where = f"{manifest}:{rowno}"
        name = row.get("file", "")
        if not name:
            yield LoadProblem(where, "row has no file name")
            continue
        rel = Path(name)
        if rel.is_absolute() or ".." in rel.parts:
            yield LoadProblem(where, f"file {name!r} is outside the corpus folder (absolute path or '..')")
            continue
        path = folder / rel
        listed.add(rel.as_posix())
        if not _inside(folder, path):
            yield LoadProblem(where, f"file {name!r} resolves outside the corpus folder (symlink)")
            continue
        if not path.is_file():
            yield LoadProblem(where, f"file {name!r} named in the manifest does not exist")
            continue
        try:
            raw, enc = _read_file(path)
        except DecodeError as exc:
            yield LoadProblem(str(path), str(exc))
            continue
        outlet_name = row.get("outlet") or row.get("outlet_id", "")
        meta = {k: row.get(k, "") for k in ("author", "published", "url", "country", "notes")}
        yield make_article(
            id=row.get("id") or path.stem,
            outlet_id=row.get("outlet_id") or slugify(outlet_name),
            outlet_name=outlet_name,
            raw_text=raw,
            source=str(path),
            title=row.get("title", ""),
            encoding=enc,
            language=row.get("language", ""),
            level=level,
            **meta,
        )
    for extra in sorted(folder.iterdir()):
        if extra.name == MANIFEST or extra.name.startswith("."):
            continue
        if extra.is_file() and extra.relative_to(folder).as_posix() not in listed:
            yield LoadProblem(str(extra), "not named in manifest.csv; skipped")


def extract_html(html: str) -> tuple[str, dict[str, object]]:
    """The article text of an HTML page (paragraphs separated by blank lines) and its metadata, offline.

    trafilatura with its default balance of precision and recall, tables kept
    (a table in an article is article text), comments left out, no
    deduplication (a repeated paragraph stays for the cleaner to judge).

    Raises:
        ValueError: the markup cannot be parsed, or holds no article text.

    Example:
        >>> text, meta = extract_html("<html><body><article><p>Xi met Putin on Friday in Beijing, officials said."
        ...                           "</p><p>They talked for three hours about trade and energy.</p>"
        ...                           "</article></body></html>")
        >>> text
        'Xi met Putin on Friday in Beijing, officials said.\\n\\nThey talked for three hours about trade and energy.'
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise ValueError(f"HTML could not be parsed ({type(exc).__name__})") from exc
    meta: dict[str, object] = {}
    if doc is not None:
        meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = str(meta.get("text") or "")
    if not text.strip():
        raise ValueError("no article text found in the HTML")
    # trafilatura separates paragraphs with one newline; the cleaner expects blank lines.
    return "\n\n".join(text.split("\n")), meta


def _html_item(path: Path, *, level: str, article_id: str | None = None) -> Item:
    try:
        html, enc = _read_file(path)
    except DecodeError as exc:
        return LoadProblem(str(path), str(exc))
    try:
        raw, meta = extract_html(html)
    except ValueError as exc:
        return LoadProblem(str(path), str(exc))
    outlet_name = str(meta.get("sitename") or meta.get("hostname") or "unknown outlet")
    return make_article(
        id=article_id or path.stem,
        outlet_id=slugify(outlet_name),
        outlet_name=outlet_name,
        raw_text=raw,
        source=str(path),
        title=str(meta.get("title") or ""),
        encoding=enc,
        language=str(meta.get("language") or ""),
        author=str(meta.get("author") or ""),
        published=str(meta.get("date") or ""),
        url=str(meta.get("url") or ""),
        level=level,
    )


def _row_item(row: dict[str, object], where: str, *, level: str) -> Item:
    missing = [f for f in REQUIRED_ROW_FIELDS if not str(row.get(f) or "").strip()]
    if missing:
        return LoadProblem(where, f"missing required field(s): {', '.join(missing)}")
    text = row["text"]
    if not isinstance(text, str):
        return LoadProblem(where, "field 'text' is not a string")
    outlet_name = str(row["outlet"]).strip()
    return make_article(
        id=str(row["id"]).strip(),
        outlet_id=str(row.get("outlet_id") or "").strip() or slugify(outlet_name),
        outlet_name=outlet_name,
        raw_text=text,
        source=where,
        title=str(row.get("title") or ""),
        language=str(row.get("language") or ""),
        author=str(row.get("author") or ""),
        published=str(row.get("published") or ""),
        url=str(row.get("url") or ""),
        level=level,
    )


def _jsonl_items(path: Path, *, level: str) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield LoadProblem(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    with handle:
        for lineno, line in enumerate(handle, start=1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            try:
                row = json.loads(line.decode("utf-8-sig") if lineno == 1 else line.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield LoadProblem(where, f"not valid UTF-8 (byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield LoadProblem(where, f"broken JSON ({exc.msg})")
                continue
            if not isinstance(row, dict):
                yield LoadProblem(where, "line is not a JSON object")
                continue
            yield _row_item(row, where, level=level)


def _csv_items(path: Path, *, level: str) -> Iterator[Item]:
    try:
        text, _ = _read_file(path)
    except DecodeError as exc:
        yield LoadProblem(str(path), str(exc))
        return
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for rowno, row in enumerate(reader, start=2):
            yield _row_item({(k or ""): v for k, v in row.items()}, f"{path}:{rowno}", level=level)
    except csv.Error as exc:
        yield LoadProblem(f"{path}:{reader.line_num}", f"broken CSV ({exc})")


def _text_item(path: Path, *, level: str) -> Item:
    try:
        raw, enc = _read_file(path)
    except DecodeError as exc:
        return LoadProblem(str(path), str(exc))
    return make_article(
        id=path.stem, outlet_id="unknown", outlet_name="unknown outlet", raw_text=raw, source=str(path),
        encoding=enc, level=level,
    )


def _folder_items(folder: Path, *, pages: str, rows: str, html: str) -> Iterator[Item]:
    if (folder / MANIFEST).is_file():
        yield from _manifest_items(folder, level=pages)
        return
    found = False
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_symlink() and not _inside(folder, path):
            yield LoadProblem(str(path), "symlink pointing outside the corpus folder; skipped")
            continue
        suffix = path.suffix.lower()
        if path.is_dir():
            continue
        if suffix in HTML_SUFFIXES:
            found = True
            yield _html_item(path, level=html)
        elif suffix in ROW_SUFFIXES:
            found = True
            yield from (_jsonl_items(path, level=rows) if suffix != ".csv" else _csv_items(path, level=rows))
        elif suffix == ".txt":
            found = True
            yield _text_item(path, level=pages)
        else:
            yield LoadProblem(str(path), "unknown file type (expected .html, .txt, .jsonl or .csv); skipped")
    if not found:
        yield LoadProblem(str(folder), "no manifest.csv and no .html, .txt, .jsonl or .csv files")


def iter_corpus(path: str | Path | None = None, *, clean: str = "auto") -> Iterator[Item]:
    """Yield articles and problems one at a time (streams JSONL/CSV rows).

    Args:
        path: Folder, ``.html``, ``.jsonl``, ``.csv`` or ``.txt`` file (default: the seeds).
        clean: ``auto``, ``on`` or ``off`` (:data:`CLEAN_MODES`; see the module docstring).

    Raises:
        InputError: when the path itself does not exist or is not a supported kind, or ``clean`` is unknown.
    """
    pages, rows = clean_level(clean, rows=False), clean_level(clean, rows=True)
    html = clean_level(clean, rows=False, extracted=True)
    p = Path(path) if path is not None else default_corpus_path()
    if not p.exists():
        raise InputError(str(p), "no such file or folder")
    if p.is_dir():
        yield from _folder_items(p, pages=pages, rows=rows, html=html)
        return
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES:
        yield _html_item(p, level=html)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _jsonl_items(p, level=rows)
    elif suffix == ".csv":
        yield from _csv_items(p, level=rows)
    elif suffix == ".txt":
        yield _text_item(p, level=pages)
    else:
        raise InputError(str(p), "unsupported corpus (give a folder, .html, .jsonl, .csv or .txt)")


def load_corpus(path: str | Path | None = None, *, clean: str = "auto") -> Corpus:
    """Load every article under ``path`` (default: the seeds), recording problems.

    Duplicate article ids keep the first article and record the others.

    Args:
        path: Folder, ``.html``, ``.jsonl``, ``.csv`` or ``.txt`` file.
        clean: ``auto`` (full cleaning for text pages, conservative for JSONL/CSV rows and HTML extractions),
            ``on`` or ``off``.

    Returns:
        A :class:`Corpus`; ``corpus.problems`` lists what was skipped and why.

    Example:
        >>> sorted(a.outlet_id for a in load_corpus())
        ['dw', 'ro-site', 'rs', 'scmp', 'wapo']
    """
    corpus = Corpus(source=str(path if path is not None else default_corpus_path()))
    seen: dict[str, str] = {}
    for item in iter_corpus(path, clean=clean):
        if isinstance(item, LoadProblem):
            corpus.problems.append(item)
        elif item.id in seen:
            corpus.problems.append(
                LoadProblem(item.source, f"duplicate article id {item.id!r} (first in {seen[item.id]}); skipped")
            )
        else:
            seen[item.id] = item.source
            corpus.articles.append(item)
    return corpus


def relpath(path: str) -> str:
    """Path relative to the working directory where possible (for messages)."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return path
