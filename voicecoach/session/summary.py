"""The end-of-session summary: what went well, the one or two habits to practise next, and a
closing note of encouragement (guidance section 5: silence after an interview is common and
often not about you; keep going and prepare for the next one).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from voicecoach.analysis.report import AnswerReport

HABITS_FILE = Path(__file__).with_name("data") / "habits.yaml"

# Closing notes in our own words, after guidance section 5. One is picked by the session size.
CLOSINGS = (
    "Keep at it: every practice round makes the real interview easier, and if an employer goes "
    "quiet afterwards, that is common and often not about you.",
    "Well done for practising. If you don't hear back after an interview, don't read too much "
    "into it; use what you learned here to prepare for the next one.",
    "Good work today. Interviews are a numbers game as much as a skills game, so keep going; "
    "each one teaches you something for the next.",
)


@dataclass
class SessionSummary:
    answered: int
    went_well: list[str] = field(default_factory=list)
    practise_next: list[dict[str, str]] = field(default_factory=list)
    closing: str = ""
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@cache
def habits() -> dict[str, dict[str, str]]:
    return yaml.safe_load(HABITS_FILE.read_text(encoding="utf-8"))


def summarize(reports: list[AnswerReport]) -> SessionSummary:
    """Summarise a session from its answer reports (retries and skips already filtered)."""
    answered = len(reports)
    weight: Counter[str] = Counter()
    for report in reports:
        for check in {f.check for f in report.findings}:
            worst = max(
                (2 if f.severity == "problem" else 1) for f in report.findings if f.check == check
            )
            weight[check] += worst
    praise: Counter[str] = Counter(s for r in reports for s in r.strengths)
    went_well = [s for s, _ in praise.most_common(2)]
    table = habits()
    order = list(table)  # habits.yaml lists checks by how much they matter to a recruiter
    ranked = sorted(
        (c for c in weight if c in table), key=lambda c: (-weight[c], order.index(c))
    )
    practise = [
        {"check": c, "habit": table[c]["habit"], "drill": table[c]["drill"]} for c in ranked[:2]
    ]
    closing = CLOSINGS[answered % len(CLOSINGS)]
    text = _text(answered, went_well, practise, closing)
    return SessionSummary(answered, went_well, practise, closing, text)


def _text(answered: int, went_well: list[str], practise: list[dict[str, str]], closing: str) -> str:
    if answered == 0:
        return "No answers were recorded this time. " + closing
    noun = "answer" if answered == 1 else "answers"
    parts = [f"You practised {answered} {noun}."]
    if went_well:
        parts.append("What went well: " + " ".join(_sentence(s) for s in went_well))
    if practise:
        habits_text = " and ".join(p["habit"] for p in practise)
        parts.append(f"Next time, practise {habits_text}.")
        for n, item in enumerate(practise):
            parts.append(f"{('Drill', 'Second drill')[n]}: {item['drill']}")
    else:
        parts.append("No habits stood out to work on: keep rehearsing to stay sharp.")
    parts.append(closing)
    return " ".join(parts)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."
