"""Open the reports in headless Debian chromium (Playwright, no browser download)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from framing.corpus.loading import load_corpus
from framing.engines.memory import analyze
from framing.reporting import build_report

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian chromium not installed (apt-get install chromium); browser tests need it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install -e .[dev])")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, path: Path):
    page = browser.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, dialogs


def test_seed_report_opens_cleanly_with_every_span(browser, seed_analysis, tmp_path: Path):
    build_report(seed_analysis, out_dir=tmp_path, formats=("html",), reps=50)
    page, errors, _ = _open(browser, tmp_path / "report.html")
    assert errors == []
    for sid in ("overview", "comparison", "charts", "evidence", "kwic", "methodology", "validity", "provenance"):
        assert page.locator(f"section#{sid}").count() == 1
    n = page.evaluate("new Set([...document.querySelectorAll('[data-span]')].map(e => e.dataset.span)).size")
    assert n == len(seed_analysis.spans)
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    page.close()


def test_hostile_report_fires_no_dialog(browser, tmp_path: Path):
    bad = "<script>alert(1)</script></script><img src=x onerror=alert(2)>"
    rows = [{"id": f"x{i}{bad}", "outlet": f"O{i} {bad}", "title": bad, "author": bad,
             "text": f'Russia is an ally {bad}. "We may agree {bad}," said {bad} Lee.\n\njavascript:alert(3) text.'}
            for i in range(2)]
    src = tmp_path / "h.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    build_report(analyze(load_corpus(src)), out_dir=tmp_path, formats=("html",), reps=20)
    page, _, dialogs = _open(browser, tmp_path / "report.html")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert bad in page.locator("#article-1 .text").inner_text()
    page.close()


def test_hostile_worksheet_and_key_fire_no_dialog(browser, tmp_path: Path):
    from framing.worksheets.render import write_worksheet

    bad = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>"
    rows = [
        {"id": f"w{i}", "outlet": f"Outlet {i} {bad}", "title": f"T {bad}",
         "text": (f'China and Russia may be allies {bad}. "It is clearly a partnership {bad}," said {bad} Lee, '
                  f"a professor at {bad} University.\n\nThe two countries could become allies, analysts said.")}
        for i in range(3)
    ]
    src = tmp_path / "h.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    write_worksheet(analyze(load_corpus(src)), out_dir=tmp_path, level="advanced", seed=1, pdf=False)
    for name in ("worksheet.html", "answer_key.html"):
        page, errors, dialogs = _open(browser, tmp_path / name)
        page.wait_for_timeout(200)
        assert dialogs == [] and errors == [], name
        assert page.evaluate("document.querySelectorAll('script, img[onerror], a[href^=javascript]').length") == 0
        page.close()


@pytest.fixture(scope="module")
def seed_report_page(tmp_path_factory, seed_analysis):
    out = tmp_path_factory.mktemp("browser-seed")
    build_report(seed_analysis, out_dir=out, formats=("html",), reps=50)
    return out / "report.html"


def test_findings_link_to_existing_highlighted_spans(browser, seed_report_page: Path):
    page, errors, _ = _open(browser, seed_report_page)
    items = page.locator("#findings li")
    assert items.count() >= 3
    for i in range(items.count()):
        href = items.nth(i).locator('a[href^="#"]').first.get_attribute("href")
        target = page.locator(href)
        assert target.count() == 1, href
        assert "hl" in (target.get_attribute("class") or "").split(), href  # a highlighted span of the evidence
        assert target.evaluate("e => e.closest('#evidence') !== null")
    hrefs = [items.nth(i).locator('a[href^="#"]').first.get_attribute("href") for i in range(items.count())]
    assert errors == []
    page.close()
    for href in hrefs:  # followed, the target is marked whatever the legend's ticks
        page = browser.new_page()
        page.goto(seed_report_page.as_uri() + href)
        page.wait_for_load_state("load")
        assert page.locator(href).evaluate("e => getComputedStyle(e).outlineStyle") == "solid", href
        page.close()


def test_one_profile_per_outlet(browser, seed_report_page: Path, seed_analysis):
    page, _, _ = _open(browser, seed_report_page)
    names = page.locator(".outlet-profile h3").all_inner_texts()
    outlets = list(dict.fromkeys(seed_analysis.articles["outlet_name"]))
    assert len(names) == len(outlets)
    assert all(n.startswith(o) for n, o in zip(names, outlets, strict=True))
    page.close()


@pytest.mark.parametrize("width", [390, 1400])
def test_no_horizontal_page_scroll(browser, seed_report_page: Path, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(seed_report_page.as_uri())
    page.wait_for_load_state("load")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls {overflow}px sideways at {width}px"
    page.close()
