"""The shipped model files: small JSON files under ``framing/models`` (coefficients and metadata, no text).

Example:
    >>> read_model_json("sentiment_vader_news.json")["name"]
    'vader_news'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_model_json(file_name: str, path: str | None = None) -> dict[str, Any]:
    """The JSON of a shipped model file, or of a user's file at ``path`` when given."""
    if path is None:
        raw = resources.files("framing").joinpath("models", file_name).read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    data: dict[str, Any] = json.loads(raw)
    return data
