"""VoiceCoach: offline interview practice that judges answers the way a recruiter would.

The public surface is small: `analyze_answer` (text in, `AnswerReport` out; pure Python, imports
no audio or speech-to-text packages) and `analyze_recording` (audio file in, same report with the
transcript filled in; loads the speech-to-text engine lazily).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from voicecoach.analysis.report import AnswerReport, Finding

__all__ = ["AnswerReport", "Finding", "analyze_answer", "analyze_recording"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from voicecoach.analysis import analyze_answer
    from voicecoach.recording import analyze_recording


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import voicecoach` cheap (TextBlob and the speech engines load on use).
    if name == "analyze_answer":
        from voicecoach.analysis import analyze_answer

        return analyze_answer
    if name == "analyze_recording":
        from voicecoach.recording import analyze_recording

        return analyze_recording
    raise AttributeError(f"module 'voicecoach' has no attribute {name!r}")
