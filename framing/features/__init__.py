"""Feature families: one module each, all sharing one matcher and one span maker.

Every family module exposes ``extract(doc: Doc, *, story: Story | None = None) -> list[Span]``,
run on a document the attribution step has prepared
(:func:`framing.attribution.prepare_doc`: voice is needed by every family).
The registry below fixes the order they run in.

Example:
    >>> list(FAMILIES)[:2]
    ['sentence', 'quote']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from framing.document import Doc
    from framing.model import Span
    from framing.story import Story


class Extractor(Protocol):
    """A family's ``extract`` function: the spans of one prepared document."""

    def __call__(self, doc: Doc, *, story: Story | None = None) -> list[Span]:  # noqa: D102
        ...


#: family name -> module under ``framing.features`` providing ``extract(doc, *, story)``.
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
