"""Offline fallback transcriber: CMU PocketSphinx through SpeechRecognition.

Why it exists: it needs no model download and runs anywhere pocketsphinx installs, so a machine
without a Whisper model still gets a transcript. It is far less accurate than Whisper (use
`benchmarks/wer.py --engine sphinx` to measure) and gives text only, no word timings.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from voicecoach.errors import TranscriberError
from voicecoach.stt.base import Transcriber, Transcript, audio_has_speech

if TYPE_CHECKING:
    import speech_recognition as sr

logger = logging.getLogger(__name__)


class SphinxTranscriber(Transcriber):
    """PocketSphinx (US English acoustic model shipped with SpeechRecognition)."""

    name = "sphinx"

    def __init__(self, language: str = "en-US") -> None:
        try:
            import pocketsphinx  # noqa: F401  (checked here so the error names the install)
            import speech_recognition
        except ImportError as exc:
            raise TranscriberError(
                "pocketsphinx is missing: pip install SpeechRecognition pocketsphinx"
            ) from exc
        self.language = language
        self._recognizer = speech_recognition.Recognizer()

    def transcribe(self, audio: sr.AudioData) -> Transcript:
        import speech_recognition

        duration = len(audio.frame_data) / float(audio.sample_rate * audio.sample_width)
        if not audio_has_speech(audio):
            return Transcript(text="", duration=duration, engine=self.name)
        try:
            text = self._recognizer.recognize_sphinx(audio, language=self.language)
        except speech_recognition.UnknownValueError:
            text = ""
        except speech_recognition.RequestError as exc:
            raise TranscriberError(f"pocketsphinx failed: {exc}".splitlines()[0]) from exc
        return Transcript(text=str(text).strip(), duration=duration, engine=self.name)
