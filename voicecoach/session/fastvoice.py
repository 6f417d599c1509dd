"""A coach's voice that starts talking after the first sentence is synthesized, not the last.

Why it exists: `Voice.say` synthesizes the whole text, then plays it. Piper needs about 0.3 s of
compute per sentence on a loaded 2-core machine, so three sentences of feedback cost about a
second of silence before the first word. `FastVoice.say` splits the text into sentences, has one
background thread synthesize them in order, and plays each as soon as it is ready: the listener
waits for one sentence only, and the rest is synthesized while they listen.

Drop-in: `FastVoice(speaker, player, warn)` takes and behaves like `Voice` (errors turn speech
off with one warning, the printed output still carries everything).
"""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from voicecoach.audio.clip import Clip
from voicecoach.errors import VoiceCoachError
from voicecoach.session.voice import Voice

#: Silence between sentences played one by one, in seconds: Piper's own gap between the
#: sentences of one text (voicecoach.speech.piper.SENTENCE_SILENCE_S), at length_scale 1.
SENTENCE_GAP_S = 0.25

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, in order ("" and whitespace-only pieces dropped)."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


class FastVoice(Voice):
    """`Voice` that plays sentence 1 while sentence 2 is being synthesized."""

    def say(self, text: str) -> None:
        if not self.enabled or not text.strip():
            return
        sentences = split_sentences(text)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tts")
        # one worker: the sentences are synthesized one at a time, in order
        futures: list[Future[Clip]] = [
            pool.submit(self.speaker.synthesize, s)  # type: ignore[union-attr]
            for s in sentences
        ]
        try:
            for index, future in enumerate(futures):
                clip = future.result()
                if index < len(futures) - 1:
                    clip = _with_gap(clip, SENTENCE_GAP_S * self._length_scale())
                self.player.play(clip)  # type: ignore[union-attr]
        except VoiceCoachError as exc:
            self.warn(f"speech turned off: {exc}")
            self.speaker = None
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _length_scale(self) -> float:
        scale = getattr(self.speaker, "length_scale", None)
        return float(scale) if isinstance(scale, int | float) and scale > 0 else 1.0


def _with_gap(clip: Clip, seconds: float) -> Clip:
    gap = np.zeros(round(seconds * clip.sample_rate), dtype=np.float32)
    return Clip(np.concatenate([clip.samples, gap]), clip.sample_rate)
