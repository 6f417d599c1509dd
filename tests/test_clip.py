"""Clips: reading and writing audio files, conversions, and clear errors for bad files."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from voicecoach.audio.clip import Clip
from voicecoach.errors import AudioFileError


def _tone(seconds: float = 0.5, rate: int = 22050) -> Clip:
    t = np.arange(int(seconds * rate)) / rate
    return Clip((0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), rate)


def test_wav_round_trip_and_resample(tmp_path: Path) -> None:
    tone = _tone()
    path = tone.save_wav(tmp_path / "t.wav")
    same = Clip.load(path, sample_rate=None)
    assert same.sample_rate == 22050 and len(same.samples) == len(tone.samples)
    assert np.max(np.abs(same.samples - tone.samples)) < 1e-3
    at16 = Clip.load(path)
    assert at16.sample_rate == 16000
    assert at16.duration == pytest.approx(0.5, abs=0.01)


def test_stereo_wav_is_mixed_to_mono(tmp_path: Path) -> None:
    left = (np.ones(1600) * 8000).astype("<i2")
    right = np.zeros(1600, dtype="<i2")
    path = tmp_path / "s.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(np.stack([left, right], axis=1).tobytes())
    clip = Clip.load(path)
    assert clip.samples.mean() == pytest.approx(4000 / 32768, rel=0.01)


def test_flac_through_pyav(tmp_path: Path) -> None:
    av = pytest.importorskip("av")
    tone = _tone(rate=16000)
    path = tmp_path / "t.flac"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("flac", rate=16000, layout="mono")
        frame = av.AudioFrame.from_ndarray(tone.to_int16().reshape(1, -1), format="s16",
                                           layout="mono")
        frame.sample_rate = 16000
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    clip = Clip.load(path)
    assert clip.duration == pytest.approx(0.5, abs=0.02)
    assert float(np.sqrt(np.mean(clip.samples**2))) == pytest.approx(0.3 / np.sqrt(2), rel=0.05)


def test_audio_data_round_trip() -> None:
    tone = _tone(rate=16000)
    back = Clip.from_audio_data(tone.to_audio_data())
    assert back.sample_rate == 16000
    assert np.max(np.abs(back.samples - tone.samples)) < 1e-3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.wav", b"", "empty"),
        ("text.wav", b"this is not audio at all, just some words\n" * 20, "not a readable audio"),
        ("header.wav", b"RIFF\x24\x00\x00\x00WAVEfmt ", "not a readable audio"),
    ],
)
def test_bad_files_give_one_line_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AudioFileError, match=message) as err:
        Clip.load(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match="no such file"):
        Clip.load(tmp_path / "nope.wav")
    with pytest.raises(AudioFileError, match="folder"):
        Clip.load(tmp_path)


def test_wav_without_frames(tmp_path: Path) -> None:
    path = Clip(np.zeros(0, np.float32), 16000).save_wav(tmp_path / "zero.wav")
    with pytest.raises(AudioFileError, match="no audio"):
        Clip.load(path)
