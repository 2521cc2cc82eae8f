"""Charts as PNG bytes (matplotlib, Agg backend): embedded in the HTML and the PDF alike."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

# Figure objects, not pyplot: no global state, no display, safe in a worker's threads
# (savefig draws with the Agg canvas by default).
from matplotlib.figure import Figure

DPI = 110


@dataclass(frozen=True)
class Series:
    """A weekly score against its baseline; NaN where unknown (gap or before the data starts)."""

    weeks: list[str]
    score: list[float]
    mean: list[float]
    std: list[float]
    gap: list[bool]


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    # metadata without dates: the same warehouse renders the same bytes.
    # Fixed margins rather than bbox_inches="tight": one draw instead of two (half the time).
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def score_chart(series: Series, labels: dict[str, str]) -> bytes:
    """Weekly score as a line, baseline mean ± 2 sd as a band, gap weeks shaded, last week marked."""
    fig = Figure(figsize=(5.2, 1.9))
    ax = fig.subplots()
    fig.subplots_adjust(left=0.07, right=0.99, top=0.97, bottom=0.14)
    x = list(range(len(series.weeks)))
    lo = [m - 2 * s if not (math.isnan(m) or math.isnan(s)) else math.nan
          for m, s in zip(series.mean, series.std, strict=True)]
    hi = [m + 2 * s if not (math.isnan(m) or math.isnan(s)) else math.nan
          for m, s in zip(series.mean, series.std, strict=True)]
    ax.fill_between(x, lo, hi, color="#c6dbef", label=labels["baseline"], linewidth=0)
    ax.plot(x, series.mean, color="#6baed6", linewidth=0.8)
    ax.plot(x, series.score, color="#08306b", marker="o", markersize=2.5, linewidth=1.2,
            label=labels["score"])
    for i, is_gap in enumerate(series.gap):
        if is_gap:  # unknown, not zero: shaded so nobody reads it as calm
            ax.axvspan(i - 0.5, i + 0.5, color="#bdbdbd", alpha=0.5, linewidth=0)
    if series.score and not math.isnan(series.score[-1]):
        ax.plot([x[-1]], [series.score[-1]], marker="o", color="#cb181d", markersize=5)
    step = max(1, len(x) // 6)
    ax.set_xticks(x[::step], [w[2:] for w in series.weeks[::step]], fontsize=6)
    ax.tick_params(axis="y", labelsize=6)
    ax.set_xlim(-0.5, len(x) - 0.5)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=6, loc="upper left", frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)


def bar_chart(labels: list[str], values: list[float], title: str) -> bytes:
    """Horizontal bars, largest on top (mirror gaps in million USD)."""
    height = 0.35 * len(labels) + 0.8
    fig = Figure(figsize=(5.2, height))
    ax = fig.subplots()
    fig.subplots_adjust(left=0.3, right=0.97, top=1 - 0.35 / height, bottom=0.35 / height)
    y = list(range(len(labels)))[::-1]
    colors = ["#cb181d" if v >= 0 else "#2171b5" for v in values]
    ax.barh(y, values, color=colors)
    ax.set_yticks(y, labels, fontsize=6)
    ax.tick_params(axis="x", labelsize=6)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_title(title, fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)
