"""Feedback latency: from the end of an answer to the first sample of spoken feedback.

Why it exists: the coach must answer like a person, within about a second. An answer is fed at
real-time pace in the recorder's 50 ms blocks, through what practice uses: the recorder's
`EndOfSpeechDetector` decides the answer has ended (2.5 s of silence, as `RecordSettings`), the
blocks go to a `StreamingTranscriber`, the transcript is analysed as `Judge` does, and
`FastVoice` speaks `spoken_feedback(report)` to a player that notes when its first clip arrives.

The clock starts when the detector says "ended" (the silence wait itself is not counted: it is
the candidate's pause, identical in both paths). The same recording then goes through the plain
path (whole-answer transcription, analysis, whole-text synthesis with `Voice`) for comparison.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.audio.mic import BLOCK_S, RecordSettings
from voicecoach.audio.vad import EndOfSpeechDetector
from voicecoach.benchmarking.answer import room_silence
from voicecoach.errors import VoiceCoachError
from voicecoach.session.fastvoice import FastVoice
from voicecoach.session.voice import Voice
from voicecoach.speech.base import Speaker
from voicecoach.stt.base import Transcriber, Transcript
from voicecoach.stt.streaming import StreamingTranscriber


@dataclass(frozen=True)
class PathTiming:
    """One answer through one path; times in ms from the end of the answer being detected.

    transcript_ms: transcript ready. ready_ms: feedback text ready (transcript + analysis).
    first_sample_ms: first clip of spoken feedback handed to the player.
    analysis_ms: analysis alone. text: the transcript. feedback: the words spoken.
    """

    transcript_ms: float
    ready_ms: float
    first_sample_ms: float
    analysis_ms: float
    text: str
    feedback: str


class TimingPlayer:
    """A player that plays nothing and notes when the first clip arrived (perf_counter)."""

    def __init__(self) -> None:
        self.first: float | None = None

    def play(self, clip: Clip) -> None:
        if self.first is None:
            self.first = time.perf_counter()


@dataclass(frozen=True)
class Recorded:
    """What the simulated recorder captured: audio up to the end detection, and the timing."""

    clip: Clip
    streaming: PathTiming
    stretches: int
    decode_s: float


def analyse(text: str, question: str) -> tuple[str, float]:
    """Spoken feedback for `text`, as practice builds it, and the seconds analysis took."""
    from voicecoach.analysis import analyze_answer
    from voicecoach.interview.preparation import InterviewContext
    from voicecoach.session.judge import add_context
    from voicecoach.session.practice import spoken_feedback

    started = time.perf_counter()
    report = analyze_answer(text, question=question)
    add_context(report, question, InterviewContext())
    elapsed = time.perf_counter() - started
    return spoken_feedback(report, bool(text.strip())), elapsed


def _speak(voice_type: type[Voice], speaker: Speaker, text: str) -> float:
    player = TimingPlayer()
    voice = voice_type(speaker, player, warn=_raise)
    voice.say(text)
    if player.first is None:
        raise VoiceCoachError("the speech engine produced no audio for the feedback")
    return player.first


def _raise(message: str) -> None:
    raise VoiceCoachError(message)


def _finish(started: float, transcript: Transcript, question: str, speaker: Speaker,
            voice_type: type[Voice]) -> PathTiming:
    got_text = time.perf_counter()
    feedback, analysis_s = analyse(transcript.text, question)
    ready = time.perf_counter()
    first = _speak(voice_type, speaker, feedback)
    ms = lambda t: round((t - started) * 1000.0, 1)  # noqa: E731 - local shorthand
    return PathTiming(ms(got_text), ms(ready), ms(first), round(analysis_s * 1000.0, 2),
                      transcript.text, feedback)


def streaming_run(transcriber: Transcriber, speaker: Speaker, answer: Clip, question: str,
                  pace: float = 1.0) -> Recorded:
    """Feed `answer` plus room silence at `pace` x real time until the end is detected."""
    settings = RecordSettings()
    detector = EndOfSpeechDetector(sample_rate=STT_RATE, silence_after_speech_s=settings.silence_s)
    stream = StreamingTranscriber(transcriber, STT_RATE)
    audio = np.concatenate([answer.resampled(STT_RATE).samples,
                            room_silence(settings.silence_s + 3.0)])
    step = int(BLOCK_S * STT_RATE)
    begin, fed = time.perf_counter(), 0
    for index, at in enumerate(range(0, len(audio), step)):
        wait = begin + index * BLOCK_S / pace - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        block = audio[at : at + step]
        stream.feed(block)  # the recorder calls on_block before its detector
        fed = at + len(block)
        if detector.feed(block).ended:
            break
    else:
        stream.cancel()
        raise VoiceCoachError("the benchmark answer never ended (no speech detected in it?)")
    started = time.perf_counter()
    transcript = stream.finish()
    timing = _finish(started, transcript, question, speaker, FastVoice)
    return Recorded(Clip(audio[:fed], STT_RATE), timing, stream.stretches, stream.decode_seconds)


def batch_run(transcriber: Transcriber, speaker: Speaker, recorded: Clip,
              question: str) -> tuple[PathTiming, float]:
    """The plain path on the same recording; also returns the decode seconds (for the RTF)."""
    started = time.perf_counter()
    transcript = transcriber.transcribe(recorded.to_audio_data())  # as Judge.transcribe does
    decode_s = time.perf_counter() - started
    return _finish(started, transcript, question, speaker, Voice), decode_s
