"""Loaders: good inputs load, every bad input is a recorded problem naming file and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.corpus.loading import load_corpus
from framing.errors import InputError

BODY = (
    "Chinese President Xi Jinping welcomed Russian President Vladimir Putin to Beijing on Friday. "
    "The two leaders declared a partnership with no limits, officials said.\n\n"
    "Analysts said the ties were close but stopped short of an alliance."
)


def _manifest(folder: Path, rows: list[str], header: str = "file,outlet_id,outlet,title") -> None:
    (folder / "manifest.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def _reasons(corpus) -> dict[str, str]:
    return {Path(p.path.split(":")[0]).name: p.reason for p in corpus.problems}


def test_seeds_load_with_metadata(seed_corpus):
    assert len(seed_corpus) == 5 and seed_corpus.problems == []
    wapo = next(a for a in seed_corpus if a.outlet_id == "wapo")
    assert wapo.outlet_name == "The Washington Post"
    assert wapo.country == "United States" and wapo.published == "2022-02"
    assert wapo.language == "en"


def test_cleaned_offsets_map_back_to_raw(seed_corpus):
    for article in seed_corpus:
        for seg in article.segments:
            assert article.text[seg.clean_start : seg.clean_start + seg.length] == (
                article.raw_text[seg.raw_start : seg.raw_start + seg.length]
            )
        mid = article.segments[len(article.segments) // 2]
        assert article.raw_offset(mid.clean_start) == mid.raw_start


def test_manifest_folder_with_every_kind_of_bad_file(tmp_path: Path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n  ", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "archive.txt").write_bytes(b"PK\x03\x04" + bytes(100))
    (tmp_path / "utf16.txt").write_bytes(BODY.encode("utf-16"))
    (tmp_path / "latin.txt").write_bytes(("Café talks in Zürich. " + BODY).encode("cp1252"))
    outside = tmp_path.parent / "outside_secret.txt"
    outside.write_text(BODY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(outside)
    (tmp_path / "stray.bin").write_bytes(b"\x00\x01")
    _manifest(
        tmp_path,
        [
            "good.txt,a,Outlet A,Good",
            "empty.txt,b,Outlet B,Empty",
            "blank.txt,b,Outlet B,Blank",
            "image.txt,c,Outlet C,Image",
            "archive.txt,c,Outlet C,Zip",
            "utf16.txt,d,Outlet D,UTF-16",
            "latin.txt,e,Outlet E,Latin",
            "missing.txt,f,Outlet F,Missing",
            "/etc/passwd,g,Outlet G,Absolute",
            "../outside_secret.txt,g,Outlet G,Escape",
            "link.txt,g,Outlet G,Symlink",
            "good.txt,h,Outlet H,Duplicate id",
        ],
    )
    corpus = load_corpus(tmp_path)
    loaded = {a.id: a for a in corpus}
    assert set(loaded) == {"good", "utf16", "latin"}
    assert loaded["utf16"].encoding == "utf-16"
    assert "Café talks in Zürich" in loaded["latin"].text
    assert loaded["latin"].encoding not in ("utf-8", "")
    reasons = " | ".join(str(p) for p in corpus.problems)
    for expected in (
        "empty.txt: empty file",
        "blank.txt: no text",
        "image.txt: binary file (a PNG image)",
        "archive.txt: binary file (a zip archive)",
        "'missing.txt' named in the manifest does not exist",
        "'/etc/passwd' is outside the corpus folder",
        "'../outside_secret.txt' is outside the corpus folder",
        "'link.txt' resolves outside the corpus folder",
        "duplicate article id 'good'",
        "stray.bin: not named in manifest.csv",
    ):
        assert expected in reasons, expected


def test_manifest_missing_required_columns_is_one_problem(tmp_path: Path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    _manifest(tmp_path, ["a.txt,Some title"], header="name,title")
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 0
    assert "missing required column(s): file, outlet or outlet_id" in corpus.problems[0].reason


def test_html_file_with_script_loads_text_without_script(tmp_path: Path):
    html = (
        "<html><head><title>Ties deepen - Example News</title>"
        '<meta property="og:site_name" content="Example News"></head><body>'
        "<nav>Home | World | Sign in</nav><article><h1>Ties deepen</h1>"
        f"<p>{BODY.split(chr(10))[0]}</p><script>alert('x')</script>"
        "<p>Analysts said the ties were close but stopped short of an alliance, and few expected more.</p>"
        '<iframe src="https://evil.example"></iframe><form><input name=q></form>'
        "</article><footer>© 2022 Example News</footer></body></html>"
    )
    (tmp_path / "story.html").write_text(html, encoding="utf-8")
    corpus = load_corpus(tmp_path / "story.html")
    assert corpus.problems == []
    (article,) = corpus.articles
    assert "alert" not in article.text and "Sign in" not in article.text
    assert "stopped short of an alliance" in article.text
    assert article.outlet_name == "Example News"


def test_broken_html_is_a_problem_not_a_crash(tmp_path: Path):
    (tmp_path / "a.html").write_text("<html><body><script>var x = 1;</script><div", encoding="utf-8")
    (tmp_path / "b.html").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / "c.html").write_text(
        "<html><body><p>Broken &amp; unclosed <b>markup, but Xi met Putin in Beijing on Friday.<p>Second",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert {Path(p.path).name for p in corpus.problems} == {"a.html", "b.html"}
    assert [a.id for a in corpus] == ["c"] and "Broken & unclosed markup" in corpus.articles[0].text


def test_jsonl_rows_with_broken_lines(tmp_path: Path):
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "1", "outlet": "Outlet A", "text": BODY, "title": "T1"}),
        "{not json",
        json.dumps({"id": "2", "outlet": "Outlet B"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "3", "outlet": "Outlet B", "text": BODY, "outlet_id": "ob"}),
        json.dumps({"id": "3", "outlet": "Outlet B", "text": BODY}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.id for a in corpus] == ["1", "3"]
    assert corpus.get("3").outlet_id == "ob" and corpus.get("1").outlet_id == "outlet-a"
    reasons = [str(p) for p in corpus.problems]
    assert any(":2: broken JSON" in r for r in reasons)
    assert any(":3: missing required field(s): text" in r for r in reasons)
    assert any(":4: line is not a JSON object" in r for r in reasons)
    assert any("duplicate article id '3'" in r for r in reasons)


def test_csv_with_embedded_newlines_and_quotes(tmp_path: Path):
    path = tmp_path / "articles.csv"
    path.write_text(
        'id,outlet,text\n1,"Outlet, A","He said ""no"".\n\nThen the talks ended in Beijing."\n2,Outlet B,\n',
        encoding="utf-8",
    )
    corpus = load_corpus(path)
    assert [a.outlet_name for a in corpus] == ["Outlet, A"]
    assert 'He said "no".' in corpus.articles[0].text
    assert "missing required field(s): text" in corpus.problems[0].reason


def test_folder_with_unknown_files_only(tmp_path: Path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 0
    assert any("unknown file type" in p.reason for p in corpus.problems)


def test_missing_path_raises_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_corpus(tmp_path / "nope")


def test_loading_never_modifies_inputs(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(BODY.encode("utf-16"))
    before = path.read_bytes()
    load_corpus(path)
    assert path.read_bytes() == before


def test_non_english_article_is_detected(tmp_path: Path):
    text = (
        "Die beiden Länder haben sich auf eine engere Zusammenarbeit geeinigt, sagte der Sprecher der "
        "Regierung am Freitag in Berlin. Es ist nicht klar, ob die Vereinbarung auch für die Energie gilt."
    )
    (tmp_path / "de.jsonl").write_text(json.dumps({"id": "x", "outlet": "DE", "text": text}), encoding="utf-8")
    assert load_corpus(tmp_path / "de.jsonl").articles[0].language == "de"


# --- cleaning modes: short texts survive, JSONL/CSV rows are cleaned conservatively ---------------


def _rows(path: Path, texts: list[str]) -> Path:
    path.write_text("\n".join(json.dumps({"id": str(i), "outlet": "Wire", "text": t}) for i, t in enumerate(texts)),
                    encoding="utf-8")
    return path


def test_one_line_jsonl_texts_survive_in_every_mode(tmp_path: Path):
    texts = ["China and Russia sign sweeping energy deal", "Protesters follow him to the airport",
             "Photo: Crowds cheer as the marathon winner crosses the line"]
    path = _rows(tmp_path / "headlines.jsonl", texts)
    for mode in ("auto", "on", "off"):
        corpus = load_corpus(path, clean=mode)
        assert [a.text for a in corpus] == texts and corpus.problems == [], mode


def test_auto_mode_cleans_rows_conservatively_and_pages_fully(tmp_path: Path):
    text = "Xi meets Putin in Beijing\n\nAdvertisement\n\nXi met Putin on Friday.\n\nThey talked."
    _rows(tmp_path / "rows.jsonl", [text])
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    rows, page = load_corpus(tmp_path / "rows.jsonl"), load_corpus(tmp_path / "page.txt")
    kept = ["Xi meets Putin in Beijing", "Xi met Putin on Friday.", "They talked."]
    assert rows.articles[0].text.split("\n\n") == kept
    assert page.articles[0].text.split("\n\n") == ["Xi met Putin on Friday.", "They talked."]
    assert load_corpus(tmp_path / "rows.jsonl", clean="on").articles[0].text == page.articles[0].text
    assert "Advertisement" in load_corpus(tmp_path / "page.txt", clean="off").articles[0].text


def test_csv_rows_are_cleaned_conservatively(tmp_path: Path):
    path = tmp_path / "posts.csv"
    path.write_text('id,outlet,text\n1,Wire,"Markets tumble as Fed raises rates\n\nShare this article"\n',
                    encoding="utf-8")
    assert load_corpus(path).articles[0].text == "Markets tumble as Fed raises rates"


def test_text_without_letters_or_digits_is_a_problem(tmp_path: Path):
    corpus = load_corpus(_rows(tmp_path / "x.jsonl", ["--- *** ---"]))
    assert len(corpus) == 0 and "no article text" in corpus.problems[0].reason


def test_unknown_clean_mode_raises_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="unknown cleaning mode"):
        load_corpus(_rows(tmp_path / "x.jsonl", ["Xi met Putin."]), clean="sometimes")
