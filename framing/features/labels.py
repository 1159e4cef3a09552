"""Relationship labels: words that name the *type* of a relationship ("alliance", "marriage of convenience").

Each hit is a ``relationship_label`` span with:

* ``label`` - the canonical lexicon term, ``category`` - its lexicon category;
* ``polarity`` - ``negated``, ``questioned``, ``hypothetical`` or
  ``affirmed``: which negation, question and modal cues (``negation_cues.tsv``,
  ``hypothetical_cues.tsv``) scope over the label
  (:mod:`framing.features.labels_polarity`). The seed guideline's
  ``reported_rejection`` is not emitted: a speaker rejecting what the label
  names is ``negated`` (with voice telling who rejects it);
* ``target`` - the story's dyad id (``china-russia`` in the sample story)
  when the dyad is the label's argument, else the id of the other
  relationship (``us-allies``, ``nato``, ``western-alliance``,
  ``russia-generic``, ``generic``...; :mod:`framing.features.labels_target`).
  Only labels with the dyad's target count in the story figures
  (:func:`measures`); the others get rows of their own;
* ``voice``/``speaker`` from :meth:`framing.document.Doc.span`.

The label lexicon, the dyad and its members and the parties that place a label
(the ``party`` and ``label_target`` columns of the actors table) come from the
story (:class:`framing.story.Story`); the cue lists are data files.
:func:`make_label_extractor` builds an extractor from a user's own files.

Example:
    >>> from framing.attribution import prepare_doc
    >>> from framing.model import Article
    >>> t = "Beijing and Moscow are by no means a marriage of convenience. NATO allies disagree."
    >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    >>> [(s.label, s.polarity, s.target) for s in extract(doc)]
    [('marriage of convenience', 'negated', 'china-russia'), ('ally', 'affirmed', 'nato')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from framing.corpus.segmentation import tokenize
from framing.document import Doc
from framing.errors import FramingError
from framing.features.labels_polarity import PolarityRules
from framing.features.labels_scope import Words, context_ok_at
from framing.features.labels_target import GENERIC, LabelTerm, TargetRules, possible_targets
from framing.lexicons import Lexicon, load_lexicon
from framing.matching import PhraseMatcher
from framing.measures import OWN_VOICES, SOURCE_VOICES, Measure
from framing.model import POLARITIES, Span
from framing.story import Story, default_story

if TYPE_CHECKING:
    import pandas as pd

FEATURE = "relationship_label"

#: Category of lexicon rows that name things which are not labels ("picture alliance").
EXCLUDE = "exclude"


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


class LabelExtractor:
    """Finds relationship labels with polarity and target; call it on a :class:`Doc`.

    Args:
        lexicon: Label lexicon (columns ``term``, ``category``, optional ``variants``, ``context``).
        story: The dyad, its two members and the parties that place a label.
        negation_cues: Negation cue table (``term``, ``polarity``, ``scope``, optional ``context``).
        hypothetical_cues: Modal/conditional/question cue table, same columns.

    Example:
        >>> ex = make_label_extractor()
        >>> ex.dyad_id, ex.members
        ('china-russia', ('china', 'russia'))
    """

    def __init__(self, *, lexicon: Lexicon, story: Story, negation_cues: Lexicon, hypothetical_cues: Lexicon):
        self.lexicon = lexicon
        self.dyad_id = story.dyad
        self.members = tuple(story.members)
        if not self.dyad_id or len(self.members) != 2:
            raise FramingError(f"story {story.name!r}: a dyad id and two members are needed, got "
                               f"{self.dyad_id!r} and {list(self.members)!r}")
        terms: list[tuple[str, LabelTerm]] = []
        for row in lexicon.rows:
            t = LabelTerm(row["term"], row.get("category", "other") or "other", row.get("context", ""))
            terms += [(v, t) for v in [row["term"], *_split(row.get("variants", ""))]]
        self._labels = PhraseMatcher(terms, plurals=True)
        self._polarity = PolarityRules(negation_cues=negation_cues, hypothetical_cues=hypothetical_cues)
        self._target = TargetRules(story=story)

    def __call__(self, doc: Doc) -> list[Span]:
        """Relationship-label spans of ``doc``."""
        text = doc.text
        spans: list[Span] = []
        named: list[frozenset[str]] | None = None
        for si, ((s, e), hits) in enumerate(zip(doc.sentences, self._labels.hits_in(text, doc.sentences), strict=True)):
            words: Words | None = None  # tokenised only for a sentence with a label
            for m in hits:
                if m.value.category == EXCLUDE:
                    continue
                if words is None:
                    words = tokenize(text, s, e)
                if not context_ok_at(text, words, m.value.context, m.start, m.end):
                    continue
                if "needs_actor" in m.value.context and not self._target.mentions(text, s, e):
                    continue  # "friends visiting from Moravia": people, not states
                if named is None:
                    named = self._target.members_named(doc)
                spans.append(doc.span(FEATURE, m.start, m.end, label=m.value.term, category=m.value.category,
                                      polarity=self._polarity.polarity(doc, si, m.start, m.end, words),
                                      target=self._target.target(doc, si, m, words, named[si])))
        return spans


def make_label_extractor(
    *,
    story: Story | None = None,
    negation_cues: str | Path = "negation_cues",
    hypothetical_cues: str | Path = "hypothetical_cues",
) -> LabelExtractor:
    """Build a label extractor for a story (default: the sample story) and cue lists (names or TSV paths).

    The label lexicon is the story's ``labels``.

    Example:
        >>> from framing.attribution import prepare_doc
        >>> from framing.model import Article
        >>> ex = make_label_extractor()
        >>> t = "Is it a friendship?"
        >>> [s.polarity for s in ex(prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t)))]
        ['questioned']
    """
    story = story or default_story()
    return LabelExtractor(
        lexicon=load_lexicon(story.labels),
        story=story,
        negation_cues=load_lexicon(negation_cues),
        hypothetical_cues=load_lexicon(hypothetical_cues),
    )


@lru_cache(maxsize=8)
def _extractor(story: Story) -> LabelExtractor:
    return make_label_extractor(story=story)


def extract(doc: Doc, *, story: Story | None = None) -> list[Span]:
    """Relationship-label spans of ``doc`` for a story (default: the sample story).

    Example:
        >>> from framing.attribution import prepare_doc
        >>> from framing.model import Article
        >>> t = "The Western Alliance imposed sanctions, especially on banks."
        >>> doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
        >>> [(s.label, s.target) for s in extract(doc)]
        [('alliance', 'western-alliance')]
    """
    return _extractor(story or default_story())(doc)


#: Rows for single other relationships: at most this many targets, each with at least MIN_OTHER_HITS labels.
MAX_OTHER_TARGETS = 3
MIN_OTHER_HITS = 2
#: Group of the rows about relationships other than the story's.
OTHER_GROUP = "Labels about other relationships (not in the story figures)"


def counts_for_story(target: str, story: Story | None = None) -> bool:
    """Whether a label with this target counts in the story figures (its target is the story's dyad).

    Example:
        >>> counts_for_story("china-russia"), counts_for_story("western-alliance")
        (True, False)
    """
    return target == (story or default_story()).dyad


def category_name(category: str) -> str:
    """A label category in plain words ("other" is "other kind", not to be read as "other relationships").

    Example:
        >>> category_name("rivalry_or_split"), category_name("other")
        ('rivalry or split', 'other kind')
    """
    return "other kind" if category == "other" else category.replace("_", " ")


def not_counted_note(target: str) -> str:
    """How the KWIC table and the evidence mark a label about another relationship.

    Example:
        >>> not_counted_note("us-allies")
        'about us-allies: not counted in the story figures'
    """
    return f"about {target or GENERIC}: not counted in the story figures"


def _key_part(target: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", target.lower()).strip("_") or GENERIC


def measures(
    spans: pd.DataFrame | None = None, articles: pd.DataFrame | None = None, *, story: Story | None = None
) -> list[Measure]:
    """Labels per 1,000 words: about the story's dyad (all, per category and polarity, by voice), then the others.

    The story rows count only labels whose ``target`` is the story's dyad
    (:attr:`framing.story.Story.dyad`): "the Western Alliance has imposed
    sanctions" is not a label of China–Russia relations. Labels about other
    relationships get their own rows (group :data:`OTHER_GROUP`): all of them,
    and, given a span table, each of the :data:`MAX_OTHER_TARGETS` most
    frequent other targets (``label_about_us_allies_per_1000_words``).

    Args:
        spans: A span table (the categories, polarities and targets it has), or None (every category
            of the story's label lexicon, every polarity, every target the rules can give).
        articles: Not used.
        story: The story: its dyad and label lexicon (None: the default story).

    Example:
        >>> [m.key for m in measures()][:3]
        ['label_per_1000_words', 'label_alliance_per_1000_words', 'label_convenience_per_1000_words']
        >>> measures()[0].where
        (('target', ('china-russia',)),)
    """
    story = story or default_story()
    top: list[str] = []
    if spans is None:
        rows = load_lexicon(story.labels).rows
        categories = sorted({r.get("category", "") or "other" for r in rows} - {EXCLUDE})
        polarities: list[str] = list(POLARITIES)
        others: tuple[str, ...] = possible_targets(story)
    else:
        mine = spans.loc[spans["feature"] == FEATURE]
        if mine.empty:
            return []
        categories = sorted({str(v) for v in mine["category"] if str(v)})
        polarities = sorted({str(v) for v in mine["polarity"] if str(v)})
        counts = mine.loc[mine["target"].astype(str) != story.dyad, "target"].astype(str).value_counts()
        others = tuple(sorted(counts.index))
        top = [str(t) for t, n in counts.items() if n >= MIN_OTHER_HITS][:MAX_OTHER_TARGETS]
    g, f, unit = f"Relationship labels about {story.name}", (FEATURE,), "per 1,000 words"
    about = ("target", (story.dyad,))
    out = [Measure("label_per_1000_words", g, f"all labels about {story.name}", unit, "rate", f, (about,))]
    out += [Measure(f"label_{c}_per_1000_words", g, f"label: {category_name(c)}", unit, "rate", f,
                    (about, ("category", (c,)))) for c in categories]
    ordered = ["affirmed", "negated", *[p for p in sorted(polarities) if p not in ("affirmed", "negated")]]
    out += [Measure(f"label_{p}_per_1000_words", g, f"labels {p}", unit, "rate", f, (about, ("polarity", (p,))))
            for p in ordered]
    out.append(Measure("label_own_per_1000_words", g, "labels in the outlet's own voice", unit, "rate", f,
                       (about, ("voice", OWN_VOICES))))
    out.append(Measure("label_sources_per_1000_words", g, "labels in sources' words", unit, "rate", f,
                       (about, ("voice", SOURCE_VOICES))))
    if others:
        out.append(Measure("label_about_other_relationships_per_1000_words", OTHER_GROUP,
                           "labels about other relationships (not counted above)", unit, "rate", f,
                           (("target", others),)))
    out += [Measure(f"label_about_{_key_part(t)}_per_1000_words", OTHER_GROUP, f"labels about {t} (not the story)",
                    unit, "rate", f, (("target", (t,)),)) for t in top]
    return out
