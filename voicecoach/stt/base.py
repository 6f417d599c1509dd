"""The transcriber interface and its results.

Every engine (faster-whisper, pocketsphinx, Google's web service) implements one method,
`transcribe(audio) -> Transcript`, taking SpeechRecognition's `AudioData` as the interchange type.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import speech_recognition as sr


@dataclass(frozen=True)
class Word:
    """One recognised word with timing in seconds from the start of the audio."""

    word: str
    start: float
    end: float
    probability: float = 1.0


@dataclass
class Transcript:
    """What an engine heard.

    text: the transcript as one string ("" when no speech was heard).
    words: word timings when the engine gives them (faster-whisper does), else empty.
    duration: length of the audio in seconds.
    engine: which engine produced it, for the saved session.
    """

    text: str
    words: list[Word] = field(default_factory=list)
    duration: float = 0.0
    engine: str = ""

    @property
    def heard_speech(self) -> bool:
        return bool(self.text.strip())

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "words": [asdict(w) for w in self.words],
            "duration": self.duration,
            "engine": self.engine,
        }


class Transcriber(ABC):
    """Turns speech into text. Load once, call `transcribe` per answer."""

    name: str = "transcriber"

    @abstractmethod
    def transcribe(self, audio: sr.AudioData) -> Transcript:
        """Transcribe one answer. Silence gives `Transcript(text="")`, never invented words."""


def audio_has_speech(audio: sr.AudioData) -> bool:
    """Silero VAD check for engines that invent words on silence (pocketsphinx heard "dog" in
    3 s of digital silence) or that should not be sent silence at all (Google). True when the
    VAD is not installed, leaving the decision to the engine."""
    from voicecoach.audio.clip import Clip

    try:
        from voicecoach.audio.vad import has_speech

        return has_speech(Clip.from_audio_data(audio))
    except ImportError:  # faster-whisper (which bundles Silero) is not installed
        return True
