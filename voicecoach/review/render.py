"""Terminal text for `review` and `progress`: the session list, one session, the trend chart.

Functions return strings; the CLI prints them. Flagged words are shown in reverse video when
colour is on and in [brackets] otherwise, so the output also reads well when piped.
"""

from __future__ import annotations

import textwrap

from voicecoach.review.catalog import Listing
from voicecoach.review.model import AnswerView, SessionView
from voicecoach.review.progress import Progress, Trend, check_label, fmt

#: Answer metrics worth showing, in display order: key, label, format.
METRICS: list[tuple[str, str, str]] = [
    ("wpm", "pace", "{:.0f} wpm"),
    ("fillers_per_100_words", "fillers", "{:.1f} per 100 words"),
    ("filler_count", "filler words", "{:.0f}"),
    ("word_count", "words", "{:.0f}"),
    ("duration_s", "length", "{:.0f} s"),
    ("pause_count", "pauses", "{:.0f}"),
    ("longest_pause_s", "longest pause", "{:.1f} s"),
    ("pitch_spread_semitones", "pitch range", "{:.1f} semitones"),
    ("rms_dbfs", "loudness", "{:.0f} dBFS"),
    ("polarity", "tone", "{:+.2f}"),
    ("subjectivity", "subjectivity", "{:.2f}"),
]
SPARKS = "▁▂▃▄▅▆▇█"
WIDTH = 88


def metric_items(metrics: dict[str, float]) -> list[tuple[str, str]]:
    """(label, formatted value) for the known metrics present, then any others."""
    known = {key for key, _, _ in METRICS}
    items = [(label, form.format(metrics[key])) for key, label, form in METRICS if key in metrics]
    items += [(key.replace("_", " "), f"{value:g}") for key, value in sorted(metrics.items())
              if key not in known]
    return items


def date_of(started: str) -> str:
    return started[:16].replace("T", " ")


def sparkline(values: list[float | None], width: int = 30) -> str:
    """One character per value (the last `width`), scaled between the min and max shown."""
    shown = values[-width:]
    got = [v for v in shown if v is not None]
    if not got:
        return ""
    low, high = min(got), max(got)
    span = (high - low) or 1.0
    return "".join(" " if v is None else SPARKS[round((v - low) / span * (len(SPARKS) - 1))]
                   for v in shown)


def render_listing(listing: Listing) -> str:
    if not listing.sessions:
        return "No saved sessions yet. Start one with: voicecoach practice"
    lines = [f"{'SESSION':<18} {'DATE':<16}  {'BANK':<12} {'ANSWERS':>7}  TOP HABIT TO WORK ON"]
    for d in listing.sessions:
        habit = check_label(d.top_habit) if d.top_habit else "-"
        lines.append(f"{d.id:<18} {date_of(d.started):<16}  {d.bank[:12]:<12} "
                     f"{d.answers:>7}  {habit}")
        lines += [f"{'':<18} warning: {w}" for w in d.warnings]
    lines += [f"warning: {s}" for s in listing.skipped]
    lines.append("")
    lines.append("Details: voicecoach review ID (or latest); replay: voicecoach play ID N")
    return "\n".join(lines)


def highlight_text(answer: AnswerView, color: bool) -> str:
    out, pos = [], 0
    text = answer.transcript
    for h in answer.highlights:
        out.append(text[pos:h.start])
        word = text[h.start:h.end]
        out.append(f"\033[7m{word}\033[0m" if color else f"[{word}]")
        pos = h.end
    out.append(text[pos:])
    return "".join(out)


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def render_answer(answer: AnswerView, color: bool = False) -> str:
    bold = (lambda s: f"\033[1m{s}\033[0m") if color else (lambda s: s)
    tries = f", attempt {answer.attempt} of {answer.attempts}" if answer.attempts > 1 else ""
    lines = [bold(f"Q{answer.index}. {answer.question}") + tries]
    if answer.skipped:
        return "\n".join([*lines, "    (skipped)"])
    how = answer.source or "unknown source"
    lines.append(f"    answered by {how}" + (f", audio {answer.audio}" if answer.audio else ""))
    if answer.transcript:
        lines.append(_wrap(highlight_text(answer, color), "    "))
    else:
        lines.append("    (no transcript)")
    for f in answer.findings:
        quote = f' "{f["evidence"]}"' if f["evidence"] else ""
        lines.append(_wrap(f"! {check_label(f['check'])} ({f['severity']}){quote}: {f['message']}",
                           "    "))
        if f["tip"]:
            lines.append(_wrap(f"tip: {f['tip']}", "      "))
    lines += [_wrap(f"+ {s}", "    ") for s in answer.strengths]
    items = metric_items(answer.metrics)
    if items:
        lines.append(_wrap("metrics: " + " · ".join(f"{k} {v}" for k, v in items), "    "))
    return "\n".join(lines)


def render_session(view: SessionView, color: bool = False) -> str:
    answered = sum(1 for a in view.answers if not a.skipped)
    lines = [f"Session {view.id} · {date_of(view.started)} · bank {view.bank} · "
             f"{answered} answered"]
    lines += [f"warning: {w}" for w in view.warnings]
    for answer in view.answers:
        lines += ["", render_answer(answer, color)]
    if not view.answers:
        lines += ["", "No answers in this session."]
    summary = view.summary.get("text") if view.summary else None
    if isinstance(summary, str) and summary:
        lines += ["", _wrap(f"Summary: {summary}", "")]
    return "\n".join(lines)


def _trend_row(trend: Trend, width: int) -> str:
    arrow = {"improved": "better", "worse": "worse", "steady": "steady"}.get(trend.verdict, "")
    change = (f"{fmt(trend, trend.before):>5} -> {fmt(trend, trend.lately):<5} {arrow}"
              if trend.before is not None else f"{'':>5}    {fmt(trend, trend.values[-1]):<5}")
    return f"  {trend.label[:24]:<24} {sparkline(trend.values, width):<{width}}  {change}"


def render_progress(progress: Progress, width: int = 30) -> str:
    n = len(progress.session_ids)
    if n == 0:
        return "No answered sessions yet. Start one with: voicecoach practice"
    shown = width = min(n, width)
    lines = [f"Progress over {n} session{'s' if n != 1 else ''} "
             f"(chart: last {shown}, oldest left; numbers: before -> lately)"]
    groups = [("Delivery", [t for t in progress.trends if not t.key.startswith("check:")]),
              ("Checks (share of answers flagged)",
               [t for t in progress.trends if t.key.startswith("check:")])]
    for title, trends in groups:
        if trends:
            lines += ["", title]
            lines += [_trend_row(t, width) for t in trends]
    lines.append("")
    if progress.improved:
        lines.append(_wrap("Improved: " + "; ".join(progress.improved) + ".", ""))
    elif n < 2:
        lines.append("Practise again to start seeing trends.")
    else:
        lines.append("No clear improvement yet; keep practising.")
    if progress.focus:
        lines.append(_wrap(progress.focus, ""))
    return "\n".join(lines)
