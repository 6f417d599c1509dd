"""What every check receives and returns.

A check is a function `check(ctx) -> CheckResult`. The context holds the transcript once
tokenised and split, so ten checks do not re-tokenise; results flow back as findings (the
check fired), strengths (praise) and metrics (numbers).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from voicecoach.analysis.config import AnalysisConfig
from voicecoach.analysis.lexicon import Lexicon
from voicecoach.analysis.report import Finding, Severity
from voicecoach.analysis.text import Span, Token
from voicecoach.analysis.tips import message_for, tip_for


@dataclass
class Context:
    """One answer, prepared for the checks.

    text: the transcript as given (offsets refer to it). norm: same length, plain apostrophes.
    tokens/sentences: words and sentence windows with offsets. question: may be None.
    known_metrics: figures supplied by the caller (e.g. audio duration). shared: facts one check
    leaves for a later one (e.g. negativity evidence for leaving_discretion).
    """

    text: str
    norm: str
    tokens: list[Token]
    sentences: list[Span]
    question: str | None
    config: AnalysisConfig
    lex: Lexicon
    known_metrics: dict[str, Any] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._sent_starts = [s.start for s in self.sentences]

    @property
    def n_words(self) -> int:
        return len(self.tokens)

    def sentence_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        if i < 0 or not self.sentences:
            return self.sentences[0] if self.sentences else None
        return self.sentences[i]

    def question_is(self, kind: str) -> bool:
        return bool(self.question and self.lex.questions[kind].search(self.question))

    def finding(
        self,
        check: str,
        severity: Severity,
        start: int,
        end: int,
        detail: dict[str, Any] | None = None,
        variant: str = "default",
    ) -> Finding:
        """A finding whose evidence is exactly text[start:end], with message and tip filled in."""
        evidence = self.text[start:end]
        detail = dict(detail or {})
        return Finding(
            check=check,
            severity=severity,
            evidence=evidence,
            start=start,
            end=end,
            message=message_for(check, variant, evidence, detail),
            tip=tip_for(check, variant, evidence, detail),
            detail=detail,
        )


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)


def preceding_words(norm: str, start: int, n: int) -> list[str]:
    """The n words before `start` (lower-case), nearest last."""
    words = norm[max(0, start - 12 * n) : start].lower().split()
    return [w.strip(",.;:!?\"()") for w in words[-n:]]


def next_word(norm: str, end: int) -> str:
    """The word right after `end` (lower-case), or "" at a clause break or the end."""
    rest = norm[end : end + 40]
    stripped = rest.lstrip(" ")
    if not stripped or stripped[0] in ",.;:!?\n\u2014-":
        return ""
    return stripped.split(maxsplit=1)[0].strip(",.;:!?\"()").lower()
