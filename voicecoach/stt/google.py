"""Online transcriber: Google's free web speech API through SpeechRecognition.

PRIVACY: this engine SENDS THE RECORDED AUDIO OFF THE MACHINE to Google's servers. It is never
the default and is used only when the user names it (`engine="google"`). It needs an internet
connection; without one every call raises TranscriberError. Text only, no word timings.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from voicecoach.errors import TranscriberError
from voicecoach.stt.base import Transcriber, Transcript, audio_has_speech

if TYPE_CHECKING:
    import speech_recognition as sr

logger = logging.getLogger(__name__)


class GoogleTranscriber(Transcriber):
    """Google Web Speech API (online; audio leaves the machine)."""

    name = "google"

    def __init__(self, language: str = "en-US", key: str | None = None) -> None:
        try:
            import speech_recognition
        except ImportError as exc:
            raise TranscriberError(
                "SpeechRecognition is missing: pip install SpeechRecognition"
            ) from exc
        self.language = language
        self.key = key
        self._recognizer = speech_recognition.Recognizer()
        logger.warning("the google transcriber sends recorded audio to Google's servers")

    def transcribe(self, audio: sr.AudioData) -> Transcript:
        import speech_recognition

        duration = len(audio.frame_data) / float(audio.sample_rate * audio.sample_width)
        if not audio_has_speech(audio):
            return Transcript(text="", duration=duration, engine=self.name)
        try:
            text = self._recognizer.recognize_google(audio, key=self.key, language=self.language)
        except speech_recognition.UnknownValueError:
            text = ""
        except speech_recognition.RequestError as exc:
            raise TranscriberError(
                f"Google speech service unreachable (it needs the internet): {exc}".splitlines()[0]
            ) from exc
        return Transcript(text=str(text).strip(), duration=duration, engine=self.name)
