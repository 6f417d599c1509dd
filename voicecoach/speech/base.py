"""The speaker interface.

An engine turns text into a `Clip` (`synthesize`); playing it is a separate, blocking step done by
an audio output, so "speaking has finished" means the samples were played, not that an engine's
callback fired (pyttsx3 2.99 on Linux returns from runAndWait() while espeak is still speaking).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from voicecoach.audio.clip import Clip


class Speaker(ABC):
    """Text-to-speech engine."""

    name: str = "speaker"

    def load(self) -> object:
        """Load the engine now, so a missing engine fails early. Engines that need no loading
        keep this no-op; calling it twice is harmless."""
        return None

    @abstractmethod
    def synthesize(self, text: str) -> Clip:
        """Render `text` as audio. Raises SpeechEngineError if the engine fails."""
