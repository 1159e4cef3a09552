"""Exact paraphrase patterns kept beside the model: trailing attribution, "In X's telling", "Name: ...".

The model (:mod:`framing.attribution.paraphrase`) weighs a cue's content by
learned features; these patterns are exact enough to decide by rule:

* **Trailing attribution without quotes**: "CONTENT, a senior diplomat
  admitted (on Tuesday)." A lexicon cue that can introduce a paraphrase, its
  speaker right before it and right after a comma, and at most a short adjunct
  after it; the content is the sentence up to that comma.
* **"In X's telling, CONTENT"**: the cue is a noun whose possessor is the speaker.
* **"A, officials stress, B"**: an interrupting attribution whose verb is the
  base form of a lexicon verb that is no cue by itself ("stress" is a noun
  too): A and B are two paraphrases of the one speaker.
* **"As X put it, CONTENT"**, **"In the view of X, CONTENT"** and
  **"CONTENT, in the view of X."**: a framing attribution with its speaker
  (:func:`framing_attributions`, returned with the interrupting ones).
* **"Name: CONTENT"** opening the first paragraph (a headline, "Poll: ...") or
  a transcript turn ("PENCE: Well, ...", a name in capitals heading two
  paragraphs or more): the rest of the paragraph.

Example:
    >>> t = "PENCE: Well, the question is a fair one."
    >>> [(t[a:b], sp.text) for a, b, sp, _ in colon_heads(Context.of(t, [(0, len(t))]), lambda pos: False)]
    [('Well, the question is a fair one.', 'PENCE')]
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from framing.attribution.context import Context
from framing.attribution.cues import Cue, CueMatch
from framing.attribution.paraphrase_features import CueInfo, Tokens
from framing.attribution.paraphrase_pieces import words_outside
from framing.attribution.speakers import Speaker
from framing.attribution.words import DETERMINERS
from framing.lexicons import load_lexicon

#: Words after a trailing cue that still end the sentence as an adjunct ("admitted on Tuesday").
_TRAIL_AFTER = 6
#: Words that open such an adjunct ("on Tuesday", "in a statement", "last week", "to reporters").
_TRAIL_ADJUNCT = frozenset("in on at during last this late early earlier later to from after before".split())
#: Openers of a subordinate clause: the clause before the comma is not the content.
_SUBORDINATORS = frozenset("as when while after before if although though because since unless until once".split())
_QUOTE_TOKENS = frozenset("\"“”‘’'`")


def trailing_content(
    tk: Tokens, ci: int, cj: int, sp: tuple[int, int], *, info: CueInfo, cue: Cue, covers: Callable[[int], bool]
) -> tuple[int, int] | None:
    """Content before a trailing attribution without quotes (character span), or None.

    ``ci``/``cj``: the cue's tokens; ``sp``: the speaker's tokens.

    Example:
        >>> t = "The two are hardly natural allies, a senior diplomat admitted on Tuesday."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> ci = tk.low.index("admitted")
        >>> info = CueInfo("speech/past/y", "before", "person", False)
        >>> s, e = trailing_content(tk, ci, ci + 1, (ci - 2, ci), info=info,
        ...                         cue=Cue("admit", "past", "speech", True), covers=lambda pos: False)
        >>> t[s:e]
        'The two are hardly natural allies'
    """
    if not cue.paraphrase or cue.kind in ("learned", "source", "document") or info.speaker != "before":
        return None
    sp_lo, sp_hi = sp
    if sp_lo < 1 or ci - sp_hi > 1:
        return None
    k = sp_lo - 1
    while k > 0 and tk.low[k] in DETERMINERS:
        k -= 1
    if tk.low[k] != ",":
        return None
    rest = tk.low[cj : tk.last]
    if len(rest) > _TRAIL_AFTER or any(w in (",", "that", ";", ":") or w in _QUOTE_TOKENS for w in rest):
        return None
    if rest and not (rest[0] in _TRAIL_ADJUNCT or rest[0].endswith(("day", "ly"))):
        return None  # an object follows: "he mentioned climate change", "acknowledged their battle"
    s, e = tk.trimmed(0, k)
    if any(w in _QUOTE_TOKENS for w in tk.low[:k]):
        return None  # a quote with its attribution: the direct-quote step's
    if e <= s or tk.low[s] in _SUBORDINATORS or tk.low[s].endswith("ing"):
        return None  # "As with so much at the UN, ...", "Campaigning in 2012, he mentioned ..."
    if words_outside(tk, s, e, covers) < 3:
        return None
    return tk.starts[s], tk.ends[e - 1]


def telling_content(tk: Tokens, ci: int, cj: int, sp: tuple[int, int]) -> tuple[int, int] | None:
    """The rest of the sentence after "In X's telling," (character span), or None.

    Example:
        >>> t = "In Putin's telling, the two are natural allies."
        >>> tk = Tokens.of(t, 0, len(t))
        >>> s, e = telling_content(tk, 2, 3, (1, 2))
        >>> t[s:e]
        'the two are natural allies'
    """
    if ci < 2 or tk.low[0] != "in" or sp != (1, ci) or tk.word(cj) != ",":
        return None
    s, e = tk.trimmed(cj + 1, tk.last)
    return (tk.starts[s], tk.ends[e - 1]) if e - s >= 3 else None


#: "Name:" at the start of a paragraph: up to three capitalised words (initials, "Sen.", hyphens).
_HEAD_RE = re.compile(r"[ \t]*((?:[A-Z][\w.’'\-]*[ \t]+){0,2}[A-Z][\w.’'\-]*):[ \t]+(?=\S)")
#: First words of page furniture and labels, not speakers ("Photo: ...", "Editor's note: ...").
_NOT_SPEAKERS = frozenset(
    "photo photos video videos watch update updated read related source sources note editor editors opinion "
    "analysis exclusive breaking live image images credit caption file advertisement correction clarification "
    "disclosure subscribe share tags topics comments posted published by from to subject date sign more listen "
    "see also warning question answer transcript part chapter step tip fact facts summary q a story stories "
    "new just top latest watch watched consider "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
)
_COLON_CUE = Cue(":", "phrase", "speech", True)


def colon_heads(ctx: Context, covers: Callable[[int], bool]) -> list[tuple[int, int, Speaker, CueMatch]]:
    """``(start, end, speaker, cue)`` of each paragraph that opens "Name: content" (a headline, a transcript turn).

    The name is one to three capitalised words that do not open page furniture
    (``Photo:``, ``Editor's note:``), in the first paragraph (a headline), or
    in capitals heading two paragraphs or more (a transcript's turns); the
    content is the rest of the paragraph, three words or more, not inside
    quotation marks.

    Example:
        >>> t = "Poll: Clinton and Trump in dead heat.\\nSTORY: one more line here."
        >>> [t[a:b] for a, b, _, _ in colon_heads(Context.of(t, [(0, 37), (38, len(t))]), lambda pos: False)]
        ['Clinton and Trump in dead heat.']
    """
    text = ctx.text
    heads = [(ps, pe, _HEAD_RE.match(text, ps, pe)) for ps, pe in ctx.paras]
    turns = Counter(m.group(1) for _, _, m in heads if m is not None and m.group(1).isupper())
    out = []
    for k, (ps, pe, m) in enumerate(heads):
        if m is None or covers(m.end()):
            continue
        name = m.group(1)
        if k > 0 and turns[name] < 2:
            continue  # past the headline only transcript turns: "PENCE:" heading two paragraphs or more
        if name.split()[0].lower().rstrip(".’'s") in _NOT_SPEAKERS or name.split()[0].lower() in _NOT_SPEAKERS:
            continue
        end = ps + len(text[ps:pe].rstrip())
        if len(text[m.end() : end].split()) < 3:
            continue
        colon = m.end(1)
        speaker = ctx.speaker_at(m.start(1), colon) or Speaker(name, "group", m.start(1), colon)
        out.append((m.end(), end, speaker, CueMatch(colon, colon + 1, ":", ":", _COLON_CUE)))
    return out


#: How many words a fallback speaker phrase after its cue may have ("according to an analysis by Lily Batchelder").
_AFTER_WORDS = 8
_AFTER_TOKEN_RE = re.compile(r"[\w’'\-]+|[^\w\s]")
#: Words a speaker phrase after its cue does not contain: it is a clause, not a noun phrase.
_AFTER_STOPS = frozenset("that who which is are was were has have had will would said says say told".split())


#: Words that open an adjunct after a cue, not a speaker phrase.
_NOT_PHRASE_START = _TRAIL_ADJUNCT | _SUBORDINATORS | frozenset(
    "of for with by about into through under over against among between without within across near "
    "yesterday today tonight now then again also".split()
)


def _abbreviation(word: str) -> bool:
    """A short capitalised word that a period may close inside a name ("Rep", "Sen", "Mr", "C")."""
    return word[:1].isupper() and len(word) <= 4 and word.isalpha()


def phrase_after(text: str, cue: CueMatch, s_end: int) -> Speaker | None:
    """The noun phrase right after a cue, up to a comma or the sentence end ("according to police, ...").

    A fallback for the model where the speaker rules find no subject after
    "according to" or an inverted "..., said|says": at most
    :data:`_AFTER_WORDS` words, no verb or relative word, ending at a comma,
    a bracket, a semicolon or the end of the sentence. Its kind is ``group``
    and it is not named.

    Example:
        >>> t = "Christians are few, according to the data."
        >>> cue = CueMatch(20, 32, "according to", "according to", Cue("according to", "phrase", "source", True))
        >>> phrase_after(t, cue, len(t)).text
        'data'
    """
    hi = min(s_end, cue.end + 160)
    toks = [(m.start(), m.end(), m.group(0)) for m in _AFTER_TOKEN_RE.finditer(text, cue.end, hi)]
    words: list[tuple[int, int, str]] = []
    for k, tok in enumerate(toks):
        w = tok[2]
        if w in ",;()[]—–:" or (w in ".!?" and k == len(toks) - 1):
            break
        if w == "." and words and _abbreviation(words[-1][2]) and text[tok[1] : tok[1] + 1] == " ":
            continue  # an abbreviation ("Rep. Trey Gowdy")
        if w == ".":
            break
        if not (w[:1].isalnum() or w in ("’s", "'s", "-")) or w.lower() in _AFTER_STOPS or len(words) == _AFTER_WORDS:
            return None
        words.append(tok)
    else:
        if hi < s_end:
            return None  # no boundary within the window
    if not words or words[0][2].lower() in _NOT_PHRASE_START or words[0][2].lower().endswith("ly"):
        return None  # an adjunct, not a speaker: "said in Reedsburg", "said on Monday", "said recently"
    while len(words) > 1 and words[0][2].lower() in ("the", "a", "an"):
        words.pop(0)
    start, end = words[0][0], words[-1][1]
    return Speaker(text[start:end], "group", start, end)


_INTERRUPT_RE = re.compile(r",[ \t]+((?:[\w.’'\-]+[ \t]+){0,4}?[\w.’'\-]+)[ \t]+([a-z]+),[ \t]+(?=\w)")
#: Words that do not open the speaker of an interrupting attribution (a clause, not a noun phrase).
_PRONOUN_DETERMINERS = frozenset("his her its their our my your".split())
_NOT_OPENERS = frozenset("which who that whom whose what when where while as if and but or it this there".split())


@lru_cache(maxsize=1)
def _cue_forms() -> frozenset[str]:
    """One-word forms of the lexicon's attribution cues, lower-case."""
    rows = load_lexicon("reporting_verbs").rows
    return frozenset(r["term"].lower() for r in rows if r.get("attribution", "y") == "y" and " " not in r["term"])


def quote_with_attribution(tk: Tokens, s: int, e: int, covers: Callable[[int], bool]) -> bool:
    """Whether tokens ``[s, e)`` open with a quote followed by its own attribution (a "“...,” said X" span).

    Such a span is a direct quote and its speaker, not a paraphrase of another cue.

    Example:
        >>> t = '"Ties are strong," said Lee, a historian'
        >>> tk = Tokens.of(t, 0, len(t))
        >>> quote_with_attribution(tk, 0, len(tk), lambda pos: pos < 19)
        True
        >>> t = '"Ties are strong," Lee, a historian'
        >>> quote_with_attribution(Tokens.of(t, 0, len(t)), 0, 9, lambda pos: pos < 19)
        True
    """
    if s >= e or not covers(tk.starts[s]):
        return False
    j = s
    while j < e and covers(tk.starts[j]):
        j += 1
    comma = j > s and "," in tk.low[j - 2 : j]  # '“...,” Kolesnikov, an expert, told me'
    while j < e and tk.shape[j] == "P":
        comma = comma or tk.low[j] == ","
        j += 1
    return j < e and (tk.low[j] in _cue_forms() or (comma and tk.shape[j] in ("Cap", "CAPS")))


def _plural_subject(words: list[str]) -> bool:
    """Whether words are a plural subject for a base-form verb: "US officials", "they" (not "back his")."""
    if len(words) == 1 and words[0].lower() in ("they", "we", "you", "i"):
        return True
    last = words[-1]
    if not (last.islower() and last.endswith("s") and not last.endswith("ss")) or not last.isalpha():
        return False
    return not any(w.lower() in _PRONOUN_DETERMINERS or w.lower().endswith(("ed", "ing")) for w in words)


@lru_cache(maxsize=1)
def _base_lemmas() -> frozenset[str]:
    """Lemmas of the lexicon's paraphrase verbs (one word)."""
    rows = load_lexicon("reporting_verbs").rows
    return frozenset(
        r["lemma"] for r in rows if r["paraphrase"] == "y" and r["tense"] != "phrase" and " " not in r["lemma"]
    )


def interrupting(ctx: Context) -> list[tuple[int, int, Speaker, CueMatch]]:
    """The two parts around "A, officials stress, B", each ``(start, end, speaker, cue)``.

    Only verbs that are no cue already (the lexicon's cues go through the model).

    Example:
        >>> t = "The alliance with Japan, US officials stress, will endure."
        >>> [(t[a:b], sp.text) for a, b, sp, _ in interrupting(Context.of(t, [(0, len(t))]))]
        [('The alliance with Japan', 'US officials'), ('will endure', 'US officials')]
    """
    text, out = ctx.text, []
    lemmas = _base_lemmas()
    for m in _INTERRUPT_RE.finditer(text):
        verb = m.group(2)
        if verb not in lemmas or ctx.cues.between(m.start(2), m.end(2)):
            continue
        np = m.group(1).split()
        if np[0].lower() in _NOT_OPENERS or not _plural_subject(np):
            continue
        ps, pe = ctx.para_of(m.start())
        s_start = max(ctx.sentence_start(m.start()), ps)
        idx = bisect.bisect_right(ctx.sent_starts, m.start()) - 1
        s_end = min(ctx.sentences[idx][1] if idx >= 0 else pe, pe)
        s_start = max(s_start, m.start() - 400)  # a bounded look-back and look-ahead
        s_end = min(s_end, m.end() + 400)
        head = text[s_start : m.start()].strip()
        tail = text[m.end() : s_end].rstrip().rstrip(".!?").rstrip()
        if not head or len(tail.split()) < 2 or m.end() >= s_end:
            continue
        a = s_start + len(text[s_start : m.start()]) - len(text[s_start : m.start()].lstrip())
        speaker = ctx.speaker_at(m.start(1), m.end(1)) or Speaker(m.group(1), "group", m.start(1), m.end(1))
        cue = CueMatch(m.start(2), m.end(2), verb, verb, Cue(verb, "base", "speech", True))
        out += [(a, a + len(head), speaker, cue), (m.end(), m.end() + len(tail), speaker, cue)]
    return out + framing_attributions(ctx)


#: "As one analyst put it, CONTENT": an attribution that opens the sentence (the speaker is a noun phrase).
_AS_RE = re.compile(r"As[ \t]+((?:[\w.’'\-]+[ \t]+){0,5}?[\w.’'\-]+)[ \t]+"
                    r"(put it|said|says|noted|notes|wrote|writes|observed|argued|argues|remarked|warned)[ \t]*,[ \t]*")
#: ", in the view of most voters (surveyed)." ending a sentence, or "In the view of X, CONTENT" opening it
#: ("in X's view" is the model's: its cue word "view").
_VIEW_TAIL_RE = re.compile(r",[ \t]+in[ \t]+the[ \t]+(?:view|opinion|eyes|estimation)[ \t]+of[ \t]+"
                           r"((?:[\w.’'\-]+[ \t]+){0,6}?[\w.’'\-]+)[ \t]*[.!?]?[ \t]*$")
_VIEW_HEAD_RE = re.compile(r"In[ \t]+the[ \t]+(?:view|opinion|eyes|estimation)[ \t]+of[ \t]+"
                           r"((?:[\w.’'\-]+[ \t]+){0,6}?[\w.’'\-]+)[ \t]*,[ \t]*")
#: Words that alone do not make the speaker of such an attribution: a pronoun of the outlet, an adjunct.
_AS_NOT_SPEAKERS = frozenset("it this that we i you our my the above before usual always ever expected".split())


def framing_attributions(ctx: Context) -> list[tuple[int, int, Speaker, CueMatch]]:
    """``(start, end, speaker, cue)`` of sentences framed by "As X put it, ..." or "in the view of X".

    The content is the rest of the sentence (after "As X put it," or "In the
    view of X,") or the sentence up to ", in the view of X." at its end;
    three words or more. "As expected, ..." and "As we said, ..." name no source.

    Example:
        >>> t = "As one diplomat put it, the two are allies in all but name."
        >>> [(t[a:b], sp.text) for a, b, sp, _ in framing_attributions(Context.of(t, [(0, len(t))]))]
        [('the two are allies in all but name', 'diplomat')]
    """
    text, out = ctx.text, []
    for s, e in ctx.sentences:
        lead = len(text[s:e]) - len(text[s:e].lstrip(" \t\n\"“‘'"))
        body_end = s + len(text[s:e].rstrip())
        for m in (_AS_RE.match(text, s + lead, e), _VIEW_HEAD_RE.match(text, s + lead, e)):
            if m is None or (len(m.group(1).split()) == 1 and m.group(1).lower() in _AS_NOT_SPEAKERS):
                continue
            content_end = body_end - (1 if text[body_end - 1 : body_end] in ".!?" else 0)
            if len(text[m.end() : content_end].split()) < 3:
                continue
            out.append((m.end(), content_end, _phrase_speaker(ctx, m), _framing_cue(m)))
        tail = _VIEW_TAIL_RE.search(text, s, body_end)
        if tail is not None and len(text[s + lead : tail.start()].split()) >= 3:
            out.append((s + lead, tail.start(), _phrase_speaker(ctx, tail), _framing_cue(tail)))
    return out


def _phrase_speaker(ctx: Context, m: re.Match[str]) -> Speaker:
    """The speaker of a framing attribution: a known speaker phrase, else the phrase as a group."""
    return ctx.speaker_at(m.start(1), m.end(1)) or Speaker(m.group(1), "group", m.start(1), m.end(1))


def _framing_cue(m: re.Match[str]) -> CueMatch:
    """The cue of a framing attribution: its verb ("put it"), else the words before the speaker ("in the view of")."""
    if m.re is _AS_RE:
        verb = m.group(2)
        return CueMatch(m.start(2), m.end(2), verb, verb.lower(), Cue(verb.lower(), "phrase", "speech", True))
    a, b = m.start() + m.group(0).lower().index("in"), m.start(1)
    words = m.string[a:b].strip()
    return CueMatch(a, a + len(words), words, words.lower(), Cue("in the view of", "phrase", "belief", True))


__all__ = [
    "colon_heads", "framing_attributions", "interrupting", "phrase_after", "quote_with_attribution",
    "telling_content", "trailing_content",
]
