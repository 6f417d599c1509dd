"""`Clip`: audio passed between stages as data (mono float32 samples plus a sample rate).

Every stage (recorder, speaker, transcriber, delivery metrics) trades clips, never device
handles, so each is testable without hardware. SpeechRecognition's `AudioData` is the interchange
type with speech-to-text engines; `to_audio_data`/`from_audio_data` convert.

Files are user input of any size: `Clip.load` checks the length from the header before decoding
(refusing recordings over `max_audio_seconds()`), reads and converts in chunks, and resamples in
chunks, so memory stays near the size of the result instead of several times it.
"""

from __future__ import annotations

import io
import math
import os
import struct
import wave
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from voicecoach.errors import AudioFileError, UsageError

if TYPE_CHECKING:
    import speech_recognition as sr

#: Sample rate used for recording and speech-to-text (what Whisper expects).
STT_RATE = 16_000

#: Longest recording `Clip.load` decodes, in minutes. One answer is capped at 3 minutes when
#: recorded here; a file over 30 minutes is a whole meeting or the wrong file, and a 2-hour one
#: would need about 460 MB of float32 at once. Override with $VOICECOACH_MAX_AUDIO_MINUTES.
MAX_AUDIO_MINUTES = 30.0
MAX_AUDIO_ENV = "VOICECOACH_MAX_AUDIO_MINUTES"
#: What the wave module raises on damaged files (RuntimeError and struct.error come from chunk
#: headers with impossible sizes, found by tests/test_audio_fuzz.py).
WAV_DAMAGE = (wave.Error, EOFError, RuntimeError, struct.error, ValueError, OverflowError)
#: Frames read, converted or resampled at a time (16 s at 16 kHz): bounds the working memory.
CHUNK_FRAMES = 1 << 18


def max_audio_seconds() -> float:
    """The configured limit on a loaded recording's length, in seconds."""
    raw = os.environ.get(MAX_AUDIO_ENV, "").strip()
    if not raw:
        return MAX_AUDIO_MINUTES * 60
    try:
        minutes = float(raw)
    except ValueError:
        minutes = math.nan
    if not (minutes > 0 and math.isfinite(minutes)):
        raise UsageError(f"{MAX_AUDIO_ENV} must be a positive number of minutes, got {raw!r}")
    return minutes * 60


