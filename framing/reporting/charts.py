"""Charts of the comparison as deterministic PNG images (matplotlib/seaborn, Agg), embedded as data: URIs.

Each chart function returns a :class:`Chart` or ``None`` when its data is
absent. Colours are the Okabe-Ito palette (safe for the common colour-vision
deficiencies) and diverging maps are ``PuOr``; every chart also carries alt
text and numbers or markers so that colour is never the only cue.

Each figure is drawn once, at :data:`DPI` (print resolution), and the same
image serves the web page and the PDF: the page shows it at its size in
inches (``width`` in CSS pixels), the print stylesheet gives WeasyPrint the
same size with ``image-resolution``. A raster image is one object for
WeasyPrint to place; the SVG it replaces was drawn node by node (thousands
of paths and hatch patterns: 40% of the PDF's cost). The PNG has 256
colours and no alpha channel (which WeasyPrint would split into a second
image), and carries no date or software version, so two runs give identical
bytes.

Example:
    >>> import pandas as pd
    >>> c = bar_chart("demo", "Demo", pd.Series({"A": 1.0, "B": 2.0}), xlabel="x", alt="two bars")
    >>> c.src.startswith("data:image/png;base64,"), 0 < c.width < 1000
    (True, True)
"""

from __future__ import annotations

import base64
import io
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from PIL import Image  # noqa: E402

#: Okabe & Ito (2008) colour-blind-safe palette (black omitted).
OKABE_ITO: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999")

_FONTS = ["DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "sans-serif"]

#: Resolution of the chart images, dots per inch: print quality in the PDF, and about 1.5 device pixels per
#: CSS pixel on screen. The print stylesheet (``static/report.css``) declares the same ``image-resolution``.
DPI = 150

#: CSS pixels per inch (the web's reference pixel): an image ``w`` inches wide is shown ``w * CSS_PX`` wide.
CSS_PX = 96

_RC: Any = {
    "font.family": "sans-serif",
    "font.sans-serif": _FONTS,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
}


#: Font height metrics by (font properties, dpi): see :func:`_font_height_metrics`.
_HEIGHTS: dict[tuple[Any, float], tuple[float | None, float | None, float | None]] = {}


def _font_height_metrics(renderer: Any, prop: Any) -> tuple[float | None, float | None, float | None]:
    """``(ascent, descent, line gap)`` of a font at the renderer's dpi, in pixels, read once per font and size.

    Matplotlib reads them from the font's tables for every text it lays out (twice per tick label:
    drawing, then measuring the tight box), unless the renderer offers this method; the figures
    are the ones it computes (same tables, same arithmetic), so the drawing does not change.
    """
    key = (prop.copy(), renderer.dpi)
    if key not in _HEIGHTS:
        from matplotlib.font_manager import fontManager, get_font

        font: Any = get_font(fontManager._find_fonts_by_props(prop))  # tables read by name, as matplotlib does
        metrics: tuple[float | None, float | None, float | None] = (None, None, None)
        for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                                 ("hhea", "lineGap", "ascent", "descent")):
            table = font.get_sfnt_table(table_name)
            if table is None:
                continue
            scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * renderer.dpi / 72
            metrics = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
            break
        _HEIGHTS[key] = metrics
    return _HEIGHTS[key]


@contextmanager
def _style() -> Iterator[None]:
    """The charts' rc settings, with font height metrics read once per font (:func:`_font_height_metrics`)."""
    from matplotlib.backends.backend_agg import RendererAgg

    with plt.rc_context(_RC):
        if hasattr(RendererAgg, "_get_font_height_metrics"):  # a matplotlib that has its own
            yield
            return
        RendererAgg._get_font_height_metrics = _font_height_metrics  # type: ignore[attr-defined]
        try:
            yield
        finally:
            del RendererAgg._get_font_height_metrics  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Chart:
    """One chart: anchor id, title, alt text, ``data:`` URI (PNG at :data:`DPI`), caption, width in CSS pixels."""

    id: str
    title: str
    alt: str
    src: str
    caption: str = ""
    width: int = 0


#: Blank margin drawn around a figure, inches, so that labels outside the axes' figure box are drawn in one pass.
_MARGIN_IN = 2.0

