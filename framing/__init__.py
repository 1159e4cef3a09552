"""framing: compare how news outlets frame one story, with every figure traceable to its words.

The flow is load → clean → segment → extract spans → compare → render:

Example:
    >>> import framing
    >>> corpus = framing.load_corpus()                 # the five seed articles
    >>> analysis = framing.analyze(corpus)
    >>> list(analysis.spans.columns)[:6]
    ['article_id', 'outlet_id', 'feature', 'start', 'end', 'text']
"""

from framing.corpus.loading import iter_corpus, load_corpus
from framing.kwic import kwic
from framing.model import SPAN_COLUMNS, Article, Corpus, LoadProblem, Span
from framing.pipeline import Analysis, analyze, analyze_article

__version__ = "0.1.0"

__all__ = [
    "SPAN_COLUMNS",
    "Analysis",
    "Article",
    "Corpus",
    "LoadProblem",
    "Span",
    "__version__",
    "analyze",
    "analyze_article",
    "iter_corpus",
    "kwic",
    "load_corpus",
]
