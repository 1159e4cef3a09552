"""framing: compare how news outlets frame one story, with every figure traceable to its words.

The flow is load → clean → segment → extract spans → compare → render:

Example:
    >>> import framing
    >>> corpus = framing.load_corpus()                 # the five seed articles
    >>> analysis = framing.analyze(corpus)
    >>> list(analysis.spans.columns)[:6]
    ['article_id', 'outlet_id', 'feature', 'start', 'end', 'text']

The names below are loaded on first use (:pep:`562`), so ``import framing``
and ``framing --help`` do not pay for pandas, nltk or scikit-learn.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the names below are, for type checkers (``x as x``: a re-export)
    from framing.comparison import compare as compare
    from framing.corpus.loading import iter_corpus as iter_corpus
    from framing.corpus.loading import load_corpus as load_corpus
    from framing.engines.memory import Analysis as Analysis
    from framing.engines.memory import analyze as analyze
    from framing.engines.streaming import analyze_to_file as analyze_to_file
    from framing.engines.task import analyze_article as analyze_article
    from framing.features.tone import tone_toward as tone_toward
    from framing.kwic import kwic as kwic
    from framing.model import SPAN_COLUMNS as SPAN_COLUMNS
    from framing.model import Article as Article
    from framing.model import Corpus as Corpus
    from framing.model import LoadProblem as LoadProblem
    from framing.model import Span as Span
    from framing.reporting import build_report as report  # noqa: F401
    from framing.story import Story as Story
    from framing.story import load_story as load_story
    from framing.transformers import FramingFeatures as FramingFeatures
    from framing.worksheets import build_worksheet as worksheet  # noqa: F401

from framing.version import __version__

#: Public name -> (module, name in that module).
_EXPORTS: dict[str, tuple[str, str]] = {
    "SPAN_COLUMNS": ("framing.model", "SPAN_COLUMNS"),
    "tone_toward": ("framing.features.tone", "tone_toward"),
    "Analysis": ("framing.engines.memory", "Analysis"),
    "Article": ("framing.model", "Article"),
    "Corpus": ("framing.model", "Corpus"),
    "FramingFeatures": ("framing.transformers", "FramingFeatures"),
    "LoadProblem": ("framing.model", "LoadProblem"),
    "Span": ("framing.model", "Span"),
    "Story": ("framing.story", "Story"),
    "analyze": ("framing.engines.memory", "analyze"),
    "analyze_article": ("framing.engines.task", "analyze_article"),
    "analyze_to_file": ("framing.engines.streaming", "analyze_to_file"),
    "compare": ("framing.comparison", "compare"),
    "iter_corpus": ("framing.corpus.loading", "iter_corpus"),
    "kwic": ("framing.kwic", "kwic"),
    "load_corpus": ("framing.corpus.loading", "load_corpus"),
    "load_story": ("framing.story", "load_story"),
    "report": ("framing.reporting", "build_report"),
    "worksheet": ("framing.worksheets", "build_worksheet"),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import a public name on first use."""
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attr = _EXPORTS[name]
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


class _Package(ModuleType):
    """Keeps an exported function when the import system binds a submodule of the same name.

    Importing :mod:`framing.kwic` sets ``framing.kwic`` to the module; the
    public name ``framing.kwic`` is the function, as it was before loading
    became lazy.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        export = _EXPORTS.get(name)
        if isinstance(value, ModuleType) and export is not None and value.__name__ == export[0]:
            value = getattr(value, export[1])
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
