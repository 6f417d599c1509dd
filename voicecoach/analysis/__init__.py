"""Text analysis of interview answers: `analyze_answer(transcript, question=None)`.

Importing this package is cheap: the checks, data files and sentiment lexicons load on the
first call (the top-level `voicecoach` package imports `report` from here at import time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from voicecoach.analysis.report import AnswerReport, Finding

__all__ = ["AnswerReport", "Finding", "analyze_answer"]

if TYPE_CHECKING:
    from voicecoach.analysis.analyzer import analyze_answer


def __getattr__(name: str) -> Any:
    if name == "analyze_answer":
        from voicecoach.analysis.analyzer import analyze_answer

        return analyze_answer
    raise AttributeError(f"module 'voicecoach.analysis' has no attribute {name!r}")
