"""Lexicon files: every packaged one loads; malformed user files name file, line and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicons import load_lexicon, packaged_lexicons

HEADER = "# name: mine\n# version: 1\n# source: my class\n"


def test_every_packaged_lexicon_loads_with_provenance():
    lexicons = packaged_lexicons()
    assert len(lexicons) >= 3
    for lex in lexicons:
        assert lex.meta["source"] and lex.meta["version"], lex.path
        assert lex.rows, f"{lex.path} has no entries"
        assert len(lex.sha256) == 64


def _write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "mine.tsv"
    p.write_text(body, encoding="utf-8")
    return p


def test_user_lexicon_loads(tmp_path: Path):
    lex = load_lexicon(_write(tmp_path, HEADER + "term\tcategory\nentente\tother\n"))
    assert lex.name == "mine" and lex.rows[0]["term"] == "entente" and lex.rows[0]["line"] == "5"


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("term\tcategory\n", 1, "header lacks required key(s): name, version, source"),
        (HEADER + "word\tcategory\n", 4, "must include 'term'"),
        (HEADER + "term\tcategory\nally\talliance\nAlly\talliance\n", 6, "duplicate term 'Ally' (first on line 5)"),
        (HEADER + "term\tcategory\nally\talliance\textra\n", 5, "3 tab-separated fields, the header has 2"),
        (HEADER + "term\tcategory\n\talliance\n", 5, "empty term"),
    ],
    ids=["missing-header-keys", "no-term-column", "duplicate-term", "too-many-fields", "empty-term"],
)
def test_malformed_lexicon_names_file_line_and_problem(tmp_path: Path, body: str, line: int, problem: str):
    path = _write(tmp_path, body)
    with pytest.raises(LexiconError) as exc:
        load_lexicon(path)
    assert str(path) in str(exc.value) and f"line {line}" in str(exc.value) and problem in str(exc.value)


def test_non_utf8_lexicon(tmp_path: Path):
    path = tmp_path / "bad.tsv"
    path.write_bytes(b"# name: x\n\xff\xfe\x00")
    with pytest.raises(LexiconError, match="not UTF-8"):
        load_lexicon(path)