#: White space kept around the drawn content, inches (matplotlib's ``savefig.pad_inches``).
_PAD_IN = 0.1


def _pixels(fig: plt.Figure) -> np.ndarray:
    """Draw ``fig`` once at :data:`DPI` on a canvas with a blank margin and crop it to its content (RGB).

    ``savefig(bbox_inches="tight")`` lays the figure out twice (once to find the content's box,
    once to draw it: a third of the charts' cost). Here the canvas is the figure plus
    :data:`_MARGIN_IN` on every side, drawn once; the content's box is then read from that
    drawing and cropped, with :data:`_PAD_IN` of white around it, as ``savefig`` would.
    Content reaching beyond the margin falls back to ``savefig``.
    """
    from matplotlib.transforms import Bbox

    try:
        from matplotlib._tight_bbox import adjust_bbox  # what savefig uses for bbox_inches (matplotlib >= 3.6)
    except ImportError:
        return _saved(fig)
    fig.set_dpi(DPI)
    fig.patch.set_facecolor("white")
    size = fig.bbox_inches
    canvas = Bbox.from_extents(-_MARGIN_IN, -_MARGIN_IN, size.x1 + _MARGIN_IN, size.y1 + _MARGIN_IN)
    restore = adjust_bbox(fig, canvas, None)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # the Agg canvas
        box = fig.get_tightbbox(renderer).padded(_PAD_IN)  # inches, in the canvas frame
        pixels = np.asarray(fig.canvas.buffer_rgba())  # type: ignore[attr-defined]  # the Agg canvas just drawn
    finally:
        restore()
    height, width = pixels.shape[:2]
    left, right = round(box.x0 * DPI), round(box.x1 * DPI)
    top, bottom = height - round(box.y1 * DPI), height - round(box.y0 * DPI)
    if left >= 0 and top >= 0 and right <= width and bottom <= height:
        return np.ascontiguousarray(pixels[top:bottom, left:right, :3])
    return _saved(fig)


def _saved(fig: plt.Figure) -> np.ndarray:
    """The pixels of ``savefig(bbox_inches="tight")`` at :data:`DPI` (RGB): two passes, any content."""
    fig.savefig(io.BytesIO(), format="rgba", dpi=DPI, bbox_inches="tight", facecolor="white")
    return np.ascontiguousarray(np.asarray(fig.canvas.buffer_rgba())[:, :, :3])  # type: ignore[attr-defined]


def _image(fig: plt.Figure) -> tuple[str, int]:
    """Draw ``fig`` once (Agg, :data:`DPI`, tight box) and close it: the PNG ``data:`` URI and its CSS width."""
    try:
        image = Image.fromarray(_pixels(fig))
    finally:
        plt.close(fig)
    out = io.BytesIO()
    # 256 colours (a chart has a few flat colours and their anti-aliased edges): a third of the RGB size
    quantized = image.quantize(256, method=Image.Quantize.FASTOCTREE)
    palette = quantized.getpalette() or []
    corner = quantized.getpixel((0, 0))  # the white figure background, which octree averaging may shift
    if isinstance(corner, int) and len(palette) >= 3 * corner + 3:
        palette[3 * corner: 3 * corner + 3] = [255, 255, 255]
        quantized.putpalette(palette)
    quantized.save(out, format="PNG", dpi=(DPI, DPI))
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii"), round(
        image.width * CSS_PX / DPI)


def _chart(chart_id: str, title: str, alt: str, fig: plt.Figure, caption: str) -> Chart:
    src, width = _image(fig)
    return Chart(chart_id, title, alt, src, caption, width)


def _short(name: str, width: int = 28) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def bar_chart(chart_id: str, title: str, values: pd.Series, *, xlabel: str, alt: str, caption: str = "") -> Chart:
    """A labelled horizontal bar chart (used for simple one-value-per-outlet figures)."""
    with _style():
        fig, ax = plt.subplots(figsize=(6.5, 0.45 * len(values) + 1.0))
        ax.barh([_short(str(i)) for i in values.index], values.to_numpy(dtype=float), color=OKABE_ITO[0])
        for y, v in enumerate(values.to_numpy(dtype=float)):
            if not np.isnan(v):
                ax.text(v, y, f" {v:.1f}", va="center", fontsize=9)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        return _chart(chart_id, title, alt, fig, caption)


