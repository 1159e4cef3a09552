"""The report: built from the seeds, deterministic, self-contained, safe with hostile input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from framing.corpus.loading import load_corpus
from framing.engines.memory import analyze
from framing.evaluation import ValidationRow
from framing.evaluation.run import write_json
from framing.reporting import build_report

SECTIONS = ("overview", "comparison", "charts", "evidence", "kwic", "methodology", "validity", "provenance")
HOSTILE = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "javascript:alert(4)",
]


@pytest.fixture(scope="module")
def seed_report(seed_analysis, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-report")
    build_report(seed_analysis, out_dir=out, formats=("html",), command="framing report", reps=200)
    return out / "report.html"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    rows = []
    for i, bad in enumerate(HOSTILE):
        text = (f'China and Russia are close allies {bad}, officials said. "We are not an alliance {bad}," said '
                f'{bad} Smith, a spokesman. Visit <a href="javascript:alert(5)">here</a> or {bad}.\n\n'
                f"Beijing may deepen the partnership. Moscow clearly welcomes it.")
        rows.append({"id": f"h{i}{bad}", "outlet": f"Outlet {bad}", "outlet_id": f"o{i}", "title": f"Title {bad}",
                     "author": bad, "text": text})
    path = folder / "hostile.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    analysis = analyze(load_corpus(path))
    assert len(analysis.articles) == len(HOSTILE)
    build_report(analysis, out_dir=folder / "out", formats=("html",), reps=50)
    return folder / "out" / "report.html"


def test_seed_report_has_every_section_and_a_strict_csp(seed_report: Path):
    html = seed_report.read_text(encoding="utf-8")
    for sid in SECTIONS:
        assert f'<section id="{sid}">' in html and f'href="#{sid}"' in html
    assert "Content-Security-Policy" in html and "script-src 'none'" in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "no external resources"
    assert "<script" not in html


def test_one_highlight_element_per_span(seed_report: Path, seed_analysis):
    html = seed_report.read_text(encoding="utf-8")
    ids = re.findall(r'data-span="(\d+)"', html)
    assert len(ids) == len(set(ids)) == len(seed_analysis.spans)


def test_table_cells_link_to_existing_span_anchors(seed_report: Path):
    html = seed_report.read_text(encoding="utf-8")
    links = set(re.findall(r'href="#span-(\d+)"', html))
    assert links
    anchors = set(re.findall(r'id="span-(\d+)"', html))
    assert links <= anchors


def test_every_outlet_and_its_metadata_is_shown(seed_report: Path, seed_corpus):
    html = seed_report.read_text(encoding="utf-8")
    for a in seed_corpus.articles:
        assert a.outlet_name in html
        if a.author:
            assert a.author in html


def test_two_runs_give_identical_bytes(seed_analysis, seed_report: Path, tmp_path: Path):
    build_report(seed_analysis, out_dir=tmp_path, formats=("html",), command="framing report", reps=200)
    assert (tmp_path / "report.html").read_bytes() == seed_report.read_bytes()


def test_validity_card_shows_release_figures_without_a_file(seed_report: Path):
    section = seed_report.read_text(encoding="utf-8").split('<section id="validity">')[1]
    assert re.search(r"Figures measured at release, \d{4}-\d{2}-\d{2}, framing \S+\.", section)
    assert "framing validate" in section and 'id="validity-1"' in section


def test_validity_badges_link_to_rows_of_the_card(seed_report: Path):
    html = seed_report.read_text(encoding="utf-8")
    links = set(re.findall(r'class="vbadge" href="#(validity-\d+)"', html))
    assert links and all(f'id="{v}"' in html for v in links)
    assert 'class="vbadge none"' in html  # frames: no validity figure, said so


def test_validity_card_shows_rows_beside_anchors(seed_analysis, tmp_path: Path):
    vpath = tmp_path / "validity.json"
    write_json([ValidationRow("hedges <b>", "sfu dev", "F1", 0.612, anchor="0.80 (Author 2010)", n=120)], vpath)
    build_report(seed_analysis, out_dir=tmp_path, formats=("html",), validity=vpath, reps=20)
    section = (tmp_path / "report.html").read_text(encoding="utf-8").split('<section id="validity">')[1]
    assert "0.612" in section and "0.80 (Author 2010)" in section and "hedges &lt;b&gt;" in section


def test_hostile_text_title_outlet_and_names_are_shown_literally(hostile_report: Path):
    html = hostile_report.read_text(encoding="utf-8")
    for bad in HOSTILE[:3]:
        assert bad not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Outlet &lt;img src=x onerror=alert(3)&gt;" in html
    assert "Title &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and "<a href=\"java" not in html
    assert "<script" not in html


def test_pdf_unavailable_still_writes_html(seed_analysis, tmp_path: Path, monkeypatch):
    import framing.reporting.pdf as pdf

    def broken(html: str, *, base_url: str | None = None) -> bytes:
        raise pdf.PdfUnavailableError("PDF not written: WeasyPrint cannot load its system libraries (x)")

    monkeypatch.setattr(pdf, "html_to_pdf", broken)
    with pytest.raises(pdf.PdfUnavailableError, match="apt-get|system libraries"):
        build_report(seed_analysis, out_dir=tmp_path, formats=("pdf",), reps=20)
    assert (tmp_path / "report.html").is_file()
    assert not (tmp_path / "report.pdf").exists()


def _poppler() -> None:
    if not (shutil.which("pdftoppm") and shutil.which("pdftotext") and shutil.which("pdfinfo")):
        pytest.skip("poppler-utils (pdftoppm, pdftotext, pdfinfo) not installed: apt-get install poppler-utils")


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _text(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def seed_pdf(seed_analysis, tmp_path_factory) -> Path:
    _poppler()
    out = tmp_path_factory.mktemp("seed-pdf")
    assert [p.name for p in build_report(seed_analysis, out_dir=out, formats=("pdf",), reps=200)] == ["report.pdf"]
    return out / "report.pdf"


@pytest.mark.slow
def test_pdf_page_one_carries_the_findings_and_fits_twelve_pages(seed_pdf: Path, seed_analysis, tmp_path: Path):
    from framing.comparison import compare
    from framing.reporting.sections.findings import findings

    assert _pages(seed_pdf) <= 12
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(seed_pdf), str(tmp_path / "p")],
                   check=True)
    assert any(p.stat().st_size > 5000 for p in tmp_path.glob("p*.png"))
    page1 = " ".join(_text(seed_pdf, "-f", "1", "-l", "1").split())
    assert "What differs: the findings" in page1
    first = findings(compare(seed_analysis, reps=200), seed_analysis)[0]
    assert " ".join(first.text.split())[:40].replace("-", "") in page1.replace("-", "").replace("‐", "")
    text = _text(seed_pdf)
    for name in set(seed_analysis.articles["outlet_name"]):
        assert " ".join(name.split()[:1]) in text
    assert "Validity card" not in text and "Evidence: the articles" not in text


@pytest.mark.slow
def test_pdf_appendix_adds_the_table_evidence_and_validity(seed_analysis, tmp_path: Path):
    _poppler()
    from framing.comparison import compare
    from framing.reporting.formatting import fmt_value

    build_report(seed_analysis, out_dir=tmp_path, formats=("pdf",), reps=200, pdf_appendix=True)
    assert not _broken_words(tmp_path / "report.pdf", seed_analysis.corpus)  # the evidence pages above all
    text = _text(tmp_path / "report.pdf")
    assert "Validity card" in text and "Evidence: the articles" in text
    table = compare(seed_analysis, reps=200).table
    main = table[table["kind"].isin(["rate", "share_words"])]
    missing = [fmt_value(v, k) for v, k in zip(main["value"], main["kind"], strict=True)
               if fmt_value(v, k) not in text]
    assert not missing


def _broken_words(pdf: Path, corpus) -> list[str]:
    """Line ends that cut an article word without a hyphen ("s|plit", "Sh|anghai")."""
    words = {w.lower() for art in corpus.articles for w in re.findall(r"[A-Za-z]+", art.text)}
    lines = [ln.strip() for ln in _text(pdf).splitlines()]
    broken = []
    for a, b in zip(lines, lines[1:], strict=False):
        m, n = re.search(r"([A-Za-z]+)$", a), re.match(r"([A-Za-z]+)", b)
        if m and n and " " in a:  # a line of running text (chart labels come out letter by letter)
            head, tail = m.group(1).lower(), n.group(1).lower()
            if head + tail in words and not (head in words and tail in words):
                broken.append(f"{m.group(1)}|{n.group(1)}")
    return broken


@pytest.mark.slow
def test_pdf_breaks_no_word_without_a_hyphen(seed_pdf: Path, seed_corpus):
    assert not _broken_words(seed_pdf, seed_corpus)


def test_charts_are_one_png_each_sized_alike_on_screen_and_in_print(seed_report: Path):
    """One Agg render per chart serves the page and the PDF: the print CSS declares the charts' resolution."""
    import base64
    import io

    from PIL import Image

    from framing.reporting import charts
    from framing.reporting.formatting import static

    html = seed_report.read_text(encoding="utf-8")
    charts_html = html.split('<section id="charts">')[1].split("</section>")[0]
    imgs = re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="[^"]+" width="(\d+)">', charts_html)
    assert len(imgs) == charts_html.count("<img") > 0
    for data, width in imgs:
        image = Image.open(io.BytesIO(base64.b64decode(data)))
        assert image.mode == "P"  # 256 colours, no alpha channel for WeasyPrint to split into a second image
        assert int(width) == round(image.width * charts.CSS_PX / charts.DPI)
    assert f"image-resolution: {charts.DPI}dpi" in static("report.css")


