"""A forgiving reading of one saved session, for looking back at it.

`session.json` may be older than the current format, hand-edited or partly written, so nothing
here trusts a field: every value is type-checked, missing ones get defaults, and what looked wrong
is collected in `warnings` instead of raising. Only the latest attempt at each question is
reviewed; earlier attempts are counted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from voicecoach.session.store import FORMAT_VERSION


@dataclass
class Highlight:
    """A span of the transcript to mark: transcript[start:end], flagged by `checks`."""

    start: int
    end: int
    checks: list[str]


@dataclass
class AnswerView:
    """The latest attempt at one question.

    index: the question number in the session (what `voicecoach play ID N` takes).
    attempt, attempts: this attempt's number and how many were made.
    audio: file name inside the session folder, or None (typed or skipped answers).
    findings: AnswerReport findings as dicts; metrics: the report's numbers.
    highlights: non-overlapping, sorted spans checked against the transcript.
    """

    index: int
    attempt: int
    attempts: int
    question: str
    category: str
    skipped: bool
    source: str | None
    audio: str | None
    transcript: str
    findings: list[dict[str, Any]] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)
    summary: str = ""
    highlights: list[Highlight] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SessionView:
    """One session, normalised. `warnings` lists what was missing or damaged."""

    id: str
    started: str
    ended: str | None
    bank: str
    format: int | None
    answers: list[AnswerView] = field(default_factory=list)
    summary: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _str(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def started_from_id(sid: str) -> str:
    """'20261126-003105' -> '2026-11-26T00:31:05' (ids are start times)."""
    d, t = sid[:8], sid[9:15]
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}T{t[:2]}:{t[2:4]}:{t[4:6]}"


def read_session(sid: str, data: Any) -> SessionView:
    """Normalise parsed session.json `data` for session `sid` (never raises)."""
    warnings: list[str] = []
    if not isinstance(data, dict):
        return SessionView(sid, started_from_id(sid), None, "?", None,
                           warnings=["session.json does not hold a session object"])
    fmt = data.get("format")
    if not isinstance(fmt, int):
        warnings.append("older session format (no version); some details may be missing")
        fmt = None
    elif fmt > FORMAT_VERSION:
        warnings.append(f"session format {fmt} is newer than this VoiceCoach understands")
    if data.get("id") not in (None, sid):
        warnings.append(f"session.json names a different id ({str(data.get('id'))[:40]})")
    raw_answers = data.get("answers")
    if not isinstance(raw_answers, list):
        warnings.append("no answers list")
        raw_answers = []
    answers = _latest_attempts(raw_answers, warnings)
    summary = data.get("summary") if isinstance(data.get("summary"), dict) else None
    return SessionView(
        id=sid,
        started=_str(data.get("started")) or started_from_id(sid),
        ended=data.get("ended") if isinstance(data.get("ended"), str) else None,
        bank=_str(data.get("bank"), "?") or "?",
        format=fmt,
        answers=answers,
        summary=summary,
        warnings=warnings,
    )


def _latest_attempts(raw: list[Any], warnings: list[str]) -> list[AnswerView]:
    latest: dict[int, AnswerView] = {}
    counts: dict[int, int] = {}
    bad = 0
    for position, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            bad += 1
            continue
        view = _answer(item, position)
        counts[view.index] = counts.get(view.index, 0) + 1
        current = latest.get(view.index)
        if current is None or view.attempt >= current.attempt:
            latest[view.index] = view
    if bad:
        warnings.append(f"{bad} unreadable answer entr{'y' if bad == 1 else 'ies'} ignored")
    for index, view in latest.items():
        view.attempts = max(counts[index], view.attempt)
    return [latest[i] for i in sorted(latest)]


def _answer(item: dict[str, Any], position: int) -> AnswerView:
    question = item.get("question")
    if isinstance(question, dict):
        qtext, category = _str(question.get("text")), _str(question.get("category"))
    else:
        qtext, category = _str(question), ""
    report = item.get("report") if isinstance(item.get("report"), dict) else {}
    transcript = _str(item.get("transcript")) or _str(report.get("transcript"))
    raw_findings = report.get("findings", item.get("findings"))  # older files: on the answer
    if not isinstance(raw_findings, list):
        raw_findings = []
    findings = [_finding(f) for f in raw_findings if isinstance(f, dict)]
    metrics_raw = report.get("metrics") if isinstance(report.get("metrics"), dict) else {}
    metrics = {k: float(v) for k, v in metrics_raw.items()
               if isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)}
    strengths = report.get("strengths") if isinstance(report.get("strengths"), list) else []
    audio = item.get("audio") if isinstance(item.get("audio"), str) and item.get("audio") else None
    return AnswerView(
        index=max(1, _int(item.get("index"), position)),
        attempt=max(1, _int(item.get("attempt"), 1)),
        attempts=1,
        question=qtext or "(question not recorded)",
        category=category,
        skipped=item.get("skipped") is True,
        source=_str(item.get("source")) or None,
        audio=audio,
        transcript=transcript,
        findings=findings,
        strengths=[s for s in strengths if isinstance(s, str)],
        metrics=metrics,
        summary=_str(report.get("summary")),
        highlights=_highlights(transcript, findings),
    )


def _finding(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        "check": _str(raw.get("check"), "unknown") or "unknown",
        "severity": "problem" if raw.get("severity") == "problem" else "warning",
        "evidence": _str(raw.get("evidence")),
        "start": _int(raw.get("start"), -1),
        "end": _int(raw.get("end"), -1),
        "message": _str(raw.get("message")),
        "tip": _str(raw.get("tip")),
        "detail": raw.get("detail") if isinstance(raw.get("detail"), dict) else {},
    }


def _locate(transcript: str, finding: dict[str, Any]) -> tuple[int, int] | None:
    """Where the evidence is: the saved offsets if they still match, else its first occurrence."""
    evidence, start, end = finding["evidence"], finding["start"], finding["end"]
    if not evidence:
        return None
    if 0 <= start < end <= len(transcript) and transcript[start:end].lower() == evidence.lower():
        return start, end
    found = transcript.lower().find(evidence.lower())
    return (found, found + len(evidence)) if found >= 0 else None


def _highlights(transcript: str, findings: list[dict[str, Any]]) -> list[Highlight]:
    spans = sorted(
        (span[0], span[1], f["check"]) for f in findings if (span := _locate(transcript, f))
    )
    merged: list[Highlight] = []
    for start, end, check in spans:
        if merged and start < merged[-1].end:  # overlapping evidence: one mark, several checks
            last = merged[-1]
            last.end = max(last.end, end)
            if check not in last.checks:
                last.checks.append(check)
        else:
            merged.append(Highlight(start, end, [check]))
    return merged
