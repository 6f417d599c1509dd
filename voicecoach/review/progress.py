"""Trends across sessions: is each habit getting better, and what to work on next.

Works on the digests from the catalog (oldest first), so it is as fast as the listing. Each trend
compares the latest few sessions ("lately") with the same number just before them ("before"),
which answers "am I improving?" better than comparing with the whole history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from voicecoach.review.catalog import SessionDigest, sort_key

#: Sessions in each comparison window ("lately" and "before").
WINDOW = 5
#: A conversational interview pace; speaking coaches commonly advise about 120-160 words a
#: minute (slower sounds hesitant, faster is hard to follow).
PACE_BAND = (120.0, 160.0)
#: A relative change below 15% is noise between sessions, whatever the numbers.
MIN_RELATIVE = 0.15

Verdict = Literal["improved", "worse", "steady", "not enough data"]


@dataclass
class Trend:
    """One habit over time.

    values: one per session, oldest first (None where the session has no figure).
    before, lately: means of the two comparison windows. min_change: smallest change that counts.
    lower_is_better: False for pace, which is judged by distance from PACE_BAND.
    """

    key: str
    label: str
    unit: str
    values: list[float | None]
    before: float | None = None
    lately: float | None = None
    verdict: Verdict = "not enough data"
    min_change: float = 0.0
    lower_is_better: bool = True


@dataclass
class Progress:
    """Trends for all habits, what improved (sentences) and the one focus for next time."""

    session_ids: list[str]
    trends: list[Trend] = field(default_factory=list)
    improved: list[str] = field(default_factory=list)
    focus: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_label(check: str) -> str:
    return check.replace("_", " ")


def _mean(values: list[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return sum(got) / len(got) if got else None


def pace_gap(wpm: float) -> float:
    """How far a pace is outside PACE_BAND (0 inside it)."""
    low, high = PACE_BAND
    return max(low - wpm, wpm - high, 0.0)


def _judge(trend: Trend) -> None:
    values = [v for v in trend.values if v is not None]
    window = min(WINDOW, len(values) // 2)
    if window < 1:
        return
    trend.before = _mean(values[-2 * window:-window])
    trend.lately = _mean(values[-window:])
    assert trend.before is not None and trend.lately is not None
    score: Callable[[float], float] = (lambda v: v) if trend.lower_is_better else pace_gap
    old, new = score(trend.before), score(trend.lately)
    change = old - new  # positive = better
    if abs(change) < trend.min_change or abs(change) < MIN_RELATIVE * max(old, new):
        trend.verdict = "steady"
    else:
        trend.verdict = "improved" if change > 0 else "worse"


def compute(digests: list[SessionDigest]) -> Progress:
    """Trends over `digests` (any order); sessions without answers are left out."""
    sessions = sorted((d for d in digests if d.answers > 0 and d.readable),
                      key=lambda d: sort_key(d.id))
    progress = Progress([d.id for d in sessions])
    trends = [
        Trend("fillers_per_100", "fillers", "per 100 words",
              [d.fillers_per_100 for d in sessions], min_change=0.5),
        Trend("wpm", "pace", "words per minute", [d.wpm for d in sessions],
              min_change=5.0, lower_is_better=False),
        Trend("flags_per_answer", "flags per answer", "per answer",
              [d.flags / d.answers for d in sessions], min_change=0.25),
    ]
    checks = sorted({c for d in sessions for c in d.checks})
    trends += [
        Trend(f"check:{c}", check_label(c), "share of answers",
              [d.checks.get(c, 0) / d.answers for d in sessions], min_change=0.1)
        for c in checks
    ]
    for trend in trends:
        _judge(trend)
    progress.trends = [t for t in trends if any(v is not None for v in t.values)]
    progress.improved = [_improved_sentence(t) for t in progress.trends if t.verdict == "improved"]
    progress.focus = _focus(progress.trends)
    return progress


def fmt(trend: Trend, value: float | None) -> str:
    if value is None:
        return "-"
    if trend.unit == "share of answers":
        return f"{value:.0%}"
    return f"{value:.0f}" if trend.key == "wpm" else f"{value:.1f}"


def _improved_sentence(trend: Trend) -> str:
    change = f"{fmt(trend, trend.before)} -> {fmt(trend, trend.lately)}"
    if trend.unit == "share of answers":
        return f"{trend.label.capitalize()}: flagged in {change} of answers"
    return f"{trend.label.capitalize()}: {change} {trend.unit}"


def _focus(trends: list[Trend]) -> str | None:
    from voicecoach.session.summary import habits

    checks = [t for t in trends if t.key.startswith("check:") and t.values[-1] is not None]
    recent = {t.key: (t.lately if t.lately is not None else t.values[-1]) or 0.0 for t in checks}
    ranked = sorted(checks, key=lambda t: (-recent[t.key], t.key))
    if ranked and recent[ranked[0].key] > 0:
        top = ranked[0]
        check = top.key.split(":", 1)[1]
        habit = habits().get(check, {}).get("habit")
        share = f"{recent[top.key]:.0%} of your recent answers"
        advice = f" Practise {habit}." if habit else ""
        return f"Focus next on {top.label} (flagged in {share}).{advice}"
    pace = next((t for t in trends if t.key == "wpm"), None)
    latest_pace = pace.lately if pace and pace.lately is not None else None
    if latest_pace is not None and pace_gap(latest_pace) > 0:
        low, high = PACE_BAND
        return (f"Focus next on pace: about {latest_pace:.0f} words a minute lately; "
                f"aim for {low:.0f}-{high:.0f}.")
    return None
