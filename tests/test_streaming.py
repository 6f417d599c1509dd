"""Streaming transcription: real tiny.en on real Piper speech fed in 50 ms blocks, as recorded."""

from __future__ import annotations

import threading
from itertools import pairwise

import numpy as np
import pytest

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.errors import SpeechEngineError, TranscriberError
from voicecoach.session.fastvoice import FastVoice, split_sentences
from voicecoach.stt.base import Transcriber, Transcript
from voicecoach.stt.streaming import Segmenter, StreamingTranscriber
from voicecoach.stt.wer import wer

BLOCK = int(0.05 * STT_RATE)
SENTENCES = [
    "In my last role I led a team of five engineers that rebuilt our billing system.",
    "The hardest part was moving customers across without any downtime.",
    "We ran the old and the new system side by side for six weeks.",
    "Invoice errors dropped by about ninety percent in the first quarter.",
    "I also learned to share bad news early, because surprises cost more than delays.",
    "Next time I would bring the finance team in during the first week.",
]


def feed_all(stream: StreamingTranscriber, samples: np.ndarray) -> None:
    for at in range(0, len(samples), BLOCK):
        stream.feed(samples[at : at + BLOCK])


@pytest.fixture(scope="module")
def answer(piper_speaker) -> Clip:
    """About 20 s of speech: six sentences with 0.3-1.0 s pauses and a faint noise floor."""
    parts = []
    for index, sentence in enumerate(SENTENCES):
        if parts:
            parts.append(np.zeros(int((0.3 + 0.14 * index) * STT_RATE), np.float32))
        parts.append(piper_speaker.synthesize(sentence).resampled(STT_RATE).samples)
    samples = np.concatenate(parts)
    samples += np.random.default_rng(1).normal(0, 0.0005, len(samples)).astype(np.float32)
    return Clip(samples, STT_RATE)


@pytest.mark.slow
def test_streaming_matches_batch(whisper, answer):
    batch = whisper.transcribe_clip(answer)
    stream = StreamingTranscriber(whisper)
    feed_all(stream, answer.samples)
    got = stream.finish()
    assert stream.stretches >= 2  # the answer really was cut
    assert wer(batch.text, got.text) <= 0.1, (batch.text, got.text)
    assert wer(" ".join(SENTENCES), got.text) <= 0.1, got.text
    assert got.engine == "whisper" and got.duration == pytest.approx(answer.duration)
    starts = [w.start for w in got.words]
    assert starts == sorted(starts)
    assert all(w.start <= w.end for w in got.words)
    # absolute times: the last words sit near the end of the answer, as in the batch transcript
    assert got.words[-1].end == pytest.approx(batch.words[-1].end, abs=0.5)
    assert got.words[-1].end > answer.duration - 1.5
    assert stream.finish() is got  # finishing twice is harmless


@pytest.mark.slow
def test_silence_gives_no_words(whisper):
    stream = StreamingTranscriber(whisper)
    quiet = np.random.default_rng(2).normal(0, 0.0005, 6 * STT_RATE).astype(np.float32)
    feed_all(stream, np.concatenate([np.zeros(2 * STT_RATE, np.float32), quiet]))
    got = stream.finish()
    assert got.text == "" and got.words == [] and got.duration == pytest.approx(8.0)


@pytest.mark.slow
def test_loader_callable_resolved_in_worker(whisper, answer):
    """A model still loading (TranscriberLoader.get) is awaited by the worker, not by feed()."""
    called_from: list[str] = []

    def get() -> Transcriber:
        called_from.append(threading.current_thread().name)
        return whisper

    stream = StreamingTranscriber(get)
    feed_all(stream, answer.samples[: 4 * STT_RATE])
    assert stream.finish().heard_speech
    assert called_from == ["stt-stream"]


