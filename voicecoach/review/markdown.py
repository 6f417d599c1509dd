"""A Markdown version of the report, for pasting into notes, chats or issue trackers.

Markdown has no standard highlight, so flagged words are **bold** and followed by the check's
name in italics; audio is referred to by file name rather than embedded.
"""

from __future__ import annotations

import re

from voicecoach.review.model import AnswerView, SessionView
from voicecoach.review.progress import Progress, check_label, fmt
from voicecoach.review.render import date_of, metric_items, sparkline

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def marked(answer: AnswerView) -> str:
    text, out, pos = answer.transcript, [], 0
    for h in answer.highlights:
        out.append(md_escape(text[pos:h.start]))
        names = ", ".join(check_label(c) for c in h.checks)
        out.append(f"**{md_escape(text[h.start:h.end])}** _({names})_")
        pos = h.end
    out.append(md_escape(text[pos:]))
    return "".join(out)


def _answer(answer: AnswerView) -> list[str]:
    tries = f" (attempt {answer.attempt} of {answer.attempts})" if answer.attempts > 1 else ""
    lines = [f"## Q{answer.index}. {md_escape(answer.question)}{tries}", ""]
    if answer.skipped:
        return [*lines, "_Skipped._", ""]
    if answer.audio:
        lines += [f"Audio: `{answer.audio}`", ""]
    lines += [f"> {marked(answer)}" if answer.transcript else "> _(no transcript)_", ""]
    for f in answer.findings:
        quote = f' "{md_escape(f["evidence"])}"' if f["evidence"] else ""
        tip = f" **Tip:** {md_escape(f['tip'])}" if f["tip"] else ""
        lines.append(f"- **{check_label(f['check'])}** ({f['severity']}){quote}: "
                     f"{md_escape(f['message'])}{tip}")
    lines += [f"- ✓ {md_escape(s)}" for s in answer.strengths]
    items = metric_items(answer.metrics)
    if items:
        lines += ["", "| metric | value |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in items]
    return [*lines, ""]


def progress_markdown(progress: Progress) -> list[str]:
    n = len(progress.session_ids)
    lines = ["## Progress across sessions", "",
             f"{n} answered session{'s' if n != 1 else ''}; trend oldest to newest.", "",
             "| habit | trend | before | lately | verdict |", "|---|---|---|---|---|"]
    lines += [f"| {t.label} ({t.unit}) | {sparkline(t.values)} | {fmt(t, t.before)} | "
              f"{fmt(t, t.lately)} | {t.verdict} |" for t in progress.trends]
    lines.append("")
    if progress.improved:
        lines += ["**Improved:** " + md_escape("; ".join(progress.improved)) + ".", ""]
    if progress.focus:
        lines += [f"**{md_escape(progress.focus)}**", ""]
    return lines


def render_markdown(view: SessionView, progress: Progress | None = None) -> str:
    answered = sum(1 for a in view.answers if not a.skipped)
    lines = [f"# VoiceCoach session {view.id}", "",
             f"{date_of(view.started)} · bank {md_escape(view.bank)} · {answered} answered", ""]
    lines += [f"> **Warning:** {md_escape(w)}" for w in view.warnings]
    if view.warnings:
        lines.append("")
    summary = view.summary.get("text") if view.summary else None
    if isinstance(summary, str) and summary:
        lines += [md_escape(summary), ""]
    for answer in view.answers:
        lines += _answer(answer)
    if progress is not None and progress.session_ids:
        lines += progress_markdown(progress)
    return "\n".join(lines).rstrip() + "\n"
