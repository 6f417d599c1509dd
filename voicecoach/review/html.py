"""The shareable HTML report: one self-contained page that works offline.

Audio is embedded as base64 data: URIs, charts are inline SVG and the styles are inline; a
Content-Security-Policy forbids every network fetch, so the page cannot leak or break offline.
Flagged words are <mark> elements whose class and title name the check.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from voicecoach.review.catalog import audio_file
from voicecoach.review.charts import bar_chart, line_chart
from voicecoach.review.model import AnswerView, SessionView
from voicecoach.review.progress import PACE_BAND, Progress, check_label, fmt
from voicecoach.review.render import METRICS, date_of, metric_items

MIME = {".wav": "audio/wav", ".flac": "audio/flac", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
        ".m4a": "audio/mp4", ".webm": "audio/webm"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; media-src data:; img-src data:"
STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:880px;margin:2em auto;padding:0 1em;color:#1f2430}
h1{font-size:1.6em;margin-bottom:.2em} h2{font-size:1.2em;margin-top:2em}
.meta{color:#5b6170} .warning{background:#fff4d6;border-left:4px solid #e0a400;padding:.4em .8em}
section.answer{border-top:1px solid #dde1ea;padding-top:.5em}
.transcript{background:#f6f7fb;padding:.8em 1em;border-radius:6px}
mark{background:#ffe08a;border-radius:3px;padding:0 2px} mark.sev-problem{background:#ffb4a8}
.finding{margin:.4em 0} .tip{color:#24613a} .sev{font-size:.8em;text-transform:uppercase;
color:#fff;background:#b54708;border-radius:3px;padding:0 4px} .sev.warning{background:#8a6d00}
table.metrics td{padding:0 1em 0 0} audio{width:100%;margin:.4em 0}
.charts{display:flex;flex-wrap:wrap;gap:1.5em} figure{margin:0} figcaption{font-weight:600}
.improved{color:#24613a} .worse{color:#b42318}
"""


def audio_tag(folder: Path, answer: AnswerView) -> str:
    path = audio_file(folder, answer.audio)
    if answer.audio is None:
        return '<p class="meta">Typed answer: no audio.</p>' if not answer.skipped else ""
    if path is None:
        return f'<p class="warning">Audio file {escape(answer.audio)} is missing.</p>'
    mime = MIME.get(path.suffix.lower(), "audio/wav")
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f'<audio controls preload="auto" data-answer="{answer.index}" '
            f'src="data:{mime};base64,{data}"></audio>')


def marked_transcript(answer: AnswerView) -> str:
    text, out, pos = answer.transcript, [], 0
    severity = {f["check"]: f["severity"] for f in answer.findings if f["severity"] == "problem"}
    for h in answer.highlights:
        out.append(escape(text[pos:h.start]))
        classes = " ".join(f"flag-{c}" for c in h.checks)
        sev = "problem" if any(c in severity for c in h.checks) else "warning"
        title = ", ".join(check_label(c) for c in h.checks)
        out.append(f'<mark class="flag {escape(classes)} sev-{sev}" data-check="'
                   f'{escape(" ".join(h.checks))}" title="{escape(title)}">'
                   f"{escape(text[h.start:h.end])}</mark>")
        pos = h.end
    out.append(escape(text[pos:]))
    return "".join(out)


