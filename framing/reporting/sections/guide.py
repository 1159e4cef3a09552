"""The "how to read this report" box: the report's terms in plain words.

Example:
    >>> [term for term, _ in GLOSSARY][:3]
    ['hedge', 'booster', 'voice']
"""

from __future__ import annotations

#: Term and its meaning, in the order a first-time reader meets them.
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("hedge", "A word that makes a claim less certain: \"may\", \"reportedly\", \"it seems\"."),
    ("booster", "A word that makes a claim more certain: \"clearly\", \"certainly\", \"of course\"."),
    ("voice", "Who is speaking. The outlet's own voice is its own narration; the sources' words are what it "
              "quotes or paraphrases. \"The outlet hedges\" counts its own voice only."),
    ("paraphrase", "Someone's words reported without quotation marks: \"Lavrov said the ties were strong\". A "
                   "paraphrase may keep a few words in quotation marks (\"said the ties were 'unprecedented'\"): "
                   "it is still one statement, counted once, and its quoted words count as quoted."),
    ("per 1,000 words", "How often something occurs, scaled so that long and short articles compare fairly: "
                        "5 per 1,000 words is 5 times in a 1,000-word article."),
    ("interval", "The range a figure could plausibly take with other articles of the same kind (95% unless the "
                 "report says otherwise). Where an "
                 "outlet's interval does not overlap the other outlets' interval, the report calls it a "
                 "difference (▲ higher, ▼ lower); figures on very few cases show their count instead."),
    ("label", "A word that names the relationship: \"allies\", \"partnership\", \"marriage of convenience\"."),
    ("frame", "A way of presenting the story, found by cue words: security, economy, history…"),
)