def _hms(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _check_length(path: Path, seconds: float, limit_s: float) -> None:
    if seconds > limit_s:
        raise AudioFileError(
            f"{path}: the recording is {_hms(seconds)} long; answers over "
            f"{limit_s / 60:g} minutes are not analysed (limit: ${MAX_AUDIO_ENV})"
        )


@dataclass(frozen=True)
class Clip:
    """Mono audio.

    samples: float32 array in [-1.0, 1.0], one channel.
    sample_rate: samples per second.
    """

    samples: np.ndarray
    sample_rate: int

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / float(self.sample_rate) if self.sample_rate else 0.0

    @classmethod
    def silence(cls, seconds: float, sample_rate: int = STT_RATE) -> Clip:
        return cls(np.zeros(round(seconds * sample_rate), dtype=np.float32), sample_rate)

    @classmethod
    def from_int16(cls, data: bytes | np.ndarray, sample_rate: int, channels: int = 1) -> Clip:
        arr = np.frombuffer(data, dtype="<i2") if isinstance(data, bytes | bytearray) else data
        arr = np.asarray(arr, dtype=np.float32) / 32768.0
        if channels > 1:
            arr = arr.reshape(-1, channels).mean(axis=1)
        return cls(arr.astype(np.float32, copy=False), int(sample_rate))

    def to_int16(self) -> np.ndarray:
        return (np.clip(self.samples, -1.0, 1.0) * 32767.0).round().astype("<i2")

    def resampled(self, sample_rate: int) -> Clip:
        """Linear-interpolation resample (adequate for speech going to a 16 kHz recogniser).

        Works in chunks of CHUNK_FRAMES output samples, so no float64 copy of the whole clip.
        """
        if sample_rate == self.sample_rate or len(self.samples) == 0:
            return Clip(self.samples, sample_rate) if len(self.samples) == 0 else self
        n_old = len(self.samples)
        n = round(n_old * sample_rate / self.sample_rate)
        out = np.empty(n, dtype=np.float32)
        for start in range(0, n, CHUNK_FRAMES):
            # the same times as one np.interp over the whole clip, so the result is identical
            x_new = np.arange(start, min(n, start + CHUNK_FRAMES), dtype=np.float64) / sample_rate
            lo = max(0, min(n_old - 1, int(x_new[0] * self.sample_rate) - 1))
            hi = min(n_old, int(x_new[-1] * self.sample_rate) + 3)
            x_old = np.arange(lo, hi, dtype=np.float64) / self.sample_rate
            out[start:start + len(x_new)] = np.interp(x_new, x_old, self.samples[lo:hi])
        return Clip(out, sample_rate)

    def concat(self, *others: Clip) -> Clip:
        parts = [self.samples] + [o.resampled(self.sample_rate).samples for o in others]
        return Clip(np.concatenate(parts).astype(np.float32, copy=False), self.sample_rate)

    def scaled(self, gain: float) -> Clip:
        return Clip((self.samples * gain).astype(np.float32), self.sample_rate)

    # --- files -------------------------------------------------------------------------------
    def wav_bytes(self) -> bytes:
        buf = io.BytesIO()
        with wave.open(buf, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(self.sample_rate)
            w.writeframes(self.to_int16().tobytes())
        return buf.getvalue()

    def save_wav(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_bytes(self.wav_bytes())
        return path

    @classmethod
    def load(
        cls, path: str | Path, sample_rate: int | None = STT_RATE, max_s: float | None = None
    ) -> Clip:
        """Read any audio file (WAV directly; FLAC, MP3, OGG... through PyAV).

        sample_rate: resample to this rate (None keeps the file's).
        max_s: refuse longer recordings (None: `max_audio_seconds()`, math.inf: no limit).
        Raises AudioFileError with a one-line reason for missing, unreadable, empty, too long or
        non-audio files. A WAV cut short (a recording that was interrupted) gives what it holds.
        """
        path = Path(path)
        limit = max_audio_seconds() if max_s is None else max_s
        try:
            if not path.exists():
                raise AudioFileError(f"{path}: no such file")
            if path.is_dir():
                raise AudioFileError(f"{path}: is a folder, not an audio file")
            if path.stat().st_size == 0:
                raise AudioFileError(f"{path}: the file is empty")
            try:
                clip = _read_wav(path, limit)
            except WAV_DAMAGE:  # not a WAV the wave module can read: PyAV may still
                clip = None
            if clip is None:
                clip = _read_with_av(path, limit, sample_rate)
        except OSError as exc:  # unreadable (permissions), a device error mid-read...
            raise AudioFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        if sample_rate is not None:
            clip = clip.resampled(sample_rate)
        return clip

    # --- SpeechRecognition interchange --------------------------------------------------------
    def to_audio_data(self) -> sr.AudioData:
        import speech_recognition as sr

        return sr.AudioData(self.to_int16().tobytes(), self.sample_rate, 2)

    @classmethod
    def from_audio_data(cls, audio: sr.AudioData) -> Clip:
        raw = audio.get_raw_data(convert_width=2)
        return cls.from_int16(raw, audio.sample_rate)


def _read_wav(path: Path, limit_s: float) -> Clip | None:
    """16-bit PCM WAV, converted chunk by chunk into one preallocated array; None for other
    sample widths (PyAV reads those)."""
    with wave.open(str(path), "rb") as w:
        width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
        if width != 2 or rate <= 0:
            return None  # let PyAV handle 8/24/32-bit and float WAVs (and judge odd headers)
        # the header's count, bounded by what the file can hold (a streamed WAV may claim 4 GB;
        # an interrupted recording holds less than its header may say)
        held = max(0, path.stat().st_size - 44) // (width * channels)
        total = min(w.getnframes(), held)
        _check_length(path, total / rate, limit_s)
        out = np.empty(total, dtype=np.float32)
        got = 0
        while got < total and (frames := w.readframes(min(CHUNK_FRAMES, total - got))):
            usable = len(frames) - len(frames) % (2 * channels)
            chunk = Clip.from_int16(frames[:usable], rate, channels).samples
            out[got:got + len(chunk)] = chunk
            got += len(chunk)
    if got == 0:
        raise AudioFileError(f"{path}: the recording holds no audio")
    return Clip(out[:got], rate)


def _read_with_av(path: Path, limit_s: float, sample_rate: int | None) -> Clip:
    """Decode with PyAV, straight to mono float32 at `sample_rate` (None: the file's rate)."""
    try:
        import av
    except ImportError as exc:  # pragma: no cover - av comes with faster-whisper
        raise AudioFileError(f"{path}: cannot decode (install PyAV: pip install av)") from exc
    chunks: list[np.ndarray] = []
    rate = held = 0
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise AudioFileError(f"{path}: not an audio file (no audio stream)")
            stream = container.streams.audio[0]
            if container.duration:  # from the header, before decoding anything
                _check_length(path, container.duration / av.time_base, limit_s)
            resampler = av.AudioResampler(
                format="flt", layout="mono", rate=sample_rate or stream.rate or None
            )
            for frame in chain(container.decode(stream), [None]):  # None flushes the resampler
                for out in resampler.resample(frame):
                    rate = out.sample_rate
                    chunks.append(out.to_ndarray().reshape(-1))
                    held += out.samples
                    if rate:  # no usable header length: stop as soon as the limit is passed
                        _check_length(path, held / rate, limit_s)
    except AudioFileError:
        raise
    except Exception as exc:  # PyAV raises many types (InvalidDataError, ValueError...)
        raise AudioFileError(f"{path}: not a readable audio file ({type(exc).__name__})") from exc
    if not chunks or rate == 0:
        raise AudioFileError(f"{path}: the recording holds no audio")
    return Clip(np.concatenate(chunks).astype(np.float32), rate)
