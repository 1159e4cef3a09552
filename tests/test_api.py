"""The public API: every documented name is importable from ``framing``, and loads on first use."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import framing

HOMES = {
    "tone_toward": "framing.features.tone",
    "analyze": "framing.engines.memory",
    "Analysis": "framing.engines.memory",
    "analyze_article": "framing.engines.task",
    "analyze_to_file": "framing.engines.streaming",
    "compare": "framing.comparison",
    "report": "framing.reporting",
    "worksheet": "framing.worksheets",
    "FramingFeatures": "framing.transformers",
    "kwic": "framing.kwic",
    "load_corpus": "framing.corpus.loading",
    "Story": "framing.story",
    "load_story": "framing.story",
}


@pytest.mark.parametrize("name", sorted(HOMES))
def test_public_name_is_the_object_in_its_home_module(name: str):
    value = getattr(framing, name)
    home = importlib.import_module(HOMES[name])
    assert any(value is v for v in vars(home).values()), f"framing.{name} is not an object of {HOMES[name]}"
    assert name in framing.__all__ and name in dir(framing)


def test_top_level_verbs_are_the_steps():
    from framing.comparison import compare
    from framing.reporting import build_report
    from framing.worksheets import build_worksheet

    assert (framing.compare, framing.report, framing.worksheet) == (compare, build_report, build_worksheet)


def test_kwic_stays_the_function_when_its_module_is_imported_first():
    code = "import framing\nimport framing.kwic\nfrom framing.kwic import KWIC_COLUMNS\nprint(callable(framing.kwic))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        framing.nope  # noqa: B018


def test_kwic_of_several_terms_equals_kwic_of_each(seed_analysis):
    """The report reads every label word in one pass over the articles (``kwic_terms``); each term's rows,
    voices and label columns must be those ``framing kwic TERM`` prints, including words inside quotes."""
    from framing.kwic import kwic, kwic_terms

    terms = ["alliance", "partnership", "bromance", "marriage of convenience", "ally", "Putin"]
    together = kwic_terms(seed_analysis, terms, window=40)
    assert list(together) == terms
    for term in terms:
        alone = kwic(seed_analysis, term, window=40)
        assert together[term].equals(alone), term
    assert (together["alliance"]["counted"] == "no").any()
    assert {"direct_quote", "attributed_paraphrase"} <= set(together["Putin"]["voice"])