@contextmanager
def _no_trial_draw() -> Iterator[None]:
    """Skip the whole-figure draw ``sns.heatmap`` makes to choose its tick labels' rotation (a third of its cost).

    Both rotations are set explicitly after the call, so the trial draw decides nothing here.
    """
    matrix = getattr(sns, "matrix", None)
    draw = getattr(matrix, "_draw_figure", None)
    if draw is None:
        yield
        return
    matrix._draw_figure = lambda fig: None  # type: ignore[union-attr]
    try:
        yield
    finally:
        matrix._draw_figure = draw  # type: ignore[union-attr]


def _pivot(table: pd.DataFrame, measures: Sequence[str], outlets: Sequence[str], col: str = "value") -> pd.DataFrame:
    sub = table[table["measure"].isin(list(measures))]
    p = sub.pivot_table(index="outlet_name", columns="measure", values=col, aggfunc="first", dropna=False)
    return p.reindex(index=list(outlets), columns=list(measures))


def heatmap(
    chart_id: str,
    title: str,
    data: pd.DataFrame,
    *,
    alt: str,
    caption: str = "",
    fmt: str = ".1f",
    diverging: bool = False,
    cbar_label: str = "",
    panels: Sequence[tuple[str, pd.DataFrame]] | None = None,
    counts: Sequence[pd.DataFrame] | pd.DataFrame | None = None,
    per_column: bool = False,
) -> Chart:
    """Draw annotated heatmaps of outlets (rows) by categories (columns), a number in every cell.

    Args:
        chart_id: Element id of the figure.
        title: Chart title.
        data: Outlets (rows) by categories (columns): the values.
        alt: Alt text.
        caption: Caption under the title.
        fmt: Number format of the values.
        diverging: Signed values: a diverging colour map centred on 0.
        cbar_label: Label of the colour bar.
        panels: Several ``(title, data)`` panels side by side (then ``data`` gives the rows).
        counts: Per panel, the count behind each cell, printed under the value
            ("4.5" over "n=7"), so that a strong colour on two hits reads as two hits.
        per_column: One colour scale per column (measures on different scales,
            such as readability): colour compares outlets within a column only; no colour bar.
    """
    groups = list(panels) if panels else [("", data)]
    count_list = [counts] if isinstance(counts, pd.DataFrame) else list(counts) if counts is not None else []
    with _style():
        widths = [max(1, g.shape[1]) for _, g in groups]
        fig, axes = plt.subplots(
            1, len(groups), figsize=(min(11.0, 1.3 + 0.85 * sum(widths) + 1.6 * len(groups)),
                                     (0.62 if count_list else 0.5) * len(data) + 2.2),
            gridspec_kw={"width_ratios": widths}, squeeze=False,
        )
        allv = np.concatenate([g.to_numpy(dtype=float).ravel() for _, g in groups])
        finite = allv[np.isfinite(allv)]
        vmax = float(np.max(np.abs(finite))) if len(finite) else 1.0
        vmax = vmax or 1.0
        for k, (ptitle, g) in enumerate(groups):
            ax = axes[0][k]
            cmap = "PuOr" if diverging else sns.light_palette(OKABE_ITO[0], as_cmap=True)
            values = g.astype(float)
            colour = values
            lo, hi = (-vmax if diverging else 0.0), vmax
            if per_column:
                span = (values.max() - values.min()).replace(0.0, 1.0)
                colour, lo, hi = (values - values.min()) / span, 0.0, 1.0
            labels = values.apply(lambda col: col.map(lambda v: "" if not np.isfinite(v) else format(v, fmt)))
            if k < len(count_list):
                n = count_list[k].reindex(index=values.index, columns=values.columns).to_numpy(dtype=float)
                cells = labels.to_numpy(dtype=object).copy()
                for (i, j), c in np.ndenumerate(n):
                    if cells[i, j] and np.isfinite(c):
                        cells[i, j] = f"{cells[i, j]}\nn={int(c)}"
                labels = pd.DataFrame(cells, index=values.index, columns=values.columns)
            with warnings.catch_warnings(), _no_trial_draw():
                warnings.simplefilter("ignore", PendingDeprecationWarning)  # seaborn 0.13 calls a deprecated method
                sns.heatmap(
                    colour, ax=ax, annot=labels.to_numpy(dtype=object), fmt="", cmap=cmap, vmin=lo,
                    vmax=hi, center=0.0 if diverging else None, linewidths=0.6, linecolor="white",
                    cbar=k == len(groups) - 1 and not per_column, cbar_kws={"label": cbar_label, "shrink": 0.8},
                    annot_kws={"fontsize": 8 if count_list else 9},
                    yticklabels=[_short(str(i)) for i in g.index] if k == 0 else False,
                )
            ax.set_xticklabels([_short(str(c), 22) for c in g.columns], rotation=35, ha="right")
            ax.tick_params(axis="y", labelrotation=0)  # names read across, as seaborn sets them when they overlap
            ax.set_xlabel("")
            ax.set_ylabel("")
            if ptitle:
                ax.set_title(ptitle)
        return _chart(chart_id, title, alt, fig, caption)