def _answer(folder: Path, answer: AnswerView, embed_audio: bool) -> str:
    tries = f" (attempt {answer.attempt} of {answer.attempts})" if answer.attempts > 1 else ""
    parts = [f'<section class="answer" id="q{answer.index}">',
             f"<h2>Q{answer.index}. {escape(answer.question)}{tries}</h2>"]
    if answer.skipped:
        return "".join([*parts, '<p class="meta">Skipped.</p></section>'])
    if embed_audio:
        parts.append(audio_tag(folder, answer))
    body = marked_transcript(answer) if answer.transcript else "<em>(no transcript)</em>"
    parts.append(f'<p class="transcript">{body}</p>')
    for f in answer.findings:
        quote = f" “{escape(f['evidence'])}”" if f["evidence"] else ""
        parts.append(
            f'<div class="finding"><span class="sev {f["severity"]}">{f["severity"]}</span> '
            f"<strong>{escape(check_label(f['check']))}</strong>{quote}: "
            f"{escape(f['message'])}"
            + (f'<div class="tip">Tip: {escape(f["tip"])}</div>' if f["tip"] else "")
            + "</div>")
    if answer.strengths:
        parts.append("<ul class=\"strengths\">" + "".join(
            f"<li>{escape(s)}</li>" for s in answer.strengths) + "</ul>")
    items = metric_items(answer.metrics)
    if items:
        parts.append('<table class="metrics">' + "".join(
            f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in items) + "</table>")
    parts.append("</section>")
    return "".join(parts)


def _metric_charts(view: SessionView) -> str:
    answered = [a for a in view.answers if not a.skipped]
    figures = []
    for key, label, form in METRICS:
        values = [a.metrics.get(key) for a in answered]
        if not any(v is not None for v in values):
            continue
        band = PACE_BAND if key == "wpm" else None
        chart = bar_chart(label, [f"Q{a.index}" for a in answered], values, form, band)
        figures.append(f"<figure><figcaption>{escape(label)}</figcaption>{chart}</figure>")
    if not figures:
        return ""
    return ('<section id="metrics"><h2>Answer metrics</h2><div class="charts">'
            + "".join(figures) + "</div></section>")


def progress_section(progress: Progress) -> str:
    n = len(progress.session_ids)
    parts = ['<section id="progress"><h2>Progress across sessions</h2>',
             f'<p class="meta">{n} answered session{"s" if n != 1 else ""}, oldest on the left; '
             "numbers compare your latest sessions with the ones before.</p>"]
    if progress.improved:
        parts.append('<p class="improved">Improved: '
                     + escape("; ".join(progress.improved)) + ".</p>")
    if progress.focus:
        parts.append(f"<p><strong>{escape(progress.focus)}</strong></p>")
    parts.append('<div class="charts">')
    for t in progress.trends:
        form = "{:.0%}" if t.unit == "share of answers" else "{:.1f}"
        band = PACE_BAND if t.key == "wpm" else None
        change = (f"{fmt(t, t.before)} → {fmt(t, t.lately)}, "
                  f'<span class="{t.verdict}">{t.verdict}</span>'
                  if t.before is not None else escape(t.verdict))
        parts.append(f'<figure data-trend="{escape(t.key)}"><figcaption>{escape(t.label)} '
                     f"({escape(t.unit)})</figcaption>"
                     f"{line_chart(t.label, t.values[-60:], form, band)}"
                     f'<div class="meta">{change}</div></figure>')
    parts.append("</div></section>")
    return "".join(parts)


def render_html(
    view: SessionView, folder: Path, progress: Progress | None = None, embed_audio: bool = True
) -> str:
    answered = sum(1 for a in view.answers if not a.skipped)
    title = f"VoiceCoach session {view.id}"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
             f"<h1>{escape(title)}</h1>",
             f'<p class="meta">{escape(date_of(view.started))} · bank {escape(view.bank)} · '
             f"{answered} answered</p>"]
    parts += [f'<p class="warning">{escape(w)}</p>' for w in view.warnings]
    summary = view.summary.get("text") if view.summary else None
    if isinstance(summary, str) and summary:
        parts.append(f'<p class="summary">{escape(summary)}</p>')
    parts += [_answer(folder, a, embed_audio) for a in view.answers]
    parts.append(_metric_charts(view))
    if progress is not None and progress.session_ids:
        parts.append(progress_section(progress))
    parts.append('<p class="meta">Made offline by VoiceCoach.</p></body></html>')
    return "\n".join(p for p in parts if p)
