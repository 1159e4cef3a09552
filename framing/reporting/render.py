"""The one Jinja environment of the report, and rendering the HTML.

Autoescaping is on for every template and for strings
(``select_autoescape(default=True, default_for_string=True)``), undefined
names raise (``StrictUndefined``), and templates come from the package
(``PackageLoader``), so untrusted text in the context is always escaped.

Example:
    >>> environment().from_string("{{ x }}").render(x="<b>")
    '&lt;b&gt;'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The report's only Jinja environment (cached)."""
    escape = select_autoescape(default=True, default_for_string=True)  # article text is untrusted
    return Environment(autoescape=escape,
        loader=PackageLoader("framing.reporting"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )


def render_html(context: dict[str, Any], *, template: str = "report.html") -> str:
    """Render the report template with a context from :func:`framing.reporting.context.build_context`."""
    return environment().get_template(template).render(**context)