def interval_plot(
    chart_id: str,
    title: str,
    table: pd.DataFrame,
    panels: Sequence[tuple[str, Sequence[tuple[str, str]]]],
    outlets: Sequence[str],
    *,
    xlabel: str,
    alt: str,
    caption: str = "",
) -> Chart:
    """Point estimates with 95% intervals per outlet (the hit count where there are too few for an interval)."""
    markers = ["o", "s", "D", "^"]
    with _style():
        fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels) + 1.5, 0.55 * len(outlets) + 1.6),
                                 sharey=True, squeeze=False)
        y = np.arange(len(outlets))
        for k, (ptitle, series) in enumerate(panels):
            ax = axes[0][k]
            offsets = np.linspace(-0.2, 0.2, len(series)) if len(series) > 1 else [0.0]
            for s, ((measure, label), dy) in enumerate(zip(series, offsets, strict=True)):
                sub = table[table["measure"] == measure].set_index("outlet_name").reindex(list(outlets))
                v = sub["value"].to_numpy(dtype=float)
                lo = v - sub["ci_low"].to_numpy(dtype=float)
                hi = sub["ci_high"].to_numpy(dtype=float) - v
                err = np.nan_to_num(np.vstack([lo, hi]), nan=0.0).clip(min=0.0)
                ax.errorbar(v, y + dy, xerr=err, fmt=markers[s % len(markers)], color=OKABE_ITO[s % len(OKABE_ITO)],
                            capsize=3, label=label, markersize=6)
                # Too few hits for an interval: the count is written beside the point instead.
                hits = sub["n_hits"].to_numpy(dtype=float)
                for k_y, (x, h, no_ci) in enumerate(zip(v, hits, np.isnan(sub["ci_low"].to_numpy(dtype=float)),
                                                          strict=True)):
                    if no_ci and not np.isnan(x):
                        ax.annotate(f"{int(h)} hit" + ("" if h == 1 else "s"), (x, k_y + dy), xytext=(6, -3),
                                    textcoords="offset points", fontsize=7, color="#555555")
            ax.set_title(ptitle)
            ax.set_xlabel(xlabel)
            ax.set_yticks(y, [_short(o) for o in outlets])
            ax.invert_yaxis() if k == 0 else None
            ax.grid(axis="x", color="#dddddd", linewidth=0.6)
            ax.set_xlim(left=min(0.0, ax.get_xlim()[0]))
            ax.legend(loc="lower right", fontsize=8, frameon=False)
        return _chart(chart_id, title, alt, fig, caption)


#: Most dots drawn per outlet in :func:`distribution_plot` (a seeded sample above it; boxes use every score).
MAX_DOTS = 150


