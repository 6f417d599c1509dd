"""Analysing one recorded answer: transcribe it offline, then judge it like any other answer.

Kept apart from `voicecoach.analysis` so that text analysis never imports audio packages.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from voicecoach.analysis.report import AnswerReport
from voicecoach.audio.clip import Clip
from voicecoach.stt.base import Transcriber


@cache
def _transcriber(engine: str, model: str | None) -> Transcriber:
    from voicecoach.stt import load_transcriber

    return load_transcriber(engine, model)


def analyze_recording(
    path: str | Path,
    question: str | None = None,
    model: str | None = None,
    engine: str = "whisper",
) -> AnswerReport:
    """Transcribe `path` and analyse it: the report's `transcript` holds what was heard, and
    the delivery metrics and checks (pace, pauses, fillers, volume, monotone, length in
    seconds) join the text checks."""
    from voicecoach.session.judge import judge_transcript

    clip = Clip.load(path)
    transcript = _transcriber(engine, model).transcribe(clip.to_audio_data())
    return judge_transcript(transcript, clip, question)