def test_one_pass_chart_crops_like_savefig_tight_with_labels_outside_the_figure():
    """Tick labels and a legend outside the figure box are kept, cropped as savefig(bbox_inches="tight") would."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from framing.reporting import charts

    data = pd.DataFrame({"quoted": [30.0, 10.0], "own words": [70.0, 90.0]},
                        index=["A very long outlet name that spills left", "Short"])

    def figure() -> plt.Figure:
        fig, ax = plt.subplots(figsize=(4.0, 1.5))
        ax.barh(list(data.index), data["quoted"].to_numpy())
        ax.legend(["quoted"], loc="upper center", bbox_to_anchor=(0.5, -0.4))
        return fig

    one_pass = charts._pixels(figure())
    two_pass = charts._saved(figure())
    assert abs(one_pass.shape[0] - two_pass.shape[0]) <= 1 and abs(one_pass.shape[1] - two_pass.shape[1]) <= 1
    assert one_pass.shape[1] > 4.0 * charts.DPI  # the long name left of the figure box is in the image
    assert (one_pass[0, 0] == 255).all() and (one_pass[-1, -1] == 255).all()  # white padding, no black margin


def test_heatmap_outlet_names_read_across_without_seaborns_trial_draw():
    """Outlet names (rows) are horizontal and column names slanted, whatever seaborn's overlap check would say."""
    import matplotlib.pyplot as plt
    import pandas as pd
    import seaborn as sns

    from framing.reporting import charts

    captured = []
    original = charts._chart
    data = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]}, index=["X", "Y"])  # short names: no overlap
    try:
        charts._chart = lambda chart_id, title, alt, fig, caption: captured.append(fig)  # type: ignore[assignment]
        charts.heatmap("h", "H", data, alt="a heatmap")
    finally:
        charts._chart = original
    ax = captured[0].axes[0]
    assert [t.get_rotation() for t in ax.get_yticklabels()] == [0.0, 0.0]
    assert [t.get_rotation() for t in ax.get_xticklabels()] == [35.0, 35.0]
    assert sns.matrix._draw_figure is not None and sns.matrix._draw_figure.__name__ == "_draw_figure"  # restored
    plt.close(captured[0])