def distribution_plot(
    chart_id: str, title: str, scores: pd.DataFrame, outlets: Sequence[str], *, alt: str, caption: str = "",
    max_dots: int = MAX_DOTS,
) -> Chart:
    """Box plot plus each sentence as a dot (a seeded sample of ``max_dots`` per outlet): sentiment per outlet."""
    with _style():
        fig, ax = plt.subplots(figsize=(7.5, 0.6 * len(outlets) + 1.4))
        present = set(scores["outlet_name"].unique())  # once: the column has a row per sentence
        order = [o for o in outlets if o in present]
        data = [scores.loc[scores["outlet_name"] == name, "score"].to_numpy(dtype=float) for name in order]
        ax.boxplot(data, positions=list(range(len(order))), orientation="horizontal", widths=0.6, showfliers=False,
                   patch_artist=True, boxprops={"facecolor": "#dde8f3", "edgecolor": "#444444"},
                   medianprops={"color": OKABE_ITO[3], "linewidth": 2})
        rng = np.random.default_rng(0)  # own jitter: seaborn's uses numpy's global state
        pick = np.random.default_rng(1)  # own sampler, so small charts keep their jitter
        for k, name in enumerate(order):
            x = scores.loc[scores["outlet_name"] == name, "score"].to_numpy(dtype=float)
            if len(x) > max_dots:
                x = x[np.sort(pick.choice(len(x), size=max_dots, replace=False))]
            ax.scatter(x, k + rng.uniform(-0.22, 0.22, len(x)), s=9, color=OKABE_ITO[0], alpha=0.55, zorder=3)
        ax.axvline(0.0, color="#555555", linewidth=0.8, linestyle="--")
        ax.set_xlim(-1.0, 1.0)
        ax.set_xlabel("sentence sentiment score (negative ← 0 → positive)")
        ax.set_ylabel("")
        ax.set_yticks(range(len(order)), [_short(o) for o in order])
        ax.set_ylim(len(order) - 0.5, -0.5)
        return _chart(chart_id, title, alt, fig, caption)


#: A white box behind a value printed on a hatched bar.
_LABEL_BOX = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}


def stacked_shares(
    chart_id: str, title: str, data: pd.DataFrame, *, xlabel: str, alt: str, caption: str = ""
) -> Chart:
    """100% stacked horizontal bars (rows = outlets, columns = parts), hatched as well as coloured."""
    hatches = ["", "//", "..", "xx", "\\\\", "oo", "--", "++"]
    with _style():
        fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(data) + 1.6))
        left = np.zeros(len(data))
        for k, col in enumerate(data.columns):
            vals = np.nan_to_num(data[col].to_numpy(dtype=float))
            ax.barh([_short(str(i)) for i in data.index], vals, left=left, color=OKABE_ITO[k % len(OKABE_ITO)],
                    hatch=hatches[k % len(hatches)], edgecolor="white", label=str(col))
            for y, (lft, v) in enumerate(zip(left, vals, strict=True)):
                if v >= 8:
                    ax.text(lft + v / 2, y, f"{v:.0f}", ha="center", va="center", fontsize=8,
                            bbox=_LABEL_BOX)  # legible on any hatch
            left += vals
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=min(4, len(data.columns)), frameon=False)
        return _chart(chart_id, title, alt, fig, caption)


def keyness_chart(chart_id: str, title: str, keyness: pd.DataFrame, names: dict[str, str], *, alt: str,
                  caption: str = "", top: int = 8) -> Chart:
    """Small multiples: the top distinctive words of each outlet by z-score."""
    present = set(keyness["outlet_id"].unique())
    outlets = [o for o in names if o in present]
    cols = min(3, len(outlets))
    rows = -(-len(outlets) // cols)
    with _style():
        fig, axes = plt.subplots(rows, cols, figsize=(3.6 * cols, 0.28 * top * rows + 1.0 * rows), squeeze=False)
        for k, o in enumerate(outlets):
            ax = axes[k // cols][k % cols]
            sub = keyness[keyness["outlet_id"] == o].head(top)
            ax.barh(list(sub["term"]), sub["z_score"].to_numpy(dtype=float), color=OKABE_ITO[k % len(OKABE_ITO)])
            ax.invert_yaxis()
            ax.set_title(_short(names[o], 30), fontsize=10)
            ax.set_xlabel("z-score (vs the rest)", fontsize=8)
            ax.tick_params(labelsize=8)
        for k in range(len(outlets), rows * cols):
            axes[k // cols][k % cols].axis("off")
        fig.tight_layout()
        return _chart(chart_id, title, alt, fig, caption)
