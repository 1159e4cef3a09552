"""The lesson plan: aims, what to prepare, timings for a 45- and a 90-minute lesson, how to run each exercise, glossary.

The plan follows the worksheet: only its exercises are timed and explained;
the time of an exercise left out goes to the discussion. Timings add up to
45 and 90 minutes exactly.

Example:
    >>> from framing.worksheets.exercises import Exercise, Worksheet
    >>> ws = Worksheet("intro", 0, "T", [("a", "A")], 1, [Exercise("hedges", "Spot the hedges", ""),
    ...                                                  Exercise("discussion", "Discuss", "")])
    >>> p = lesson_plan(ws)
    >>> sum(r.minutes_45 for r in p.timings), sum(r.minutes_90 for r in p.timings)
    (45, 90)
    >>> [t for t, _ in p.glossary][:3]
    ['hedge', 'booster', 'voice']
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.worksheets.exercises import Worksheet

#: Terms the sheet and the discussion use, in plain words for 15-year-olds.
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("hedge", "a word that makes a claim less certain: may, might, perhaps, likely, about. \"The talks may fail\" "
     "is hedged; \"the talks will fail\" is not."),
    ("booster", "a word that makes a claim sound certain: clearly, certainly, no doubt, of course."),
    ("voice", "whose words you are reading: the outlet's own (the journalist writing), or someone the article "
     "quotes or reports."),
    ("quote", "someone's exact words, inside quotation marks: \"We are partners,\" she said."),
    ("paraphrase", "someone's words retold by the journalist, without quotation marks: She said they were "
     "partners."),
    ("label", "a word or phrase that names what a relationship is: ally, partner, friend, rival."),
    ("frame", "the angle a story is told from: which sides of it an article makes important (security, money, "
     "history, sport...)."),
    ("source", "a person or organisation whose words or information an article uses."),
    ("tone", "whether the words around someone are positive, negative or neutral about them."),
)

#: What the lesson is for.
AIMS: tuple[str, ...] = (
    "Notice that outlets reporting the same story choose different words, sources and angles.",
    "Tell the outlet's own voice from the voices it quotes, and say why that matters.",
    "Spot hedges, boosters and relationship labels, and say how they change what a reader believes.",
    "Treat a computer's answers as claims to check, not as facts.",
)

#: Minutes in a 45- and a 90-minute lesson, per activity (the discussion gets what is left).
MINUTES: dict[str, tuple[int, int]] = {
    "start": (5, 8), "read": (0, 15), "hedges": (7, 10), "quotes": (7, 10), "labels": (7, 10), "blind": (6, 8),
    "readability": (4, 6), "missing": (6, 8), "end": (2, 5),
}

#: How to run each exercise.
HOW: dict[str, str] = {
    "start": "Ask the class where they get their news and whether two outlets ever tell the same story differently. "
    "Go through the glossary on the sheet's first page; ask for an example of a hedge and of a quote.",
    "read": "Pairs read two articles of the pack each and mark one sentence they think shows the outlet's view. "
    "In a 45-minute lesson, set the reading as homework the day before.",
    "hedges": "Read the passage aloud. Students underline alone, then compare with a neighbour. Take answers on the "
    "board; where the class disagrees, ask: does the word make the claim less certain? The rewrite question works "
    "best read aloud: hedged and unhedged versions side by side.",
    "quotes": "Students fill the table alone. Check the names first, then the 'who are they' column. Ask which "
    "country or side each outlet's speakers come from, and who is missing.",
    "labels": "Do the first sentence together. Point out that quotation marks change who is speaking. A label can "
    "be denied (\"not an alliance\") or only possible (\"could become allies\"): those are the interesting ones.",
    "blind": "Students guess the outlet of each excerpt and must give a reason from the words. Reveal the answers "
    "one by one and ask which clue worked.",
    "readability": "Students rank the passages, then count the words in two sentences of each. Explain that a "
    "readability grade is a formula of sentence and word length, and ask what it misses.",
    "missing": "Give each group one of the other articles of the pack: does it report the passage, in any words? "
    "Groups report back and the class ticks the outlets together (the key's 'closest sentence' column says where "
    "to look). Then ask why an outlet might leave it out: space, audience, sources, or a view of the story.",
    "discussion": "Pairs take one question each and report back. Insist on an example from the passages or the "
    "pack for every claim. The figures come from the tool: ask how the class could check them.",
    "end": "Each student writes one sentence: 'One thing I will look for next time I read the news is...'.",
}

#: Activity titles for the timing table.
TITLES: dict[str, str] = {"start": "Introduction and glossary", "read": "Reading the articles (article pack)",
                          "end": "Wrap-up"}


@dataclass(frozen=True)
class Timing:
    """One activity of the lesson and its minutes in a 45- and a 90-minute lesson."""

    key: str
    title: str
    minutes_45: int
    minutes_90: int
    how: str


@dataclass(frozen=True)
class Plan:
    """The lesson plan of one worksheet."""

    aims: tuple[str, ...]
    prepare: tuple[str, ...]
    timings: tuple[Timing, ...]
    glossary: tuple[tuple[str, str], ...]


def lesson_plan(ws: Worksheet, *, blind_pack: bool = False) -> Plan:
    """The lesson plan for a worksheet (see the module example)."""
    kinds = [e.kind for e in ws.included]
    steps = ["start", "read", *[k for k in kinds if k != "discussion"], "discussion", "end"]
    titles = {e.kind: e.title for e in ws.included}
    rows: list[Timing] = []
    for k in steps:
        m45, m90 = MINUTES.get(k, (0, 0))
        rows.append(Timing(k, titles.get(k, TITLES.get(k, "Discussion")), m45, m90, HOW.get(k, "")))
    rest45 = 45 - sum(r.minutes_45 for r in rows)
    rest90 = 90 - sum(r.minutes_90 for r in rows)
    rows = [Timing(r.key, r.title, r.minutes_45 + rest45, r.minutes_90 + rest90, r.how) if r.key == "discussion"
            else r for r in rows]
    prepare = (
        "Print one student worksheet per student and one article pack per pair"
        + (" (this pack hides the outlets: hand out the worksheet, which names them, after the blind-source "
           "exercise)." if blind_pack else "."),
        "Read the answer key. Items marked 'Check before class' are where the tool may be wrong: decide your answer "
        "before the lesson.",
        "Optional: open coding_template.csv in a spreadsheet; after the lesson, type the class's answers into it and "
        "run `framing agreement coding_template.csv` to see where the class and the tool agree.",
        "The editable worksheet (worksheet.md) can be changed in any text editor or imported into a word processor.",
    )
    return Plan(AIMS, prepare, tuple(rows), GLOSSARY)
