"""Voice activity: where the speech is in a clip, and when a live answer has ended.

Two tools for two jobs:
- `speech_segments` / `has_speech` run faster-whisper's bundled Silero VAD (a small neural
  network, ~2 ms per second of audio here) on a whole clip: accurate, used after recording to
  find pauses and to skip transcribing silence. Imported lazily.
- `EndOfSpeechDetector` is a cheap energy detector for the recording loop: fed successive blocks,
  it says when the candidate has started talking and when they have been quiet long enough
  after speaking to stop recording. It adapts to the room's noise floor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from voicecoach.audio.clip import STT_RATE, Clip

#: Silero settings for `speech_segments`. threshold 0.5 is Silero's documented default;
#: 250 ms minimum speech drops clicks and breaths; 500 ms minimum silence keeps the short gaps
#: between words inside one segment while still separating real pauses; 100 ms padding keeps
#: word onsets and tails (faster-whisper pads 400 ms for decoding, too coarse for pause metrics).
SILERO_OPTIONS = {
    "threshold": 0.5,
    "min_speech_duration_ms": 250,
    "min_silence_duration_ms": 500,
    "speech_pad_ms": 100,
}


def speech_segments(clip: Clip, **options: float) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch of speech, per Silero VAD. `options` override
    SILERO_OPTIONS (keys of faster_whisper.vad.VadOptions)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    clip = clip.resampled(STT_RATE)  # Silero here runs on 16 kHz only
    if len(clip.samples) == 0:
        return []
    vad_options = VadOptions(**{**SILERO_OPTIONS, **options})
    chunks = get_speech_timestamps(clip.samples, vad_options, sampling_rate=STT_RATE)
    return [(c["start"] / STT_RATE, min(c["end"] / STT_RATE, clip.duration)) for c in chunks]


def has_speech(clip: Clip) -> bool:
    """True if Silero VAD finds any speech in the clip."""
    return bool(speech_segments(clip))


def level_dbfs(samples: np.ndarray) -> float:
    """RMS level in dB relative to full scale; -100 for digital silence."""
    if len(samples) == 0:
        return -100.0
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return max(20.0 * math.log10(rms), -100.0) if rms > 0 else -100.0


@dataclass(frozen=True)
class DetectorState:
    """What `EndOfSpeechDetector.feed` saw, after the block it was given.

    speech_started/ended: as the detector's properties. level_dbfs: level of the last full
    frame (for a meter). noise_floor_dbfs: the learnt floor (None before the first frame).
    """

    speech_started: bool
    ended: bool
    level_dbfs: float
    noise_floor_dbfs: float | None


# The energy test shared by the end-of-answer detector and the streaming segmenter (the
# detector's docstring explains each number).
FRAME_S = 0.03
START_MARGIN_DB = 12.0
STAY_MARGIN_DB = 8.0
MIN_LEVEL_DBFS = -50.0
FLOOR_RISE_S = 1.0
MIN_SPEECH_S = 0.2


@dataclass
class EndOfSpeechDetector:
    """Energy-based end-of-answer detector for live recording (float32 blocks, any size).

    Audio is judged in frames of `frame_s`. A frame is loud when its level is `start_margin_db`
    above the noise floor (`stay_margin_db` once speech is under way: hysteresis, so soft word
    endings count as speech) and above `min_level_dbfs`. Speech has started once `min_speech_s`
    of loud frames have been seen (in total, not necessarily in a row); it has ended once
    `silence_after_speech_s` of quiet frames follow. The noise floor falls at once to any
    quieter frame and rises slowly (time constant ~`floor_rise_s`) on quiet frames, so fans and
    hum are learnt while speech is not.

    Numbers: 12 dB start margin is about 4x the noise amplitude, well above frame-to-frame
    variation of steady noise (~1-2 dB for 30 ms frames) yet below speech peaks, which sit
    25-50 dB over a quiet room. -50 dBFS is far below a normal speaking level into a laptop
    microphone (roughly -35 to -15 dBFS), so it only rejects near-silent input. 2.5 s of
    silence lets a candidate pause to think without being cut off.
    """

    sample_rate: int = STT_RATE
    silence_after_speech_s: float = 2.5
    min_speech_s: float = MIN_SPEECH_S
    start_margin_db: float = START_MARGIN_DB
    stay_margin_db: float = STAY_MARGIN_DB
    min_level_dbfs: float = MIN_LEVEL_DBFS
    frame_s: float = FRAME_S
    floor_rise_s: float = FLOOR_RISE_S
    noise_floor_dbfs: float | None = field(default=None, init=False)
    speech_s: float = field(default=0.0, init=False)
    silence_s: float = field(default=0.0, init=False)
    _pending: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32), init=False)
    _loud_run: bool = field(default=False, init=False)
    _last_level: float = field(default=-100.0, init=False)

    @property
    def speech_started(self) -> bool:
        return self.speech_s >= self.min_speech_s

    @property
    def ended(self) -> bool:
        """True once speech has started and enough silence has followed it."""
        return self.speech_started and self.silence_s >= self.silence_after_speech_s

    def reset(self) -> None:
        self.noise_floor_dbfs, self.speech_s, self.silence_s = None, 0.0, 0.0
        self._pending = np.zeros(0, np.float32)
        self._loud_run = False
        self._last_level = -100.0

    def feed(self, block: np.ndarray) -> DetectorState:
        """Take the next block of samples (mono, or first channel used); report the state."""
        block = np.asarray(block, dtype=np.float32)
        if block.ndim > 1:
            block = block[:, 0]
        data = np.concatenate([self._pending, block])
        size = max(1, int(self.frame_s * self.sample_rate))
        whole = len(data) - len(data) % size
        for start in range(0, whole, size):
            self._last_level = level_dbfs(data[start : start + size])
            self._frame(self._last_level)
        self._pending = data[whole:]
        return DetectorState(
            self.speech_started, self.ended, self._last_level, self.noise_floor_dbfs
        )

    def _frame(self, level: float) -> None:
        floor = level if self.noise_floor_dbfs is None else self.noise_floor_dbfs
        margin = self.stay_margin_db if self._loud_run else self.start_margin_db
        loud = level >= floor + margin and level >= self.min_level_dbfs
        self._loud_run = loud
        if loud:
            self.speech_s += self.frame_s
            self.silence_s = 0.0
        else:
            if self.speech_started:
                self.silence_s += self.frame_s
            alpha = min(1.0, self.frame_s / self.floor_rise_s)
            floor = level if level < floor else floor + alpha * (level - floor)
        self.noise_floor_dbfs = floor
