"""Polarity of a relationship label: which negation, modal and question cues scope over it.

A cue (``negation_cues.tsv``, ``hypothetical_cues.tsv``) scopes over a label
when it comes first in the same clause, within the reach its ``scope``
column gives (``np``, ``clause``, ``complement``, ``subclause``), or, for a
cue with scope ``subject``, when it follows a label that is the subject of a
copula ("an alliance is out of the question", "was ruled out"), or, with
scope ``indefinite_subject``, an indefinite label that is its subject ("a
Russia-China alliance would reshape the world"). Then:

* ``negated`` wins, unless the denying verb is itself negated ("have not
  ruled out an alliance", "did not deny that they are allies":
  ``hypothetical``); a cue followed by a degree word is about the degree,
  not the label: "have never been closer partners", "could not be better
  friends", "not since the 1950s such close allies", "is not France's only
  partner" are affirmed, and so is a "no" label compared with "than" ("no
  partner matters more to Moscow than Beijing");
* ``questioned`` for a cue like "whether", or a yes/no question the label
  stands in ("Are they allies?", also inside a quotation); a wh-question
  presupposes its content ("Why are they allies?" stays affirmed), and so
  does a yes/no question about something done to a definite label ("Would
  Japan fight alongside its ally?");
* ``hypothetical`` for a modal, conditional, need/plan/attempt cue;
* a cue does not reach a definite label that is the object of another word
  after it: "do not want to lose their partnership", "could develop the
  quasi-alliance" and "closer to its ally" presuppose the label; "is not
  China's ally", "will become its ally", "partners, not its allies" and
  "the proposed alliance" do not. A bare label is presupposed as the object
  of a verb after "to" ("failed to assure allies"), unless the verb makes
  or names it ("failed to find allies");
* a negation right before "always", "only" or "the only" is about constancy
  or exclusivity ("has not always been a reliable ally", "by no means the
  only company in a partnership"), "at most" bounds a claim and is no degree
  ("would be at most a quiet partner": hypothetical), and a negation with
  "without" after it cancels ("hardly a week passes without officials
  praising X as a partner"): affirmed;
* a conditional opened by inversion ("Had X and Y been allies, ...") is
  ``hypothetical``; a ``subject`` cue reaches its label across an
  interrupting attribution ("“The alliance,” he wrote, “is a fiction”");
* a label ending a capitalised name ("a Democracy Alliance gala") and a
  label after a quotation that holds the cue ("hail ‘no limits’
  partnership") are outside the cue's scope;
* else ``affirmed``.

Example:
    >>> from framing.corpus.segmentation import tokenize
    >>> t = "China and Russia have never been closer partners"
    >>> _about_degree(t, tokenize(t), t.index("never") + 5, t.index("partners"))
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.document import Doc
from framing.features._context import is_month_may
from framing.features.labels_scope import (
    DEFINITE,
    MAX_CLAUSE_WORDS,
    MAX_NP_WORDS,
    Words,
    boundary_words,
    context_ok_at,
    determiner_at,
    end_words_after,
    previous_words,
    reaches,
    start_words_before,
    words_between,
)
from framing.lexicons import Lexicon
from framing.matching import PhraseMatcher

__all__ = ["Cue", "PolarityRules", "asks_yes_no"]

#: Words between a label and a ``subject`` cue after it ("an alliance between the two would be out of the question").
MAX_SUBJECT_GAP = 8
#: Words beyond a cue's reach that a cue search still covers on each side of a label: more than the longest
#: cue (4 words), so a cue cut by the window edge never reaches the label. The windows keep a sentence with
#: many labels linear.
CUE_WINDOW_MARGIN = 12

#: Where the stretch of text holding a label ends: ? or !, or a full stop before a closing quotation mark.
_TERMINAL_RE = re.compile(r"[?!]|\.(?=[\"”’])")
#: Where a question can open inside a sentence (after a colon, dash or opening quotation mark).
_SEGMENT_START_RE = re.compile(r"[?!:;“\"—]")
#: Degree words: a negation before one of them denies the degree, not the label ("never been closer partners").
_DEGREE_WORDS = frozenset(
    "closer closest stronger strongest better best warmer warmest tighter deeper firmer friendlier more most "
    "such so only sole main largest biggest greatest".split()
)
#: An attribution that interrupts a clause between its subject and its verb, in a quotation (``,” Medvedev
#: wrote, “``) or not (``, one columnist argued,``): a stretch between two commas, without a full stop.
_INTERRUPTION_RE = re.compile(r"\s*(?:,\s*[”\"’]|[”\"’]?\s*,)[^“”\"‘’.?!,;:]{1,80}?,\s*[“\"‘]?\s*")
#: Words that, right after a negation (or after its article), make it deny exclusivity, not the label.
_EXCLUSIVE_WORDS = frozenset("only sole".split())
_ARTICLES = frozenset("the a an".split())
#: Words that open a counterfactual conditional by inversion ("Had they been allies, ...").
_INVERSION_WORDS = frozenset("had were".split())
#: Forms of "be" and linking verbs through which a ``subject`` cue reaches the label before it.
_COPULAS = frozenset("is are was were be been being remains remain remained seems seem seemed looks look 's "
                     "become becomes became becoming".split())
#: Adverbs skipped when looking for the verb before a label's determiner ("is not really China's ally").
_ADVERBS = frozenset("even yet ever quite also still just now already once again really truly".split())
#: Verbs whose second object is a predicate ("does not call Russia its ally").
_NAMING_VERBS = frozenset("call calls called calling consider considers considered considering deem deems deemed "
                          "name names named dub dubs dubbed label labels labelled labeled term terms termed".split())
#: Verbs after which a bare label is what the verb would bring about or a predicate, not an existing
#: relationship ("refused to form alliances", "failed to find allies"); after other verbs it is their
#: object and presupposed ("failed to assure allies", "refused to consult partners").
_MAKING_VERBS = frozenset("form forge build create make find seek gain win acquire attract recruit have get become be "
                          "remain stay join enter sign conclude establish found need want choose pick".split())
#: Prepositions: a definite label after one is presupposed in a yes/no question ("Would Japan fight alongside
#: its ally?"), unlike a predicate ("Is China Russia's ally?").
_PREPOSITIONS = frozenset("with to of for from by on at in against toward towards about over under between among "
                          "into onto behind beside alongside without within upon around".split())
#: Words within which a "no" label is compared, so the label holds ("no partner matters more than Beijing").
_COMPARISON_WINDOW = 6
_COMPARISON_STOP_RE = re.compile(r"[,;:—–()\[\]“”\"?!]")
#: Words that open a wh-question, which presupposes what it asks about ("Why are they allies?").
_WH_WORDS = frozenset("why how who whom whose what which when where".split())



@dataclass(frozen=True)
class Cue:
    """One row of a cue table: its polarity, where it reaches (``|``-separated scopes) and a context rule."""

    term: str
    polarity: str
    scope: str
    context: str

    @property
    def scopes(self) -> frozenset[str]:
        """The scopes of the cue (``clause`` when the cell is empty)."""
        return frozenset(s.strip() for s in (self.scope or "clause").split("|") if s.strip())


def _subject_reaches(text: str, words: Words, label_end: int, cue_start: int, *, copula: bool = True) -> bool:
    """Whether a ``subject`` cue at ``cue_start`` follows a copula whose subject is the label ending at ``label_end``.

    With ``copula=False`` the cue itself is the verb ("an alliance would
    reshape"): no copula is needed, the gap may be empty.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "An alliance is out of the question"
        >>> _subject_reaches(t, tokenize(t), t.index(" is"), t.index("out"))
        True
    """
    interruption = _INTERRUPTION_RE.match(text, label_end, cue_start)
    if interruption:
        label_end = interruption.end()  # "“The alliance,” he wrote, “is a fiction”": skip the attribution
    gap = [text[a:b].lower().replace("’", "'") for a, b in words_between(words, label_end, cue_start)]
    if (copula and not gap) or len(gap) > MAX_SUBJECT_GAP \
            or re.search(r"[,;:—–()\[\]“”\"?!]", text[label_end:cue_start]):
        return False
    return (not copula or any(w in _COPULAS for w in gap)) and not any(w in boundary_words() | {"that"} for w in gap)


def _presupposed(text: str, words: Words, cue: tuple[int, int], label_start: int) -> bool:
    """Whether a definite label after a cue is presupposed, so the cue does not deny or question it.

    It is when its definite determiner follows the cue and is the object of
    some other word ("do not want to lose their partnership", "could develop
    the quasi-alliance", "closer to its ally"); not when the noun phrase is
    the cue's own or a predicate ("is not China's ally", "will become its
    ally", "does not see Moscow as its ally", "would not call Russia its
    ally", but "stopped short of calling their partnership an alliance"
    presupposes the partnership), nor when the cue sits inside it ("the
    proposed alliance"). A noun phrase right after the cue is a predicate
    after a copula ("is not China's ally", "isn't its ally"), else an object
    or subject, so presupposed ("wants his ally to stay", "if America's
    partners refuse").

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "They do not want to lose their partnership; Russia is not China's ally"
        >>> w = tokenize(t)
        >>> _presupposed(t, w, (8, 11), t.index("partner")), _presupposed(t, w, (54, 57), t.index("ally"))
        (True, False)
    """
    cue_start, cue_end = cue
    det = determiner_at(text, words, label_start, definite_only=True)
    if det is None or det < cue_end:
        return False
    gap_words = words_between(words, cue_end, det)
    possessive = text[det : label_start].split(maxsplit=1)[0].lower().replace("’", "'").endswith(("'s", "s'"))
    while possessive and gap_words and text[gap_words[-1][0]].isupper():
        gap_words = gap_words[:-1]  # "Saudi" of "Saudi Arabia's friend": the possessor's name, not a verb
    gap = [text[a:b].lower().replace("’", "'") for a, b in gap_words]
    verbs = [w for w in gap if w not in _ADVERBS and not w.endswith("ly")]
    while possessive and verbs and verbs[-1] in DEFINITE | {"a", "an", "each", "one"}:
        verbs = verbs[:-1]  # "the" of "the other's ally": part of the possessor, not a verb
    if not verbs and _contrastive(text, words, cue_start):
        return False  # "Moscow's partners, not its allies": the cue denies the noun phrase itself
    if not verbs:  # right after the cue: a predicate after "is not", else an object or subject
        before = [w for w in previous_words(text, words, cue_end, MAX_CLAUSE_WORDS)
                  if w not in _ADVERBS and not w.endswith("ly")]
        cue_words = len(words_between(words, cue_start, cue_end))
        head = before[-cue_words:] + before[:-cue_words][-1:]
        return not any(w in _COPULAS or w.removesuffix("n't") in _COPULAS for w in head)
    return verbs[-1] not in _COPULAS | {"as"} and not any(w in _NAMING_VERBS for w in verbs[:-1])


def _contrastive(text: str, words: Words, cue_start: int) -> bool:
    """Whether the cue follows a comma: a contrast ("partners, not allies") that denies the noun phrase after it."""
    prev = [b for a, b in words if b <= cue_start][-1:]
    return bool(prev) and "," in text[prev[0] : cue_start]


def _bare_object(text: str, words: Words, cue_end: int, label_start: int) -> bool:
    """Whether a label without determiner is the object of a verb after the cue, so presupposed.

    The verb must follow "to" ("failed to assure allies", "refused to consult
    partners"), so that it is surely a verb, and must not be one that makes
    or names the relationship (:data:`_MAKING_VERBS`, copulas, naming verbs):
    "refused to form alliances", "have yet to become allies" stay negated.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "He failed to assure allies. They failed to find allies."
        >>> w = tokenize(t)
        >>> _bare_object(t, w, 9, t.index("allies")), _bare_object(t, w, t.index("to find"), t.rindex("allies"))
        (True, False)
    """
    if determiner_at(text, words, label_start) is not None:
        return False
    gap = words_between(words, cue_end, label_start)
    if gap and text[gap[0][0] : gap[0][1]].lower() == "to":
        gap = gap[1:]
    elif previous_words(text, words, cue_end, 1)[-1:] != ["to"]:
        return False
    if not gap or len(gap) > MAX_NP_WORDS or not reaches(text, words, gap[0][1], label_start, "np"):
        return False
    verb = text[gap[0][0] : gap[0][1]].lower()
    return verb not in _MAKING_VERBS | _COPULAS | _NAMING_VERBS and not verb.endswith("ly")


def _in_name(text: str, words: Words, sentence_start: int, start: int, end: int) -> bool:
    """Whether the label is the last word of a capitalised name in running text ("a Democracy Alliance gala").

    A name is not in the scope of the cues around it: "is set to appear at a
    Democracy Alliance gala" does not make the alliance hypothetical. The
    word before must be capitalised and not open the sentence, and the word
    after must not be (a title in title case is not a name).

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "She will attend a Democracy Alliance gala."
        >>> _in_name(t, tokenize(t), 0, t.index("Alliance"), t.index(" gala"))
        True
    """
    if not text[start].isupper():
        return False
    prev = [w for w in words if w[1] <= start][-1:]
    nxt = [w for w in words if w[0] >= end][:1]
    if not prev or prev[0][0] == sentence_start or not text[prev[0][0]].isupper() \
            or re.search(r"[^\s]", text[prev[0][1] : start]):
        return False
    first_before = [w for w in words if w[1] <= prev[0][0]][-1:]
    if not first_before or re.search(r"[:“\"‘—]", text[first_before[0][1] : prev[0][0]]):
        return False
    return not nxt or not text[nxt[0][0]].isupper()


def _compared(text: str, words: Words, label_end: int, sentence_end: int) -> bool:
    """Whether "than" follows the label within its clause: "no partner matters more to Moscow than Beijing"."""
    for a, b in words_between(words, label_end, sentence_end)[:_COMPARISON_WINDOW]:
        if _COMPARISON_STOP_RE.search(text, label_end, a):
            return False
        if text[a:b].lower() == "than":
            return True
    return False


def _presupposed_in_question(text: str, words: Words, start: int) -> bool:
    """Whether a definite label in a yes/no question is the object of a preposition, so not what is asked."""
    det = determiner_at(text, words, start, definite_only=True)
    if det is None:
        return False
    before = [w for w in words if w[1] <= det]
    while before and text[before[-1][0]].isupper() and len(before) > 1:
        before = before[:-1]  # the possessor's name: "alongside Saudi Arabia's ..."
    return bool(before) and text[before[-1][0] : before[-1][1]].lower() in _PREPOSITIONS


def _about_degree(text: str, words: Words, cue_end: int, label_start: int) -> bool:
    """Whether a degree word in the label's noun phrase follows the cue: the cue is about the degree, not the label.

    "have never been closer partners", "could not be better friends": the
    label is presupposed. A degree word followed by "to" is movement toward
    the label ("no closer to an alliance"): the cue still applies.
    """
    gap = words_between(words, cue_end, label_start)
    lowered = [text[a:b].lower() for a, b in gap]
    if lowered[:1] and lowered[0] in _EXCLUSIVE_WORDS or lowered[1:2] and lowered[0] in _ARTICLES \
            and lowered[1] in _EXCLUSIVE_WORDS:
        return True  # "is by no means the only company in a partnership": the cue denies exclusivity
    for k, (_, b) in enumerate(gap):
        if lowered[k] in _DEGREE_WORDS and not (k and lowered[k - 1] == "at"):
            nxt = text[gap[k + 1][0] : gap[k + 1][1]].lower() if k + 1 < len(gap) else ""
            if nxt != "to" and reaches(text, words, b, label_start, "np"):
                return True
    return False


def asks_yes_no(text: str, words: Words, sentence: tuple[int, int], start: int) -> bool:
    """Whether the label at ``start`` stands in a yes/no question.

    The question is the stretch from the last ``?!:;“"—`` before the label
    (or the sentence start) to the first ``?`` or ``!`` (or full stop before a
    closing quotation mark) after it, else to the sentence end; it must end
    with ``?`` and not open with a wh-word.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Are they allies? Why are they allies?"
        >>> asks_yes_no(t, tokenize(t), (0, 16), 9), asks_yes_no(t, tokenize(t), (17, len(t)), t.rindex("allies"))
        (True, False)
    """
    s, e = sentence
    end = _TERMINAL_RE.search(text, start, e)
    if (end.group(0) if end else text[s:e].rstrip(" ”\"’')")[-1:]) != "?":
        return False
    opens = [m.end() for m in _SEGMENT_START_RE.finditer(text, s, start)]
    first = words_between(words, opens[-1] if opens else s, start)[:1]
    return not first or text[first[0][0] : first[0][1]].lower() not in _WH_WORDS


def _double_negation(text: str, words: Words, negations: list[tuple[int, int, Cue]], label_start: int) -> bool:
    """Whether a negation reaching the label is followed by "without" before it: the two cancel.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Hardly a day goes by without Tokyo praising Canberra as a partner"
        >>> c = Cue("hardly", "negated", "clause", "")
        >>> _double_negation(t, tokenize(t), [(0, 6, c)], t.index("partner"))
        True
    """
    for _, cue_end, c in negations:
        if c.term != "without" and any(text[a:b].lower() == "without"
                                       for a, b in words_between(words, cue_end, label_start)):
            return True
    return False


def _inverted_conditional(text: str, words: Words, sentence: tuple[int, int], label_start: int) -> bool:
    """Whether the label is in a conditional opened by inversion: "Had they been allies, ...", "Were Seoul ...".

    The sentence must open with "had" or "were" and the label come before
    the first comma (the conditional clause). A question ("Were they
    allies?") is left to :func:`asks_yes_no`.

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Had Seoul and Tokyo been allies, the row would have ended."
        >>> _inverted_conditional(t, tokenize(t), (0, len(t)), t.index("allies"))
        True
    """
    s, _ = sentence
    first = words_between(words, s, label_start)[:1]
    if not first or text[first[0][0] : first[0][1]].lower() not in _INVERSION_WORDS:
        return False
    if re.search(r"[^\s“\"‘(]", text[s : first[0][0]]):
        return False
    return "," not in text[first[0][1] : label_start] and "," in text[label_start : sentence[1]]


def _opens_clause_indefinite(text: str, words: Words, label_start: int) -> bool:
    """Whether the label is an indefinite noun phrase opening its clause (so the subject of what follows).

    Example:
        >>> from framing.corpus.segmentation import tokenize
        >>> t = "Analysts say an alliance would help. He is a close ally of Lee."
        >>> w = tokenize(t)
        >>> _opens_clause_indefinite(t, w, t.index("alliance")), _opens_clause_indefinite(t, w, t.index("ally"))
        (True, False)
    """
    det = determiner_at(text, words, label_start)
    if det is None or determiner_at(text, words, label_start, definite_only=True) is not None:
        return False
    before = previous_words(text, words, det, 1)
    if not before:
        return True
    prev_end = max(b for a, b in words if b <= det)
    return before[-1] in boundary_words() | {"and", "or", "that"} or bool(re.search(r"[,;:—–(“\"]", text[prev_end:det]))


class PolarityRules:
    """The polarity of a label from the cue tables.

    Args:
        negation_cues: Negation cue table (``term``, ``polarity``, ``scope``, optional ``context``).
        hypothetical_cues: Modal/conditional/question cue table, same columns.

    Example:
        >>> from framing.lexicons import load_lexicon
        >>> rules = PolarityRules(negation_cues=load_lexicon("negation_cues"),
        ...                       hypothetical_cues=load_lexicon("hypothetical_cues"))
        >>> rules.cues_of("ruled out")
        ['negated']
    """

    def __init__(self, *, negation_cues: Lexicon, hypothetical_cues: Lexicon):
        cues: list[tuple[str, Cue]] = []
        for table in (negation_cues, hypothetical_cues):
            for row in table.rows:
                cues.append((row["term"], Cue(row["term"], row["polarity"], row.get("scope", "clause") or "clause",
                                              row.get("context", ""))))
        self._cues = PhraseMatcher(cues)

    def cues_of(self, text: str) -> list[str]:
        """Polarities of the cues found in ``text`` (for tests and docs)."""
        return [m.value.polarity for m in self._cues.hits(text) if m.value.polarity != "none"]

    def _valid(self, text: str, words: Words, cue_start: int, cue_end: int, c: Cue) -> bool:
        if c.polarity == "none" or not context_ok_at(text, words, c.context, cue_start, cue_end):
            return False
        if c.term == "may":
            prev_w = previous_words(text, words, cue_start, 1)
            nxt_w = [text[a:b] for a, b in words if a >= cue_end][:1]
            if is_month_may(text[cue_start:cue_end], prev_w[-1] if prev_w else "", nxt_w[0] if nxt_w else "",
                            sentence_initial=not prev_w):
                return False
        return True

    def _negated_verb(self, text: str, words: Words, sentence: tuple[int, int],
                      negations: list[tuple[int, int, Cue]]) -> bool:
        """Whether a denying verb that reaches the label is itself in a negation's scope ("did not deny that")."""
        for v_start, _, v in negations:
            if "complement" not in v.scopes:
                continue
            lo = start_words_before(words, v_start, MAX_CLAUSE_WORDS + CUE_WINDOW_MARGIN, sentence[0])
            for cue in self._cues.hits(text, lo, v_start):
                c = cue.value
                if c.polarity == "negated" and self._valid(text, words, cue.start, cue.end, c) \
                        and reaches(text, words, cue.end, v_start, "clause"):
                    return True
        return False

    def polarity(self, doc: Doc, si: int, start: int, end: int, words: Words) -> str:
        """``negated``, ``questioned``, ``hypothetical`` or ``affirmed`` for the label at ``start``-``end``."""
        text = doc.text
        s, e = doc.sentences[si]
        if _in_name(text, words, s, start, end):
            return "affirmed"
        scoped: set[str] = set()
        negations: list[tuple[int, int, Cue]] = []
        lo = start_words_before(words, start, MAX_CLAUSE_WORDS + CUE_WINDOW_MARGIN, s)
        for cue in self._cues.hits(text, lo, start):
            c = cue.value
            if not self._valid(text, words, cue.start, cue.end, c) or _about_degree(text, words, cue.end, start):
                continue
            if not any(reaches(text, words, cue.end, start, sc) for sc in c.scopes - {"subject", "indefinite_subject"}):
                continue
            if _presupposed(text, words, (cue.start, cue.end), start) or _bare_object(text, words, cue.end, start):
                continue  # "could develop the quasi-alliance", "do not want to lose their partnership"
            if c.term == "no" and _compared(text, words, end, e):
                continue  # "no partner matters more than Beijing": Beijing is the closest partner
            scoped.add(c.polarity)
            if c.polarity == "negated":
                negations.append((cue.start, cue.end, c))
        if _double_negation(text, words, negations, start):
            scoped.discard("negated")  # "hardly a week passes without officials praising X as a partner"
        if _inverted_conditional(text, words, (s, e), start):
            scoped.add("hypothetical")  # "Had X and Y been allies, the talks would have been unnecessary"
        if self._negated_verb(text, words, (s, e), negations):
            scoped = (scoped - {"negated"}) | {"hypothetical"}  # "have not ruled out an alliance": still possible
        for cue in self._cues.hits(text, end, end_words_after(words, end, MAX_SUBJECT_GAP + CUE_WINDOW_MARGIN, e)):
            c = cue.value
            if not c.scopes & {"subject", "indefinite_subject"} or not self._valid(text, words, cue.start, cue.end, c):
                continue
            if "subject" in c.scopes and _subject_reaches(text, words, end, cue.start):
                scoped.add(c.polarity)
            elif "indefinite_subject" in c.scopes and _subject_reaches(text, words, end, cue.start, copula=False) \
                    and _opens_clause_indefinite(text, words, start):
                scoped.add(c.polarity)  # "A Russia-China alliance would reshape the world"
        if "negated" in scoped:
            return "negated"
        if "questioned" in scoped or (asks_yes_no(text, words, (s, e), start)
                                      and not _presupposed_in_question(text, words, start)):
            return "questioned"
        if "hypothetical" in scoped:
            return "hypothetical"
        return "affirmed"
