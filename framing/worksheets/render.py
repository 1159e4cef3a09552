"""Render a worksheet and its answer key (HTML, then PDF from the same HTML) and write every file.

Templates ``worksheet.html`` and ``answer_key.html`` (sharing
``_worksheet_base.html`` and the macros in ``_worksheet_parts.html``) live with
the report's templates and go through the report's one Jinja environment
(:func:`framing.reporting.render.environment`: autoescape on, so article text is
always escaped); PDFs come from :func:`framing.reporting.pdf.html_to_pdf` (no
dates in the metadata). The only markup made here is the key's highlighted
passages (:func:`framing.reporting.highlight.render_text`, which escapes every
slice) and the packaged CSS. Nothing depends on the clock: the same analysis,
level and seed give the same bytes.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> from framing.engines.memory import analyze
    >>> from framing.worksheets.exercises import build_worksheet
    >>> student, key = render_worksheet(build_worksheet(analyze(load_corpus()), seed=1))
    >>> "Answer key" in key and "Answer key" not in student
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from framing.atomic import write_bytes, write_text
from framing.comparison import Comparison
from framing.engines.memory import Analysis
from framing.reporting import pdf as pdf_writer
from framing.reporting.formatting import static
from framing.reporting.highlight import Item, render_text
from framing.reporting.render import render_html
from framing.worksheets.coding import coding_template
from framing.worksheets.exercises import VOICE_WORDS, Cue, Worksheet, build_worksheet

#: Files :func:`write_worksheet` writes, in order.
OUTPUT_FILES: tuple[str, ...] = ("worksheet.html", "worksheet.pdf", "answer_key.html", "answer_key.pdf",
                                 "coding_template.csv")


def highlighted(text: str, cues: list[Cue]) -> Markup:
    """The passage with its cues marked (key only); every slice of the text is escaped.

    Example:
        >>> c = Cue("hedge", 10, 13, 3, 6, "may", category="modal")
        >>> str(highlighted("It may <b>", [c])).count("<mark")
        1
    """
    items = [Item(f"c{i}", c.rel_start, c.rel_end, c.feature, classes=(c.feature,), badge=str(i + 1))
             for i, c in enumerate(cues)]
    return render_text(text, items)


def voice_words(cue: Cue) -> str:
    """Plain words for a cue's voice, with the speaker where there is one.

    Example:
        >>> voice_words(Cue("hedge", 0, 3, 0, 3, "may", voice="direct_quote", speaker="Ann Lee"))
        'a direct quote (Ann Lee)'
    """
    words = VOICE_WORDS.get(cue.voice, cue.voice)
    return f"{words} ({cue.speaker})" if cue.speaker and cue.voice != "authorial" else words


def context(worksheet: Worksheet, *, key: bool) -> dict[str, Any]:
    """Everything the templates show (the same structure for both; ``key`` switches answers on)."""
    return {
        "ws": worksheet,
        "key": key,
        "css": Markup(static("worksheet.css")),  # packaged file, not user data
        "highlighted": highlighted,
        "voice_words": voice_words,
        "level_words": "introductory" if worksheet.level == "intro" else "advanced",
    }


def render_worksheet(worksheet: Worksheet) -> tuple[str, str]:
    """(student HTML, answer-key HTML)."""
    student = render_html(context(worksheet, key=False), template="worksheet.html")
    answer = render_html(context(worksheet, key=True), template="answer_key.html")
    return student, answer


def write_worksheet(
    analysis: Analysis,
    *,
    out_dir: Path,
    comparison: Comparison | None = None,
    level: str = "intro",
    seed: int = 0,
    pdf: bool = True,
) -> list[Path]:
    """Build, render and atomically write the worksheet, the key, their PDFs and the coding template.

    Args:
        analysis: A :class:`~framing.engines.memory.Analysis`.
        out_dir: Output folder (created if needed).
        comparison: The comparison whose figures the questions quote (default: that of the report).
        level: ``intro`` or ``advanced``.
        seed: Seed of the passage draws.
        pdf: Also write the PDFs.

    Returns:
        Paths written, in :data:`OUTPUT_FILES` order.
    """
    ws = build_worksheet(analysis, comparison=comparison, level=level, seed=seed)
    student, answer = render_worksheet(ws)
    out = Path(out_dir)
    written: list[Path] = []
    for stem, html in (("worksheet", student), ("answer_key", answer)):
        write_text(out / f"{stem}.html", html)
        written.append(out / f"{stem}.html")
        if pdf:
            write_bytes(out / f"{stem}.pdf", pdf_writer.html_to_pdf(html))
            written.append(out / f"{stem}.pdf")
    table = coding_template(ws, analysis)
    # UTF-8 with a byte-order mark, so spreadsheet programs show curly quotes and accents correctly.
    write_bytes(out / "coding_template.csv", table.to_csv(index=False, lineterminator="\n").encode("utf-8-sig"))
    written.append(out / "coding_template.csv")
    return written
