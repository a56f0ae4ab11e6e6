"""Dot-and-interval charts as inline SVG, written by hand.

One row per source on one axis in one unit: the value a dot, the interval its
wording allows ("at least 84", "nearly 80", "10–12") a bar, an open end an
arrow to the edge. For a toll that changed, rows run in publication order with
their dates in a gutter and a thin line from one figure to the next.

Why not a charting library: the page must stay one file and the package light.
matplotlib and plotly are heavy for one kind of chart and write large SVG (or
need a script); pygal and leather draw points and bars but not an interval
with an open end beside a dot, so they would need the same drawing code on
top. This writer is a couple of hundred lines of stdlib, deterministic (the
same findings give the same bytes) and prints as crisply as the page.

Colours are the Okabe–Ito palette, safe for the common colour blindnesses; each
distinct figure also has its own marker shape, so the chart reads in grey too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape as _escape

from factcheck.report.reading import amount

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
SHAPES = ("circle", "diamond", "square", "triangle", "down", "circle", "diamond")

WIDTH = 720
ROW = 26  # height of one row
TOP = 8
AXIS = 44  # room under the rows for tick labels and the unit
LABEL_CHARS = 27
DATE_W = 92  # the gutter for publication dates on a timeline
LABEL_W = 200
FIGURE_W = 112  # the right-hand column that writes each figure out (at least)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """Text for SVG: markup escaped, control characters (never valid XML) dropped."""
    return _escape(_CONTROL.sub("", text))


@dataclass(frozen=True)
class Mark:
    """One row: a source's figure, its interval (±inf for an open end) and how it reads."""

    label: str
    value: float | None
    low: float
    high: float
    figure: str  # "at least 84"
    group: int = 0  # distinct figures get distinct colours and shapes
    when: str = ""  # the publication date shown on a timeline


def dot_chart(marks: Sequence[Mark], unit: str, chart_id: str, title: str,
              timeline: bool = False, whole: bool = False) -> str:
    """An <svg> drawing `marks` as rows on one value axis in `unit` (`whole`: counts, whole ticks)."""
    left = 8 + (DATE_W if timeline else 0) + LABEL_W
    figure_w = min(max(FIGURE_W, max(len(m.figure) for m in marks) * 7.5 + 20), 240)
    x0, x1 = left + 10, WIDTH - figure_w - 16
    lo, hi, ticks = _axis(marks, whole)
    inset = 10  # a marker on the first or last tick stays whole

    def x(v: float) -> float:
        if v == -math.inf:
            return x0
        if v == math.inf:
            return x1
        return x0 + inset + (v - lo) / (hi - lo) * (x1 - x0 - 2 * inset)

    height = TOP + ROW * len(marks) + AXIS
    bottom = TOP + ROW * len(marks)
    desc = "; ".join(f"{m.when + ', ' if m.when else ''}{m.label}: {m.figure}" for m in marks)
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" data-rows="{len(marks)}">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for i in range(len(marks)):  # banded rows, so the eye follows a row across
        if i % 2 == 0:
            out.append(f'<rect class="band" x="8" y="{TOP + i * ROW}" width="{WIDTH - 16}" '
                       f'height="{ROW}" fill="#f2f2f2"/>')
    for t in ticks:
        out.append(f'<line class="grid" x1="{x(t):.1f}" y1="{TOP}" x2="{x(t):.1f}" '
                   f'y2="{bottom}" stroke="#c8c8c8" stroke-width="1"/>')
        out.append(f'<text class="tick" x="{x(t):.1f}" y="{bottom + 16}" '
                   f'text-anchor="middle">{escape(amount(t))}</text>')
    out.append(f'<line class="axis" x1="{x0}" y1="{bottom}" x2="{x1:.1f}" y2="{bottom}" '
               f'stroke="#444" stroke-width="1"/>')
    out.append(f'<text class="unit" x="{(x0 + x1) / 2:.1f}" y="{bottom + 36}" '
               f'text-anchor="middle">{escape(unit)}</text>')
    if timeline:
        out += _trend(marks, x)
    shown_day = None
    for i, m in enumerate(marks):
        cy = TOP + i * ROW + ROW / 2
        if timeline and m.when != shown_day:
            shown_day = m.when
            out.append(f'<text class="when" x="14" y="{cy + 4:.1f}">{escape(m.when)}</text>')
        out.append(f'<text class="label" x="{left - 4}" y="{cy + 4:.1f}" text-anchor="end">'
                   f'<title>{escape(m.label)}</title>{escape(_short(m.label))}</text>')
        out += _interval(m, x, cy)
        if m.value is not None and math.isfinite(m.value):
            out.append(_marker(m.group, x(m.value), cy))
        out.append(f'<text class="figure" x="{x1 + 14:.1f}" y="{cy + 4:.1f}">{escape(m.figure)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _axis(marks: Sequence[Mark], whole: bool = False) -> tuple[float, float, list[float]]:
    """The axis domain and its ticks: round numbers around every finite bound, room for arrows.

    Small counts start at zero, so that 2 against 3 looks as far apart as it is.
    """
    finite = [v for m in marks for v in (m.value, m.low, m.high)
              if v is not None and math.isfinite(v)]
    if not finite:
        return 0.0, 1.0, [0.0, 1.0]
    lo, hi = min(finite), max(finite)
    if lo >= 0 and lo <= 2 * (hi - lo):
        lo = 0.0
    if lo == hi:
        pad = max(abs(lo) * 0.1, 1.0)
        lo, hi = lo - pad, hi + pad
    step = _nice((hi - lo) / 4)
    if whole:
        step = max(step, 1.0)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    # an open end needs room beyond the outermost figure for its arrow
    if min(finite) - lo < step / 2 and any(m.low == -math.inf for m in marks):
        lo -= step
    if hi - max(finite) < step / 2 and any(m.high == math.inf for m in marks):
        hi += step
    if min(finite) >= 0 > lo:
        lo = 0.0  # counts never go below zero
    n = round((hi - lo) / step)
    return lo, hi, [lo + k * step for k in range(n + 1)]


def _nice(span: float) -> float:
    """1, 2 or 5 times a power of ten, close to `span`."""
    if span <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(span))
    for m in (1, 2, 5, 10):
        if span <= m * power:
            return m * power
    return 10 * power


