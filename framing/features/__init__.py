"""Feature families: one module each, all sharing one matcher and one span maker.

Every family module exposes ``extract(doc: Doc) -> list[Span]``. The
registry below fixes the order they run in; ``quotes`` runs as part of
:meth:`framing.document.Doc.build` (voice is needed by every other family).

Example:
    >>> list(FAMILIES)[:2]
    ['sentence', 'quote']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.document import Doc
    from framing.model import Span

Extractor = Callable[["Doc"], list["Span"]]

#: family name -> module under ``framing.features`` providing ``extract(doc)``.
FAMILIES: dict[str, str] = {
    "sentence": "sentences",
    "quote": "quotes",
    "relationship_label": "labels",
    "hedging": "hedging",
    "sentiment": "sentiment",
    "frame": "frames",
}


def get_extractor(family: str) -> Extractor:
    """Return the ``extract`` function of a family.

    Example:
        >>> callable(get_extractor("sentence"))
        True
    """
    if family not in FAMILIES:
        from framing.errors import FramingError, value_invalid_msg

        raise FramingError(value_invalid_msg("family", family, sorted(FAMILIES)))
    module = importlib.import_module(f"framing.features.{FAMILIES[family]}")
    fn: Extractor = module.extract
    return fn
