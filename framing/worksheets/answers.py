"""The coding vocabulary: one set of answer options for the student sheet, the coding template and the key.

The worksheet's tick-boxes, the words a coder may write in
``coding_template.csv`` and the key's ticks all come from here, so the three
never disagree (the key never ticks an option the sheet does not offer).
:mod:`framing.agreement` reads coders' answers through the same tables.

Example:
    >>> list(VOICE_OPTIONS["intro"])
    ['the outlet itself', 'someone it quotes']
    >>> VOICE_WORDS_UNDERSTOOD["quote"] == VOICE_OPTIONS["intro"]["someone it quotes"]
    True
"""

from __future__ import annotations

from framing.measures import OWN_VOICES, SOURCE_VOICES

#: Columns of ``coding_template.csv``, in order. ``unit_text`` (the sentence) and ``help`` are for reading only.
CODING_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet_id",
    "feature",
    "start",
    "end",
    "unit_text",
    "text",
    "label",
    "polarity",
    "voice",
    "speaker",
    "coder",
    "help",
)

#: Columns a coding file must have.
REQUIRED_COLUMNS: tuple[str, ...] = ("article_id", "feature", "start", "end", "text")

#: Features people can code.
CODABLE_FEATURES: tuple[str, ...] = ("hedge", "booster", "relationship_label", "quote", "paraphrase", "actor", "frame")

#: Plural words for a feature in the class's report.
FEATURE_WORDS: dict[str, str] = {
    "hedge": "hedges", "booster": "boosters", "relationship_label": "relationship labels", "quote": "quotes",
    "paraphrase": "paraphrases", "actor": "actor mentions", "frame": "frames",
}

#: "Who is speaking?" per worksheet level: the words on the sheet, in the coding template and in the key, and
#: the span table's voices each covers ("someone it quotes" covers direct quotes and paraphrases alike).
VOICE_OPTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "intro": {"the outlet itself": OWN_VOICES, "someone it quotes": SOURCE_VOICES},
    "advanced": {"the outlet itself": OWN_VOICES, "someone quoted directly": ("direct_quote",),
                 "someone paraphrased": ("attributed_paraphrase",)},
}

#: "What does the sentence say about the relationship?" per level: option words -> the span table's polarities.
POLARITY_OPTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "intro": {"says it is": ("affirmed",), "says it is not": ("negated",),
              "says it might be (or asks)": ("hypothetical", "questioned")},
    "advanced": {"affirms it": ("affirmed",), "denies it": ("negated",),
                 "treats it as a possibility": ("hypothetical",), "asks it as a question": ("questioned",)},
}

#: Short words a coder may write in ``voice`` (besides the options) -> the voices they cover.
VOICE_ALIASES: dict[str, tuple[str, ...]] = {
    **{w: OWN_VOICES for w in ("own", "authorial", "outlet", "author", "writer", "journalist", "the outlet")},
    **{w: SOURCE_VOICES for w in ("quote", "quoted", "source", "sources", "someone", "someone else")},
    **{w: ("direct_quote",) for w in ("direct", "direct quote", "direct_quote", "quotation")},
    **{w: ("attributed_paraphrase",) for w in ("paraphrase", "paraphrased", "attributed_paraphrase", "reported",
                                                "indirect", "reported speech")},
}

#: Short words a coder may write in ``polarity`` (besides the options) -> the polarities they cover.
POLARITY_ALIASES: dict[str, tuple[str, ...]] = {
    **{w: ("affirmed",) for w in ("affirmed", "affirm", "yes", "is", "positive", "is like that")},
    **{w: ("negated",) for w in ("negated", "negate", "denied", "no", "not", "is not", "negative",
                                 "is not like that")},
    **{w: ("hypothetical",) for w in ("hypothetical", "might", "possible", "maybe")},
    **{w: ("questioned",) for w in ("questioned", "question", "asks")},
}


def _options(table: dict[str, dict[str, tuple[str, ...]]], aliases: dict[str, tuple[str, ...]]
             ) -> dict[str, tuple[str, ...]]:
    words = {w.casefold(): v for level in table.values() for w, v in level.items()}
    return {**aliases, **words}


#: Every word understood in ``voice`` / ``polarity`` (normalised: lower case, single spaces).
VOICE_WORDS_UNDERSTOOD = _options(VOICE_OPTIONS, VOICE_ALIASES)
POLARITY_WORDS_UNDERSTOOD = _options(POLARITY_OPTIONS, POLARITY_ALIASES)


def option_for(options: dict[str, tuple[str, ...]], value: str) -> str:
    """The option whose values cover ``value`` (the key's tick for a tool answer); "" when none does.

    Example:
        >>> option_for(VOICE_OPTIONS["intro"], "attributed_paraphrase")
        'someone it quotes'
        >>> option_for(POLARITY_OPTIONS["advanced"], "negated")
        'denies it'
    """
    return next((word for word, values in options.items() if value in values), "")




__all__ = [
    "CODABLE_FEATURES", "CODING_COLUMNS", "FEATURE_WORDS", "POLARITY_ALIASES", "POLARITY_OPTIONS",
    "POLARITY_WORDS_UNDERSTOOD", "REQUIRED_COLUMNS", "VOICE_ALIASES", "VOICE_OPTIONS", "VOICE_WORDS_UNDERSTOOD",
    "option_for",
]
