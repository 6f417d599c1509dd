"""Fuzzing the audio edge: odd signals into the real transcriber, odd bytes into Clip.load.

Transcription gets what a microphone can send but a person never says: silence, noise, a DC
offset, clipped square-ish waves, a hum, 0 to 200 ms long. It must return a Transcript (no
exception) and hear no words. Clip.load gets random and mangled files: it must return a Clip or
raise AudioFileError, nothing else.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.errors import AudioFileError
from voicecoach.stt.base import Transcript

KINDS = ("silence", "noise", "dc", "clipped", "hum", "impulse")


def signal(kind: str, n: int, level: float, seed: int) -> np.ndarray:
    """`n` samples of one kind of non-speech at `level` (peak or RMS); never NaN."""
    rng = np.random.default_rng(seed)
    t = np.arange(n) / STT_RATE
    if kind == "silence":
        x = np.zeros(n)
    elif kind == "noise":
        x = rng.normal(0.0, level, n)
    elif kind == "dc":
        x = np.full(n, level) + rng.normal(0.0, 0.001, n)
    elif kind == "clipped":  # overdriven input: far past full scale, clipped on the way in
        x = np.sin(2 * np.pi * 150 * t) * (1 + 20 * level)
    elif kind == "hum":
        x = level * np.sin(2 * np.pi * 50 * t + seed % 7)
    else:
        x = np.zeros(n)
        if n:
            x[rng.integers(0, n, size=max(1, n // 400))] = level
    return x.astype(np.float32)


clips = st.builds(
    lambda kind, n, level, seed: Clip(signal(kind, n, level, seed), STT_RATE),
    st.sampled_from(KINDS),
    st.integers(0, STT_RATE // 5),  # 0 to 200 ms
    st.floats(0.0, 1.0, allow_nan=False),
    st.integers(0, 2**32 - 1),
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clip=clips)
@example(clip=Clip(np.zeros(0, np.float32), STT_RATE))  # nothing at all
@example(clip=Clip(np.zeros(1, np.float32), STT_RATE))  # one sample
@example(clip=Clip(signal("clipped", STT_RATE // 5, 1.0, 0), STT_RATE))  # 200 ms, overdriven
def test_transcriber_survives_odd_short_audio(whisper, clip: Clip) -> None:
    assert not np.isnan(clip.samples).any()
    transcript = whisper.transcribe(clip.to_audio_data())
    assert isinstance(transcript, Transcript)
    assert transcript.text == ""  # nothing said, nothing heard
    assert transcript.words == []


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "level"), [("silence", 0.0), ("noise", 0.05), ("noise", 0.3),
                                             ("hum", 0.3), ("dc", 0.5), ("clipped", 1.0)])
def test_longer_non_speech_is_heard_as_nothing(whisper, kind: str, level: float) -> None:
    clip = Clip(signal(kind, 3 * STT_RATE, level, seed=1), STT_RATE)
    transcript = whisper.transcribe(clip.to_audio_data())
    assert transcript.text == "" and not transcript.heard_speech


# --- Clip.load on random and mangled files --------------------------------------------------------

SUFFIXES = (".wav", ".flac", ".mp3", ".ogg", ".m4a", "")
_names = itertools.count()


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


_t = np.arange(STT_RATE // 2) / STT_RATE
REAL_WAV = Clip((0.3 * np.sin(2 * np.pi * 220 * _t)).astype(np.float32), STT_RATE).wav_bytes()


def load_or_error(path: Path) -> Clip | None:
    """Clip.load must give a sane Clip or an AudioFileError; anything else fails the test."""
    try:
        clip = Clip.load(path)
    except AudioFileError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)
        return None
    assert clip.sample_rate == STT_RATE and clip.samples.dtype == np.float32
    assert not np.isnan(clip.samples).any() and math.isfinite(clip.duration)
    return clip


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_load_or_fail_cleanly(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    path = fuzz_dir / f"random{next(_names)}{suffix}"
    path.write_bytes(data)
    load_or_error(path)


@settings(max_examples=300, deadline=None)
@given(cut=st.integers(0, 20_000),
       flips=st.lists(st.tuples(st.one_of(st.integers(0, 63), st.integers(0, 20_000)),  # headers
                                st.integers(0, 255)), max_size=8))
def test_mangled_wav_loads_or_fails_cleanly(fuzz_dir: Path, cut: int,
                                            flips: list[tuple[int, int]]) -> None:
    """A real WAV cut short and with bytes overwritten (headers included)."""
    data = bytearray(REAL_WAV[:cut] if cut else REAL_WAV)
    for where, value in flips:
        if data:
            data[where % len(data)] = value
    path = fuzz_dir / f"mangled{next(_names)}.wav"
    path.write_bytes(bytes(data))
    load_or_error(path)


# --- chunked resampling is exactly the whole-clip interpolation ---------------------------------

@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 3000), rates=st.tuples(st.sampled_from([8000, 11025, 16000, 22050,
                                                                 44100, 48000, 1, 7]),
                                                st.sampled_from([16000, 8000, 44100, 3])),
       chunk=st.integers(1, 700), seed=st.integers(0, 2**16))
def test_chunked_resampling_is_exact(n: int, rates: tuple[int, int], chunk: int,
                                     seed: int) -> None:
    import voicecoach.audio.clip as clip_module

    old, new = rates
    m = round(n * new / old)
    assume(m <= 50_000)
    samples = np.random.default_rng(seed).uniform(-1, 1, n).astype(np.float32)
    whole = np.interp(np.arange(m, dtype=np.float64) / new,
                      np.arange(n, dtype=np.float64) / old, samples).astype(np.float32)
    saved = clip_module.CHUNK_FRAMES
    clip_module.CHUNK_FRAMES = chunk
    try:
        got = Clip(samples, old).resampled(new).samples
    finally:
        clip_module.CHUNK_FRAMES = saved
    assert np.array_equal(got, whole)
