"""Results of analysing one answer: `Finding` and `AnswerReport`.

A finding means a check fired; praise goes in `strengths`, numbers in `metrics`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["problem", "warning"]


@dataclass
class Finding:
    """One thing a recruiter would notice.

    check: the check's name (e.g. "negativity", "off_limits_topic", "pace").
    severity: "problem" (fix this) or "warning" (worth a look); both mean the check fired.
    evidence: the exact words from the transcript ("" for whole-answer checks such as length).
    start, end: character offsets of `evidence` in the transcript (transcript[start:end]).
    message: what was noticed.
    tip: what to do instead, one or two sentences fit to be read aloud.
    detail: check-specific data; off_limits_topic has {"topic": "politics"|"religion"|"beliefs"}.
    """

    check: str
    severity: Severity
    evidence: str
    start: int
    end: int
    message: str
    tip: str
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AnswerReport:
    """Everything VoiceCoach has to say about one answer.

    transcript: the text analysed. question: the question it answered, if known.
    findings: checks that fired, most important first. strengths: praise, spoken-ready.
    metrics: numbers (word count, tone, and delivery figures when audio is known).
    summary: one to three spoken-ready sentences, most important point first.
    job_terms: with a job description, {"covered": [...], "missed": [...]} for this answer.
    """

    transcript: str
    question: str | None = None
    findings: list[Finding] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    summary: str = ""
    job_terms: dict[str, list[str]] | None = None

    def checks_fired(self) -> set[str]:
        return {f.check for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {
            "transcript": self.transcript,
            "question": self.question,
            "findings": [f.to_dict() for f in self.findings],
            "strengths": list(self.strengths),
            "metrics": dict(self.metrics),
            "summary": self.summary,
            **({"job_terms": self.job_terms} if self.job_terms is not None else {}),
        }