def _interval(m: Mark, x, cy: float) -> list[str]:
    if m.low == m.high:
        return []
    colour = PALETTE[m.group % len(PALETTE)]
    a, b = x(m.low), x(m.high)
    out = [f'<rect class="interval" x="{a:.1f}" y="{cy - 4:.1f}" width="{max(b - a, 1):.1f}" '
           f'height="8" rx="4" fill="{colour}" fill-opacity="0.28" stroke="{colour}" '
           f'stroke-width="1"/>']
    if m.high == math.inf:
        out.append(_arrow(b, cy, 1, colour))
    if m.low == -math.inf:
        out.append(_arrow(a, cy, -1, colour))
    return out


def _arrow(tip: float, cy: float, direction: int, colour: str) -> str:
    base = tip - 9 * direction
    return (f'<path class="open-end" d="M{base:.1f},{cy - 7:.1f} L{tip:.1f},{cy:.1f} '
            f'L{base:.1f},{cy + 7:.1f} Z" fill="{colour}"/>')


def _marker(group: int, cx: float, cy: float) -> str:
    colour = PALETTE[group % len(PALETTE)]
    shape = SHAPES[group % len(SHAPES)]
    style = f'fill="{colour}" stroke="#fff" stroke-width="1.5"'
    if shape == "circle":
        return f'<circle class="value" cx="{cx:.1f}" cy="{cy:.1f}" r="6" {style}/>'
    if shape == "square":
        return f'<rect class="value" x="{cx - 5.5:.1f}" y="{cy - 5.5:.1f}" width="11" height="11" {style}/>'
    r = 7.5
    points = {
        "diamond": [(0, -r), (r, 0), (0, r), (-r, 0)],
        "triangle": [(0, -r), (r, r * 0.8), (-r, r * 0.8)],
        "down": [(0, r), (r, -r * 0.8), (-r, -r * 0.8)],
    }[shape]
    d = " ".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in points)
    return f'<polygon class="value" points="{d}" {style}/>'


def _trend(marks: Sequence[Mark], x) -> list[str]:
    """A thin line through the figures in publication order: which way the toll moved."""
    pts = [(x(m.value), TOP + i * ROW + ROW / 2) for i, m in enumerate(marks)
           if m.value is not None and math.isfinite(m.value)]
    if len(pts) < 2:
        return []
    d = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
    return [f'<polyline class="trend" points="{d}" fill="none" stroke="#777" '
            f'stroke-width="1.5" stroke-dasharray="4 3"/>']


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
