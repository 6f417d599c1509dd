"""Analysing one recorded answer: transcribe it offline, then judge it like any other answer.

Kept apart from `voicecoach.analysis` so that text analysis never imports audio packages.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from voicecoach.analysis import analyze_answer
from voicecoach.analysis.report import AnswerReport
from voicecoach.audio.clip import Clip
from voicecoach.stt.base import Transcriber, Transcript


@cache
def _transcriber(engine: str, model: str | None) -> Transcriber:
    from voicecoach.stt import load_transcriber

    return load_transcriber(engine, model)


def transcribe_file(
    path: str | Path, model: str | None = None, engine: str = "whisper"
) -> Transcript:
    """Transcribe an audio file (any format PyAV reads). The model loads once per process."""
    clip = Clip.load(path)
    return _transcriber(engine, model).transcribe(clip.to_audio_data())


def analyze_recording(
    path: str | Path,
    question: str | None = None,
    model: str | None = None,
    engine: str = "whisper",
) -> AnswerReport:
    """Transcribe `path` and analyse it; the report's `transcript` holds what was heard and
    `metrics` gains `duration_s`."""
    transcript = transcribe_file(path, model=model, engine=engine)
    report = analyze_answer(transcript.text, question=question)
    report.metrics["duration_s"] = round(transcript.duration, 3)
    return report
