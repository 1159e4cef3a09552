"""Feature family `frame`: cue words of issue frames (security, economy, history...).

Every hit of the story's frame lexicon (the editable ``lexicons/frames.tsv``
by default) is a ``frame`` span: ``label`` and ``category`` = the frame id, ``text`` = the cue word.
Matching follows the packaged lexicons' case convention (capitalised terms
such as "UN" or "Games" case-sensitively), the longest match wins ("cold war"
is history, not security) and rows with frame ``-`` block a cue inside a
longer phrase ("think tank"). :func:`frame_shares` turns the spans into each
outlet's share of sentences touching each frame.

Example:
    >>> from framing.model import Article
    >>> from framing.attribution import prepare_doc
    >>> a = Article(id="a", outlet_id="o", outlet_name="O", raw_text="",
    ...             text="Sanctions hit the economy. A think tank recalled the Cold War.")
    >>> [(s.text, s.label) for s in extract(prepare_doc(a))]
    [('Sanctions', 'sanctions'), ('economy', 'economy_energy_trade'), ('Cold War', 'history')]
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from framing.document import Doc
from framing.lexicons import load_lexicon
from framing.matching import CasedMatcher
from framing.measures import Measure
from framing.model import Span
from framing.story import Story, default_story


@lru_cache(maxsize=8)
def _matcher(name_or_path: str) -> CasedMatcher[str]:
    lex = load_lexicon(name_or_path)
    terms = [(r["term"], r.get("frame", "").strip() or "-") for r in lex.rows]
    return CasedMatcher(terms, plurals=True, exclude=lambda v: v == "-")


def frame_ids(*, lexicon: str | None = None) -> list[str]:
    """The frames a lexicon defines (default: the sample story's), in order of first appearance.

    Example:
        >>> frame_ids()[:2]
        ['security_military', 'economy_energy_trade']
    """
    seen: dict[str, None] = {}
    for r in load_lexicon(lexicon or default_story().frames).rows:
        f = r.get("frame", "").strip()
        if f and f != "-":
            seen.setdefault(f, None)
    return list(seen)


def extract(doc: Doc, *, story: Story | None = None) -> list[Span]:
    """One ``frame`` span per hit of the story's frame lexicon (default story: ``lexicons/frames.tsv``)."""
    text = doc.text
    matcher = _matcher((story or default_story()).frames)
    spans: list[Span] = []
    for i, hits in enumerate(matcher.hits_in(text, doc.sentences)):
        for m in hits:
            spans.append(doc.span("frame", m.start, m.end, sentence=i, label=m.value, category=m.value))
    return spans


def measures(
    spans: pd.DataFrame | None = None, articles: pd.DataFrame | None = None, *, story: Story | None = None
) -> list[Measure]:
    """Per frame, the % of sentences with a cue of it.

    Args:
        spans: A span table (the frames it has), or None (every frame of the story's frame lexicon).
        articles: Not used.
        story: The story whose frame lexicon lists the frames (None: the default story).

    Example:
        >>> [m.key for m in measures()][:2]
        ['frame_diplomacy_politics_sentences_pct', 'frame_economy_energy_trade_sentences_pct']
    """
    if spans is None:
        frames = sorted(frame_ids(lexicon=(story or default_story()).frames))
    else:
        frames = sorted({str(v) for v in spans.loc[spans["feature"] == "frame", "label"] if str(v)})
    return [Measure(f"frame_{frame}_sentences_pct", "Frames", f"frame: {frame.replace('_', ' ')}",
                    "% of sentences", "share_sentences", ("frame",), (("label", (frame,)),))
            for frame in frames]


def frame_shares(spans: pd.DataFrame, *, frames: list[str] | None = None) -> pd.DataFrame:
    """Per outlet, the share of its sentences that touch each frame.

    Sentences are counted from the ``sentence`` spans (one per sentence) when
    the table has them, else from the highest sentence index of any span of
    each article. A sentence with two cues of one frame counts once.

    Returns:
        One row per (outlet_id, frame): ``n_sentences``,
        ``n_sentences_with_frame``, ``share_of_sentences`` (NaN if the
        outlet has no sentences) and ``n_cues``.

    Example:
        >>> rows = [dict(article_id="a", outlet_id="o", feature="sentence", sentence=i) for i in range(4)]
        >>> rows += [dict(article_id="a", outlet_id="o", feature="frame", sentence=1, label="history"),
        ...          dict(article_id="a", outlet_id="o", feature="frame", sentence=1, label="history")]
        >>> t = frame_shares(pd.DataFrame(rows), frames=["history", "sanctions"])
        >>> t[["frame", "n_sentences_with_frame", "share_of_sentences", "n_cues"]].values.tolist()
        [['history', 1, 0.25, 2], ['sanctions', 0, 0.0, 0]]
    """
    cols = ["outlet_id", "frame", "n_sentences", "n_sentences_with_frame", "share_of_sentences", "n_cues"]
    if spans.empty:
        return pd.DataFrame(columns=cols)
    sents = spans[spans["feature"] == "sentence"]
    if not sents.empty:
        per_article = sents.groupby(["outlet_id", "article_id"])["sentence"].nunique()
    else:
        per_article = spans[spans["sentence"] >= 0].groupby(["outlet_id", "article_id"])["sentence"].max() + 1
    n_sent = per_article.groupby(level="outlet_id").sum()
    cues = spans[(spans["feature"] == "frame") & (spans["sentence"] >= 0)]
    frame_list = frames if frames is not None else sorted(cues["label"].unique())
    rows = []
    for outlet in sorted(set(spans["outlet_id"])):
        oc = cues[cues["outlet_id"] == outlet]
        n = int(n_sent.get(outlet, 0))
        for f in frame_list:
            fc = oc[oc["label"] == f]
            k = int(fc[["article_id", "sentence"]].drop_duplicates().shape[0])
            rows.append(
                {
                    "outlet_id": outlet,
                    "frame": f,
                    "n_sentences": n,
                    "n_sentences_with_frame": k,
                    "share_of_sentences": k / n if n else float("nan"),
                    "n_cues": len(fc),
                }
            )
    return pd.DataFrame(rows, columns=cols)
