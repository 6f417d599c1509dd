"""Voice activity: Silero segments and the live end-of-speech detector on synthetic audio."""

from __future__ import annotations

import numpy as np
import pytest

from voicecoach.audio.clip import Clip
from voicecoach.audio.vad import EndOfSpeechDetector, has_speech, level_dbfs, speech_segments

RATE = 16000


def speechlike(seconds: float, level: float = 0.2, seed: int = 0) -> np.ndarray:
    """Harmonics of a wobbling 140 Hz voice, switched on and off like syllables (4 per second)."""
    t = np.arange(int(seconds * RATE)) / RATE
    f0 = 140 + 20 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    tone = sum(np.sin(k * phase) / k for k in range(1, 8))
    syllables = (np.sin(2 * np.pi * 4 * t) > -0.3).astype(float)
    noise = np.random.default_rng(seed).standard_normal(len(t)) * 0.02
    return (level * tone * syllables / 2 + noise * syllables).astype(np.float32)


def run(detector: EndOfSpeechDetector, samples: np.ndarray, block: int = 1600):
    """Feed in blocks; return (time speech started, time it ended) in seconds or None."""
    started = ended = None
    for i in range(0, len(samples), block):
        detector.feed(samples[i : i + block])
        now = min(i + block, len(samples)) / RATE
        if started is None and detector.speech_started:
            started = now
        if ended is None and detector.ended:
            ended = now
    return started, ended


def test_detector_speech_then_silence():
    quiet = np.zeros(RATE, np.float32)
    audio = np.concatenate([quiet, speechlike(2.0), np.zeros(4 * RATE, np.float32)])
    started, ended = run(EndOfSpeechDetector(), audio)
    assert started is not None and 1.0 <= started <= 1.5
    assert ended is not None and 3.0 + 2.5 <= ended <= 3.0 + 2.9


def test_detector_learns_a_noisy_room():
    rng = np.random.default_rng(1)
    room = lambda s: (rng.standard_normal(int(s * RATE)) * 0.01).astype(np.float32)  # noqa: E731
    audio = np.concatenate([room(2.0), room(2.0) + speechlike(2.0), room(4.0)])
    detector = EndOfSpeechDetector(silence_after_speech_s=1.5)
    started, ended = run(detector, audio)
    assert started is not None and 2.0 <= started <= 2.6
    assert ended is not None and 5.5 <= ended <= 6.0
    assert -45 < detector.noise_floor_dbfs < -35  # learnt the -40 dBFS room, not the speech


def test_detector_never_fires_on_noise_or_silence():
    rng = np.random.default_rng(2)
    for audio in (np.zeros(5 * RATE, np.float32),
                  (rng.standard_normal(5 * RATE) * 0.05).astype(np.float32)):
        detector = EndOfSpeechDetector()
        assert run(detector, audio) == (None, None)


def test_detector_waits_through_a_thinking_pause():
    pause = np.zeros(int(1.5 * RATE), np.float32)
    tail = np.zeros(3 * RATE, np.float32)
    audio = np.concatenate([speechlike(1.0), pause, speechlike(1.0), tail])
    _, ended = run(EndOfSpeechDetector(), audio, block=512)
    assert ended is not None and ended >= 3.5 + 2.5


def test_feed_reports_state():
    detector = EndOfSpeechDetector()
    state = detector.feed(np.zeros(RATE, np.float32))
    assert (state.speech_started, state.ended, state.level_dbfs) == (False, False, -100.0)
    state = detector.feed(speechlike(1.0))
    assert state.speech_started and not state.ended
    state = detector.feed(np.zeros(3 * RATE, np.float32))
    assert state.ended and state.noise_floor_dbfs == -100.0
    detector.reset()
    assert not detector.speech_started and detector.noise_floor_dbfs is None


def test_level_dbfs():
    assert level_dbfs(np.zeros(10, np.float32)) == -100.0
    assert level_dbfs(np.full(100, 0.1, np.float32)) == pytest.approx(-20.0)


@pytest.mark.slow
def test_silero_finds_the_spoken_sentence(piper_speaker):
    spoken = piper_speaker.synthesize("I led a team of five engineers.").resampled(RATE)
    clip = Clip.silence(1.0).concat(spoken, Clip.silence(2.0))
    segments = speech_segments(clip)
    assert len(segments) == 1
    start, end = segments[0]
    assert 0.8 <= start <= 1.3 and 1.0 + spoken.duration - 0.5 <= end <= 1.0 + spoken.duration + 0.2
    assert has_speech(clip)


@pytest.mark.slow
def test_silero_ignores_silence_and_noise():
    noise = np.random.default_rng(3).standard_normal(3 * RATE).astype(np.float32) * 0.1
    assert not has_speech(Clip.silence(3.0))
    assert not has_speech(Clip(noise, RATE))
    assert speech_segments(Clip.silence(0)) == []
