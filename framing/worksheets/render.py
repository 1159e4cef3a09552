"""Render a worksheet, its answer key, the article pack and the lesson plan (HTML, then PDF) and write every file.

Each document has its own template (:data:`DOCUMENTS`): ``worksheet.html``
(the student sheet), ``answer_key.html`` (the key), ``pack.html`` (the
article pack) and ``plan.html`` (the lesson plan). All four extend
``_worksheet_base.html``; the exercises' macros are in
``_worksheet_parts.html``. They live with the report's templates and go
through the report's one Jinja environment
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
from framing.worksheets.markdown import student_markdown
from framing.worksheets.pack import article_pack
from framing.worksheets.plan import GLOSSARY, lesson_plan

#: Files :func:`write_worksheet` writes, in order.
OUTPUT_FILES: tuple[str, ...] = ("worksheet.html", "worksheet.pdf", "answer_key.html", "answer_key.pdf",
                                 "article_pack.html", "article_pack.pdf", "lesson_plan.html", "lesson_plan.pdf",
                                 "worksheet.md", "coding_template.csv")

#: Documents: file stem -> (template, doc).
DOCUMENTS: dict[str, tuple[str, str]] = {
    "worksheet": ("worksheet.html", "sheet"), "answer_key": ("answer_key.html", "key"),
    "article_pack": ("pack.html", "pack"), "lesson_plan": ("plan.html", "plan"),
}


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


def sheet_glossary(worksheet: Worksheet) -> list[tuple[str, str]]:
    """The glossary terms the student sheet uses (in its titles, instructions and questions), in glossary order.

    Example:
        >>> from framing.worksheets.exercises import Exercise, Worksheet
        >>> ws = Worksheet("intro", 0, "T", [], 0, [Exercise("hedges", "Spot the hedges", "Find boosters.")])
        >>> [t for t, _ in sheet_glossary(ws)]
        ['hedge', 'booster']
    """
    words = " ".join([e.title + " " + e.instructions + " " + " ".join(str(q["text"]) for q in e.questions)
                      for e in worksheet.included]).lower()
    return [(t, d) for t, d in GLOSSARY if t in words]


def context(worksheet: Worksheet, *, key: bool, doc: str = "", analysis: Analysis | None = None) -> dict[str, Any]:
    """Everything the templates show (the same structure for all; ``key`` switches answers on).

    ``doc`` is ``sheet``, ``key``, ``pack`` (needs ``analysis``) or ``plan``.
    """
    doc = doc or ("key" if key else "sheet")
    return {
        "ws": worksheet,
        "key": key,
        "doc": doc,
        "css": Markup(static("worksheet.css")),  # packaged file, not user data
        "highlighted": highlighted,
        "voice_words": voice_words,
        "level_words": "introductory" if worksheet.level == "intro" else "advanced",
        "glossary": sheet_glossary(worksheet),
        "pack": article_pack(analysis, blind=worksheet.blind_pack, seed=worksheet.seed) if doc == "pack" and
        analysis is not None else None,
        "plan": lesson_plan(worksheet, blind_pack=worksheet.blind_pack) if doc == "plan" else None,
    }


def render_worksheet(worksheet: Worksheet) -> tuple[str, str]:
    """(student HTML, answer-key HTML)."""
    student = render_html(context(worksheet, key=False), template="worksheet.html")
    answer = render_html(context(worksheet, key=True), template="answer_key.html")
    return student, answer


def render_documents(worksheet: Worksheet, analysis: Analysis) -> dict[str, str]:
    """HTML of every document (:data:`DOCUMENTS`), by file stem."""
    return {stem: render_html(context(worksheet, key=doc in ("key", "plan"), doc=doc, analysis=analysis),
                              template=template) for stem, (template, doc) in DOCUMENTS.items()}


def write_worksheet(
    analysis: Analysis,
    *,
    out_dir: Path,
    comparison: Comparison | None = None,
    level: str = "intro",
    seed: int = 0,
    pdf: bool = True,
    blind_pack: bool = False,
) -> list[Path]:
    """Build, render and atomically write the sheet, key, article pack, lesson plan, their PDFs, Markdown, template.

    Args:
        analysis: A :class:`~framing.engines.memory.Analysis`.
        out_dir: Output folder (created if needed).
        comparison: The comparison whose figures the questions quote (default: that of the report).
        level: ``intro`` or ``advanced``.
        seed: Seed of the passage draws.
        pdf: Also write the PDFs.
        blind_pack: The article pack hides the outlets.

    Returns:
        Paths written, in :data:`OUTPUT_FILES` order.
    """
    ws = build_worksheet(analysis, comparison=comparison, level=level, seed=seed, blind_pack=blind_pack)
    out = Path(out_dir)
    written: list[Path] = []
    for stem, html in render_documents(ws, analysis).items():
        write_text(out / f"{stem}.html", html)
        written.append(out / f"{stem}.html")
        if pdf:
            write_bytes(out / f"{stem}.pdf", pdf_writer.html_to_pdf(html))
            written.append(out / f"{stem}.pdf")
    write_text(out / "worksheet.md", student_markdown(ws, sheet_glossary(ws)))
    written.append(out / "worksheet.md")
    table = coding_template(ws, analysis)
    # UTF-8 with a byte-order mark, so spreadsheet programs show curly quotes and accents correctly.
    write_bytes(out / "coding_template.csv", table.to_csv(index=False, lineterminator="\n").encode("utf-8-sig"))
    written.append(out / "coding_template.csv")
    return written