class Failing(Transcriber):
    """A stand-in engine that breaks mid-answer (to check the error reaches the caller)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def transcribe(self, audio: object) -> Transcript:
        self.calls.append(threading.current_thread().name)
        raise RuntimeError("decoder exploded")


def test_worker_error_surfaces_from_finish():
    engine = Failing()
    stream = StreamingTranscriber(engine)
    tone = 0.3 * np.sin(np.arange(3 * STT_RATE) * 2 * np.pi * 220 / STT_RATE)
    feed_all(stream, np.concatenate([tone, np.zeros(2 * STT_RATE)]).astype(np.float32))
    with pytest.raises(TranscriberError, match="decoder exploded"):
        stream.finish()
    assert engine.calls == ["stt-stream"]  # decoded in the worker only, and once: it stops


class Echo(Transcriber):
    """A stand-in engine that hears "word" in every stretch and notes how many it got."""

    def __init__(self) -> None:
        self.calls = 0

    def transcribe(self, audio: object) -> Transcript:
        self.calls += 1
        return Transcript("word", engine="echo")


def test_cancelled_answer_does_not_block_the_next():
    engine = Echo()
    first = StreamingTranscriber(engine)
    feed_all(first, bursts((2, 1.0), (2, 1.0)))
    first.cancel()
    second = StreamingTranscriber(engine)
    feed_all(second, bursts((2, 1.0)))
    assert second.finish(timeout=10).text == "word"
    with pytest.raises(TranscriberError, match="cancelled"):
        first.finish()


def bursts(*pattern: tuple[float, float]) -> np.ndarray:
    """(tone seconds, silence seconds) pairs as 16 kHz samples."""
    out = []
    for tone_s, gap_s in pattern:
        t = np.arange(int(tone_s * STT_RATE))
        out += [0.2 * np.sin(2 * np.pi * 200 * t / STT_RATE), np.zeros(int(gap_s * STT_RATE))]
    return np.concatenate(out).astype(np.float32)


def segment(samples: np.ndarray) -> list[tuple[int, int]]:
    seg = Segmenter()
    stretches = []
    for at in range(0, len(samples), BLOCK):
        stretches += seg.push(samples[at : at + BLOCK])
    last = seg.flush()
    stretches += [last] if last is not None else []
    return [(s.start, len(s.samples)) for s in stretches]


def test_segmenter_tiles_the_audio_and_cuts_inside_pauses():
    samples = bursts((3, 0.3), (3, 0.7), (1, 1.2), (6, 2.5))
    cuts = segment(samples)
    assert sum(n for _, n in cuts) == len(samples)
    assert all(a + n == b for (a, n), (b, _) in pairwise(cuts))
    ends = [(a + n) / STT_RATE for a, n in cuts[:-1]]
    # the 0.3 s gap is too short; the 0.7 s one closes 6.3 s of audio (>= 5 s) 0.3 s in; the
    # 1.2 s one closes a 2 s stretch 0.45 s in (a long pause); then 7 s of speech and a pause
    assert ends == [pytest.approx(6.6, abs=0.06), pytest.approx(8.45, abs=0.06),
                    pytest.approx(15.5, abs=0.06)]


def test_segmenter_caps_long_stretches_at_a_quiet_point():
    samples = bursts(*[(2.9, 0.25)] * 15)  # 47 s with no pause long enough to cut at
    cuts = segment(samples)
    assert len(cuts) >= 3 and all(n <= 20 * STT_RATE + BLOCK for _, n in cuts)
    for start, n in cuts[:-1]:
        cut_s = (start + n) / STT_RATE
        assert cut_s % 3.15 > 2.9 - 0.03, cut_s  # inside a 0.25 s gap, not inside a tone


def test_split_sentences():
    text = "Good answer. You repeat 'I led a' a lot! Vary it? 3 tips remain."
    assert split_sentences(text) == ["Good answer.", "You repeat 'I led a' a lot!", "Vary it?",
                                     "3 tips remain."]
    assert split_sentences("  ") == []


class Recorder:
    """Stands in for the speakers (absent here): keeps what would be played."""

    def __init__(self) -> None:
        self.clips: list[Clip] = []

    def play(self, clip: Clip) -> None:
        self.clips.append(clip)


@pytest.mark.slow
def test_fast_voice_plays_sentence_by_sentence(piper_speaker):
    player = Recorder()
    FastVoice(piper_speaker, player).say("That was clear. Add one number next time.")
    assert len(player.clips) == 2
    whole = piper_speaker.synthesize("That was clear. Add one number next time.")
    played = sum(c.duration for c in player.clips)
    assert played == pytest.approx(whole.duration, abs=0.3)


def test_fast_voice_turns_speech_off_on_engine_error():
    class Broken:
        def synthesize(self, text: str) -> Clip:
            raise SpeechEngineError("no voice")

    warnings: list[str] = []
    voice = FastVoice(Broken(), Recorder(), warn=warnings.append)
    voice.say("One. Two.")
    assert not voice.enabled and warnings == ["speech turned off: no voice"]
