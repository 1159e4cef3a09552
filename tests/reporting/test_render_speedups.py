"""The report's speed-ups change no pixel and no figure.

Each shortcut taken to make the seed report fast (font metrics read once per
font, palette PNGs placed in the PDF as they are, one BLAS thread and one
quantile call in the bootstrap) is checked against the slow path it replaces.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.comparison.bootstrap import percentile_interval
from framing.reporting import charts
from framing.reporting.charts import bar_chart

VALUES = pd.Series([3.0, 1.5, 0.0, 2.25], index=["South China Morning Post", "Deutsche Welle", "WaPo", "RS"])


def _chart_uri() -> str:
    return bar_chart("c", "Hedges per 1,000 words", VALUES, xlabel="per 1,000 words", alt="hedges").src


def test_font_metrics_read_once_draw_the_same_pixels(monkeypatch):
    fast = _chart_uri()

    @contextmanager
    def plain():
        with charts.plt.rc_context(charts._RC):
            yield

    monkeypatch.setattr(charts, "_style", plain)
    assert _chart_uri() == fast


def test_vectorised_percentiles_equal_per_column_quantiles():
    rng = np.random.default_rng(7)
    num = rng.random((400, 5))
    den = rng.random((400, 5)) + 0.1
    den[:150, 1] = 0.0  # ratio undefined in 150 of 400 resamples: still an interval
    den[:300, 2] = 0.0  # undefined in most: no interval
    low, high = percentile_interval(num, den)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    for j in (0, 1, 3, 4):
        col = ratios[:, j][~np.isnan(ratios[:, j])]
        # one quantile call for all columns may differ from a per-column call in the last bit
        np.testing.assert_allclose((low[j], high[j]), np.quantile(col, [0.025, 0.975]), rtol=1e-12)
    assert np.isnan(low[2]) and np.isnan(high[2])


def _pages(pdf: bytes, tmp: Path, name: str) -> list[bytes]:
    (tmp / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(tmp / f"{name}.pdf"), str(tmp / name)], check=True)
    return [p.read_bytes() for p in sorted(tmp.glob(f"{name}-*.png"))]


def test_palette_charts_enter_the_pdf_indexed_with_the_same_pixels(tmp_path):
    pytest.importorskip("weasyprint")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) not installed: `make system` installs it")
    from weasyprint import HTML

    from framing.reporting.pdf import _palette_images, _write, html_to_pdf

    html = f"<html><body><h1>Hedges</h1><img src='{_chart_uri()}' style='width:15cm'></body></html>"
    assert _palette_images(html), "the chart is a palette PNG and should be pre-filled"
    fast = html_to_pdf(html)
    assert b"/Indexed" in fast
    slow = _write(HTML(string=html), {})  # WeasyPrint's own conversion
    assert b"/Indexed" not in slow and len(fast) < len(slow)
    from PIL import Image, ImageChops

    for a, b in zip(_pages(fast, tmp_path, "fast"), _pages(slow, tmp_path, "slow"), strict=True):
        ia = Image.open(io.BytesIO(a)).convert("RGB")
        ib = Image.open(io.BytesIO(b)).convert("RGB")
        assert ImageChops.difference(ia, ib).getbbox() is None
