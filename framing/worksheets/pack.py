"""The article pack: the articles themselves, paragraphs numbered, optionally blind (outlets hidden).

A paragraph is a line of the cleaned text (the cleaner writes one paragraph
per line; blank lines are skipped). Exercises refer to the pack by article
number and paragraph (:func:`reference`: "Article 4, paragraphs 3-4"). In
blind mode the outlet, the author and every name that would give the outlet
away are replaced (:func:`~framing.worksheets.exercises.blind.anonymise`) and
the articles are listed in a seeded order, so that students can read
before they know the source.

Example:
    >>> from framing.model import Article, Corpus
    >>> from framing.engines.memory import analyze
    >>> text = "DW reports a summit.\\n\\nLeaders met on Friday.\\nThey spoke."
    >>> a = analyze(Corpus([Article(id="x", outlet_id="dw", outlet_name="Deutsche Welle", raw_text=text,
    ...                             text=text)]))
    >>> pack = article_pack(a)
    >>> [p.number for p in pack.articles[0].paragraphs], pack.articles[0].paragraphs[2].text
    ([1, 2, 3], 'They spoke.')
    >>> reference(pack, "x", 22, 56)
    'Article 1, paragraphs 2-3'
    >>> article_pack(a, blind=True).articles[0].paragraphs[0].text
    '[outlet] reports a summit.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.engines.memory import Analysis
from framing.worksheets.exercises.blind import anonymise
from framing.worksheets.exercises.common import seeded


@dataclass(frozen=True)
class Paragraph:
    """One numbered paragraph: ``text`` is ``Article.text[start:end]`` (or its anonymised form)."""

    number: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PackArticle:
    """One article of the pack (``outlet_name`` and ``author`` are "" in blind mode)."""

    number: int
    article_id: str
    outlet_name: str
    title: str
    author: str
    published: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def n_words(self) -> int:
        """Words in the article's paragraphs."""
        return sum(len(p.text.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class Pack:
    """The articles, numbered, and whether the outlets are hidden."""

    articles: tuple[PackArticle, ...]
    blind: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line of a text, in order.

    Example:
        >>> paragraphs("One.\\n\\n Two.\\n")
        [(0, 4), (7, 11)]
    """
    return [(m.start(), m.end()) for m in re.finditer(r"[^\s][^\n]*?(?=\s*(?:\n|$))", text)]


def article_pack(analysis: Analysis, *, blind: bool = False, seed: int = 0) -> Pack:
    """Every article of the analysis, paragraphs numbered (blind: outlets hidden, order drawn with the seed)."""
    corpus = analysis.corpus
    articles = list(corpus.articles)
    if blind:
        articles = [articles[int(i)] for i in seeded(seed, 0).permutation(len(articles))]
    names = corpus.outlets
    authors = sorted({a.author for a in articles if a.author.strip()})
    out = []
    for number, art in enumerate(articles, start=1):
        paras = []
        for k, (a, b) in enumerate(paragraphs(art.text), start=1):
            text = art.text[a:b]
            paras.append(Paragraph(k, a, b, anonymise(text, names, authors) if blind else text))
        title = anonymise(art.title, names, authors) if blind else art.title
        out.append(PackArticle(number, art.id, "" if blind else art.outlet_name, title,
                               "" if blind else art.author, art.published, tuple(paras)))
    return Pack(tuple(out), blind)


def reference(pack: Pack, article_id: str, start: int, end: int) -> str:
    """Where a passage is in the pack: "Article 2, paragraph 5" or "Article 2, paragraphs 5-6" ("" if absent)."""
    art = next((a for a in pack.articles if a.article_id == article_id), None)
    if art is None:
        return ""
    nums = [p.number for p in art.paragraphs if p.start < end and start < p.end]
    if not nums:
        return f"Article {art.number}"
    if nums[0] == nums[-1]:
        return f"Article {art.number}, paragraph {nums[0]}"
    return f"Article {art.number}, paragraphs {nums[0]}-{nums[-1]}"
