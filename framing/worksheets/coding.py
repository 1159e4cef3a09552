"""The class hand-coding template: one row per sentence of the worksheet and feature to code.

A teacher opens ``coding_template.csv`` in a spreadsheet; each row is a
sentence (``unit_text``, offsets ``start``/``end``) and the feature to look
for. Students write what they found in ``text`` (a second find: copy the row)
and their name in ``coder``; ``label``, ``polarity``, ``voice`` and
``speaker`` are optional. ``framing agreement`` then compares the file with the
tool (:mod:`framing.agreement`). The ``help`` column explains each block on its
first row.

Example:
    >>> from framing.corpus.loading import load_corpus
    >>> from framing.engines.memory import analyze
    >>> from framing.worksheets.exercises import build_worksheet
    >>> a = analyze(load_corpus())
    >>> t = coding_template(build_worksheet(a, seed=1), a)
    >>> sorted(set(t["feature"]))
    ['hedge', 'quote', 'relationship_label']
"""

from __future__ import annotations

import pandas as pd

from framing.engines.memory import Analysis
from framing.worksheets.answers import CODING_COLUMNS, POLARITY_OPTIONS, VOICE_OPTIONS
from framing.worksheets.exercises import Worksheet

#: What students do, per feature (shown in the ``help`` column of each block's first row).
HELP: dict[str, str] = {
    "hedge": "Copy each hedge (a word that makes the claim less certain) of this sentence into `text`; one row "
    "per hedge (copy the row for another); leave `text` empty if there is none. Put your name in `coder`.",
    "booster": "Copy each booster (a word that makes the claim sound certain) into `text`; one row per booster; "
    "leave `text` empty if there is none.",
    "quote": "Copy the words in quotation marks into `text` and the person speaking into `speaker`; one row per "
    "quote; leave `text` empty if nobody is quoted.",
    "paraphrase": "Copy the reported words (what someone said, without quotation marks) into `text` and the "
    "speaker into `speaker`; leave `text` empty if none.",
    "relationship_label": "Copy the word naming the relationship (ally, partner...) into `text`; in `voice` write "
    "who is speaking: {voice}; in `polarity` what the sentence says: {polarity} (the worksheet's options); leave "
    "`text` empty if there is none.",
}

_EXERCISE_FEATURES: dict[str, tuple[str, ...]] = {"quotes": ("quote",), "labels": ("relationship_label",)}


def _help(feature: str, level: str) -> str:
    """A block's help text, with the worksheet's own answer options."""
    return HELP.get(feature, "").format(voice=" / ".join(VOICE_OPTIONS[level]),
                                        polarity=" / ".join(POLARITY_OPTIONS[level]))


def coding_template(worksheet: Worksheet, analysis: Analysis) -> pd.DataFrame:
    """Rows (:data:`~framing.worksheets.answers.CODING_COLUMNS`) for every sentence of the worksheet's coded passages.

    Hedge passages are coded for ``hedge`` (advanced: also ``booster``), the
    who-is-quoted passages for ``quote``, the label sentences for
    ``relationship_label``. Answers are left empty.
    """
    texts = {a.id: a.text for a in analysis.corpus.articles}
    rows: list[dict[str, object]] = []
    for ex in worksheet.included:
        if ex.kind == "hedges":
            features: tuple[str, ...] = tuple(sorted({c.feature for it in ex.items for c in it.cues} | {"hedge"}))
        else:
            features = _EXERCISE_FEATURES.get(ex.kind, ())
        for feature in features:
            first = True
            for item in ex.items:
                p = item.passage
                for start, end in p.sentences:
                    rows.append({
                        "article_id": p.article_id, "outlet_id": p.outlet_id, "feature": feature, "start": start,
                        "end": end, "unit_text": " ".join(texts[p.article_id][start:end].split()), "text": "",
                        "label": "", "polarity": "", "voice": "", "speaker": "", "coder": "",
                        "help": _help(feature, worksheet.level) if first else "",
                    })
                    first = False
    return pd.DataFrame(rows, columns=list(CODING_COLUMNS))
