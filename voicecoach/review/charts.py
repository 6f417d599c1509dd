"""Small inline SVG charts for the HTML report: no JavaScript, no network, readable printed.

Bars compare answers within a session; lines show a habit across sessions. Every chart carries an
aria-label and per-point <title> tooltips so the numbers are available without the picture.
"""

from __future__ import annotations

from html import escape

BAR_COLOR = "#4f6bd8"
BAND_COLOR = "#d9f2e3"
LINE_COLOR = "#c2410c"


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    title: str,
    labels: list[str],
    values: list[float | None],
    fmt: str = "{:g}",
    band: tuple[float, float] | None = None,
) -> str:
    """Horizontal bars, one per label; `band` shades a recommended range."""
    row, left, width, right = 22, 56, 300, 160
    height = row * len(labels) + 8
    top = max([abs(v) for v in values if v is not None] + [band[1] if band else 0, 1e-9])
    parts = [f'<svg class="chart" width="{left + width + right}" height="{height}" role="img" '
             f'aria-label="{escape(title)}" viewBox="0 0 {left + width + right} {height}">']
    if band:
        x0, x1 = left + band[0] / top * width, left + min(band[1], top) / top * width
        parts.append(f'<rect x="{_num(x0)}" y="0" width="{_num(max(x1 - x0, 0))}" '
                     f'height="{height}" fill="{BAND_COLOR}"><title>recommended '
                     f'{_num(band[0])}-{_num(band[1])}</title></rect>')
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = i * row + 4
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end" '
                     f'font-size="12">{escape(label)}</text>')
        if value is None:
            parts.append(f'<text x="{left + 4}" y="{y + 14}" font-size="12" fill="#888">'
                         'no data</text>')
            continue
        w = max(abs(value) / top * width, 1.5)
        shown = escape(fmt.format(value))
        parts.append(f'<rect class="bar" x="{left}" y="{y}" width="{_num(w)}" height="16" '
                     f'rx="3" fill="{BAR_COLOR}"><title>{escape(label)}: {shown}</title></rect>')
        parts.append(f'<text x="{_num(left + w + 6)}" y="{y + 13}" font-size="12">{shown}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    title: str,
    values: list[float | None],
    fmt: str = "{:g}",
    band: tuple[float, float] | None = None,
    width: int = 360,
    height: int = 90,
) -> str:
    """A line through one value per session (oldest left); gaps where a session has none."""
    got = [v for v in values if v is not None]
    pad, gutter = 8, 44  # the gutter on the left holds the max/min labels
    parts = [f'<svg class="chart" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}" viewBox="0 0 {width} {height}">']
    if not got:
        return parts[0] + '<text x="8" y="20" font-size="12">no data</text></svg>'
    low, high = min(got + list(band or [])), max(got + list(band or []))
    span = (high - low) or 1.0
    step = (width - gutter - pad) / max(len(values) - 1, 1)

    def y(v: float) -> float:
        return height - pad - (v - low) / span * (height - 2 * pad)

    if band:
        parts.append(f'<rect x="{gutter}" y="{_num(y(band[1]))}" width="{width - gutter}" '
                     f'height="{_num(y(band[0]) - y(band[1]))}" fill="{BAND_COLOR}">'
                     f'<title>recommended {_num(band[0])}-{_num(band[1])}</title></rect>')
    points = [(gutter + i * step, y(v), v) for i, v in enumerate(values) if v is not None]
    path = " ".join(f"{_num(px)},{_num(py)}" for px, py, _ in points)
    parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE_COLOR}" '
                 'stroke-width="2"/>')
    for value, py in ((max(got), y(max(got))), (min(got), y(min(got)))):
        parts.append(f'<text x="{gutter - 6}" y="{_num(min(max(py + 4, 10), height - 2))}" '
                     f'text-anchor="end" font-size="10" fill="#5b6170">'
                     f"{escape(fmt.format(value))}</text>")
    if len(points) <= 60:  # dots with tooltips; beyond that they would only blur the line
        parts += [f'<circle cx="{_num(px)}" cy="{_num(py)}" r="3" fill="{LINE_COLOR}">'
                  f'<title>{escape(fmt.format(v))}</title></circle>' for px, py, v in points]
    parts.append("</svg>")
    return "".join(parts)
