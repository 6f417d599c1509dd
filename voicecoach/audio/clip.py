"""`Clip`: audio passed between stages as data (mono float32 samples plus a sample rate).

Every stage (recorder, speaker, transcriber, delivery metrics) trades clips, never device
handles, so each is testable without hardware. SpeechRecognition's `AudioData` is the interchange
type with speech-to-text engines; `to_audio_data`/`from_audio_data` convert.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from voicecoach.errors import AudioFileError

if TYPE_CHECKING:
    import speech_recognition as sr

#: Sample rate used for recording and speech-to-text (what Whisper expects).
STT_RATE = 16_000


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
        """Linear-interpolation resample (adequate for speech going to a 16 kHz recogniser)."""
        if sample_rate == self.sample_rate or len(self.samples) == 0:
            return Clip(self.samples, sample_rate) if len(self.samples) == 0 else self
        n = round(len(self.samples) * sample_rate / self.sample_rate)
        x_old = np.arange(len(self.samples), dtype=np.float64) / self.sample_rate
        x_new = np.arange(n, dtype=np.float64) / sample_rate
        return Clip(np.interp(x_new, x_old, self.samples).astype(np.float32), sample_rate)

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
    def load(cls, path: str | Path, sample_rate: int | None = STT_RATE) -> Clip:
        """Read any audio file (WAV directly; FLAC, MP3, OGG... through PyAV).

        Raises AudioFileError with a one-line reason for missing, empty or non-audio files.
        """
        path = Path(path)
        if not path.exists():
            raise AudioFileError(f"{path}: no such file")
        if path.is_dir():
            raise AudioFileError(f"{path}: is a folder, not an audio file")
        if path.stat().st_size == 0:
            raise AudioFileError(f"{path}: the file is empty")
        try:
            clip = _read_wav(path)
        except (wave.Error, EOFError):
            clip = None
        if clip is None:
            clip = _read_with_av(path)
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


def _read_wav(path: Path) -> Clip | None:
    with wave.open(str(path), "rb") as w:
        width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
        frames = w.readframes(w.getnframes())
    if width != 2:
        return None  # let PyAV handle 8/24/32-bit and float WAVs
    if len(frames) == 0:
        raise AudioFileError(f"{path}: the recording holds no audio")
    usable = len(frames) - len(frames) % (2 * channels)
    return Clip.from_int16(frames[:usable], rate, channels)


def _read_with_av(path: Path) -> Clip:
    try:
        import av
    except ImportError as exc:  # pragma: no cover - av comes with faster-whisper
        raise AudioFileError(f"{path}: cannot decode (install PyAV: pip install av)") from exc
    chunks: list[np.ndarray] = []
    rate = 0
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise AudioFileError(f"{path}: not an audio file (no audio stream)")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="flt", layout="mono", rate=stream.rate or None)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    rate = out.sample_rate
                    chunks.append(out.to_ndarray().reshape(-1))
    except AudioFileError:
        raise
    except Exception as exc:  # PyAV raises many types (InvalidDataError, ValueError...)
        raise AudioFileError(f"{path}: not a readable audio file ({type(exc).__name__})") from exc
    if not chunks or rate == 0:
        raise AudioFileError(f"{path}: the recording holds no audio")
    return Clip(np.concatenate(chunks).astype(np.float32), rate)
