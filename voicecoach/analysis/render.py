"""Terminal rendering of an `AnswerReport`, shared by `voicecoach analyze` and practice sessions.

With colour (a tty), evidence is bold and coloured inside the transcript; without it, evidence is
wrapped in [[double brackets]] so it stays visible in logs, pipes and screen readers.
"""

from __future__ import annotations

import textwrap

from voicecoach.analysis.report import AnswerReport, Finding

RESET = "\033[0m"
BOLD = "\033[1m"
DIM = "\033[2m"
COLOURS = {"problem": "\033[1;31m", "warning": "\033[1;33m", "good": "\033[32m"}
WIDTH = 88


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans; a 'problem' wins over a 'warning' where they overlap."""
    merged: list[tuple[int, int, str]] = []
    for s, e, sev in sorted(spans):
        if merged and s < merged[-1][1]:
            ps, pe, psev = merged[-1]
            merged[-1] = (ps, max(pe, e), "problem" if "problem" in (psev, sev) else psev)
        else:
            merged.append((s, e, sev))
    return merged


def highlight(text: str, findings: list[Finding], color: bool) -> str:
    """The transcript with every finding's evidence marked."""
    spans = []
    for f in findings:
        extra = f.detail.get("spans") if isinstance(f.detail.get("spans"), list) else []
        for s, e in [(f.start, f.end), *[tuple(x) for x in extra if len(x) == 2]]:
            if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
                spans.append((s, e, f.severity))
    out, pos = [], 0
    for s, e, sev in _merge(spans):
        out.append(text[pos:s])
        piece = text[s:e]
        out.append(f"{COLOURS[sev]}{piece}{RESET}" if color else f"[[{piece}]]")
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _metrics_line(report: AnswerReport) -> str:
    m = report.metrics
    parts = [f"{m.get('word_count', 0)} words"]
    if "duration_s" in m:
        parts.append(f"{m['duration_s']:.0f} s")
    if m.get("wpm"):
        parts.append(f"{m['wpm']:.0f} wpm")
    if m.get("pause_count"):
        parts.append(f"pauses over 2 s: {m['pause_count']} (longest {m['longest_pause_s']:.1f} s)")
    if m.get("rms_dbfs") is not None:
        parts.append(f"level {m['rms_dbfs']:.0f} dBFS")
    if m.get("pitch_spread_semitones") is not None:
        parts.append(f"pitch range {m['pitch_spread_semitones']:.1f} st")
    rate = m.get("fillers_per_100_words", 0)
    parts.append(f"fillers {m.get('filler_count', 0)} ({rate}/100 words)")
    parts.append(f"hedges {m.get('hedge_count', 0)}")
    tone = m.get("tone", {})
    if "polarity" in tone:
        parts.append(f"polarity {tone['polarity']:+.2f}, subjectivity {tone['subjectivity']:.2f}")
    return " | ".join(parts)


def render_report(report: AnswerReport, color: bool) -> str:
    """A readable, multi-line report for the terminal (no trailing newline)."""

    def style(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    lines: list[str] = []
    if report.question:
        lines.append(style(BOLD, "Question: ") + report.question)
    if report.transcript.strip():
        lines.append(style(BOLD, "Your answer:"))
        body = highlight(report.transcript, report.findings, color)
        lines.extend("  " + line for line in body.splitlines() or [""])
    else:
        lines.append(style(BOLD, "Your answer: ") + "(no words were given)")
    lines += ["", style(BOLD, "Summary"), _wrap(report.summary)]
    if report.findings:
        lines += ["", style(BOLD, "To work on")]
        for f in report.findings:
            label = style(COLOURS[f.severity], f"[{f.severity}] {f.check.replace('_', ' ')}")
            lines.append(f"  {label}: {f.message}")
            lines.append(_wrap(f"Tip: {f.tip}", "      "))
    if report.strengths:
        lines += ["", style(BOLD, "What went well")]
        lines += [_wrap(f"+ {s}") for s in report.strengths]
    lines += ["", style(DIM, _metrics_line(report))]
    return "\n".join(lines)
