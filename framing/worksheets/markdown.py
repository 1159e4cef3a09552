"""The student worksheet as editable Markdown: the same exercises, passages and options as the PDF.

A teacher can change it in any text editor, or import it into a word
processor (pandoc, or paste). No answers are in it.

Example:
    >>> from framing.worksheets.exercises import Exercise, Item, Passage, Worksheet
    >>> ex = Exercise("labels", "Label detective", "Tick.", options={"voice": ["the outlet itself", "someone"],
    ...               "polarity": ["says it is"]})
    >>> ex.items.append(Item(Passage("a", "o", "O", 0, 5, "Allies*."), ref="Article 1, paragraph 2"))
    >>> md = student_markdown(Worksheet("intro", 0, "T", [("o", "O")], 1, [ex]))
    >>> "> Allies\\\\*." in md and "[ ] the outlet itself" in md and "Article 1, paragraph 2" in md
    True
"""

from __future__ import annotations

import re

from framing.worksheets.exercises import Exercise, Item, Worksheet

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def escape(text: str) -> str:
    """Text with Markdown's special characters escaped.

    Example:
        >>> escape("a *b* [c]")
        'a \\\\*b\\\\* \\\\[c\\\\]'
    """
    return _SPECIAL.sub(r"\\\1", text)


def _passage(item: Item, head: str) -> list[str]:
    where = f" ({item.ref})" if item.ref else ""
    out = [f"**{head}**{escape(where)}", ""]
    for para in item.passage.text.split("\n"):
        if para.strip():
            out += [f"> {escape(para.strip())}", ">"]
    if out[-1] == ">":
        out.pop()
    return [*out, ""]


def _lines(n: int) -> list[str]:
    return ["_" * 60 + "  " for _ in range(n)] + [""]


def _exercise(ex: Exercise, n: int, ws: Worksheet) -> list[str]:
    out = [f"## {n}. {escape(ex.title)}", "", f"*{escape(ex.instructions)}*", ""]
    if ex.kind == "blind":
        out += [f"The outlets: {escape('; '.join(ex.choices))}.", ""]
    for k, item in enumerate(ex.items, start=1):
        if ex.kind == "hedges":
            out += _passage(item, f"{n}.{k} Passage {k}, from {item.passage.outlet_name}")
            out += ["The hedges I found:", "", *_lines(2)]
        elif ex.kind == "quotes":
            out += _passage(item, f"{n}.{k} {item.passage.outlet_name}")
            out += ["| Who is quoted? | Who are they? (job, organisation, country) |", "|---|---|"]
            out += ["| | |"] * (len(item.facts.get("speakers", [])) + 1)  # type: ignore[arg-type]
            out.append("")
        elif ex.kind == "labels":
            out += _passage(item, f"{n}.{k} {item.passage.outlet_name}")
            out += ["Label: ____________________", ""]
            out += ["Who is speaking? " + "  ".join(f"[ ] {o}" for o in ex.options.get("voice", [])), ""]
            out += ["The sentence: " + "  ".join(f"[ ] {o}" for o in ex.options.get("polarity", [])), ""]
        elif ex.kind == "blind":
            out += _passage(item, f"{n}.{k} Excerpt {item.letter}")
            out += ["Outlet: ____________________ What gave it away?", "", *_lines(2)]
        elif ex.kind == "missing":
            out += _passage(item, f"{n}.{k} {item.passage.outlet_name}")
            options = item.facts.get("options", [])
            out += ["Also reported by (tick every one): " + "  ".join(f"[ ] {escape(str(o))}" for o in options),  # type: ignore[attr-defined]
                    ""]
        elif ex.kind == "readability":
            out += _passage(item, f"Passage {item.letter}")
    if ex.kind == "readability":
        out += [f"{n}.1 My ranking, hardest first: ______", "", f"{n}.2 What made the hardest passage hard?", "",
                *_lines(2)]
    first = len(ex.items) + 1 if ex.kind == "missing" else 1  # follow-up questions are numbered after the items
    for k, q in enumerate(ex.questions, start=first):
        out += [f"{n}.{k} {escape(str(q['text']))}", "", *_lines(3 if ex.kind == "discussion" else 2)]
    follow = {"hedges": "Rewrite one hedged sentence without its hedges. How does the meaning change?",
              "quotes": "Compare your tables. Which outlet lets more sides of the story speak?",
              "labels": "Why does it matter whether a label comes from the outlet itself or from someone it quotes?"}
    if ex.kind in follow:
        out += [f"{n}.{len(ex.items) + 1} {follow[ex.kind]}", "", *_lines(2)]
    return out


def student_markdown(ws: Worksheet, glossary: list[tuple[str, str]] | None = None) -> str:
    """The student sheet as Markdown (see the module example)."""
    out = [f"# {escape(ws.title)}", "", "Name: ____________________  Class: __________  Date: __________", ""]
    names = ", ".join(name for _, name in ws.outlets)
    out += [f"A worksheet on {ws.n_articles} news articles from {len(ws.outlets)} outlets: {escape(names)}. "
            "The full articles are in the article pack.", ""]
    if glossary:
        out += ["**Words to know**", ""] + [f"- **{t}**: {escape(d)}" for t, d in glossary] + [""]
    for n, ex in enumerate(ws.included, start=1):
        out += _exercise(ex, n, ws)
    return "\n".join(out).rstrip() + "\n"
