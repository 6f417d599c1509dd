"""`voicecoach bench` end to end: load, time, score, and gather one result dictionary.

Why it exists: a user should learn in one command whether their machine copes with a model: how
long it takes to load, how fast it decodes (real-time factor), how accurate it is, how soon
feedback starts after an answer (streaming path, with the plain path beside it), how long the
analysis takes, and how much memory all of that needs.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voicecoach.errors import UsageError

#: The coach's speaking rate in practice (voicecoach.cli.practice.DEFAULT_RATE); the benchmark
#: answer is spoken at the same rate, a typical interview pace.
VOICE_RATE = 165
QUESTION = "Tell me about a project you are proud of."


@dataclass
class BenchOptions:
    """model: as `voicecoach practice --model`. manifest: TSV for WER (None = skip WER).
    answer_seconds: length of the timed answer. runs: timed answers (medians are reported).
    pace: feeding speed, 1.0 = real time (faster values make the latency figures optimistic)."""

    model: str | None = None
    manifest: Path | None = None
    answer_seconds: float = 60.0
    runs: int = 1
    pace: float = 1.0


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)


def run_bench(options: BenchOptions, progress: Callable[[str], None]) -> dict[str, Any]:
    """Run every measurement; returns the figures (milliseconds, megabytes, fractions)."""
    from voicecoach.audio.clip import STT_RATE, Clip
    from voicecoach.benchmarking.accuracy import manifest_wer
    from voicecoach.benchmarking.answer import build_answer
    from voicecoach.benchmarking.latency import analyse, batch_run, streaming_run
    from voicecoach.speech import load_speaker
    from voicecoach.stt.wer import wer
    from voicecoach.stt.whisper import WhisperTranscriber

    if options.answer_seconds < 3 or options.runs < 1 or options.pace <= 0:
        raise UsageError("--answer-seconds must be at least 3, --runs at least 1, --pace > 0")
    progress("loading the speech-to-text model...")
    started = time.perf_counter()
    transcriber = WhisperTranscriber(options.model)
    model_load_ms = (time.perf_counter() - started) * 1000.0
    progress(f"model {transcriber.model_path} loaded in {model_load_ms / 1000:.2f} s")
    speaker = load_speaker("auto", rate=VOICE_RATE)
    progress(f"building a {options.answer_seconds:g} s answer with {speaker.name} (cached)...")
    answer = build_answer(options.answer_seconds, speaker)

    # practice speaks a question before the first answer, so the voice and model are warm then
    progress("warming up...")
    transcriber.transcribe_clip(Clip(answer.clip.samples[: 5 * STT_RATE], STT_RATE))
    speaker.synthesize("Warming up.")
    analysis_first_ms = analyse(answer.reference, QUESTION)[1] * 1000.0

    streams, batches, decode_s, audio_s = [], [], 0.0, 0.0
    for run in range(1, options.runs + 1):
        progress(f"run {run}/{options.runs}: feeding {answer.clip.duration:.1f} s of answer at "
                 f"{options.pace:g}x real time...")
        recorded = streaming_run(transcriber, speaker, answer.clip, QUESTION, options.pace)
        streams.append(recorded)
        progress(f"run {run}: feedback starts {recorded.streaming.first_sample_ms:.0f} ms after "
                 "the end")
    # what a practice session holds: both models, the voice warmed up, streaming answers
    practice_rss_mb = peak_rss_mb()
    for run, recorded in enumerate(streams, 1):
        progress(f"run {run}/{options.runs}: the same answer through the plain path...")
        batch, seconds = batch_run(transcriber, speaker, recorded.clip, QUESTION)
        batches.append(batch)
        decode_s, audio_s = decode_s + seconds, audio_s + recorded.clip.duration
        progress(f"run {run}: plain path feedback starts {batch.first_sample_ms:.0f} ms after "
                 "the end")

    def med(values: list[float]) -> float:
        return round(statistics.median(values), 1)

    result: dict[str, Any] = {
        "model": transcriber.model_path,
        "model_load_ms": round(model_load_ms, 1),
        "answer_seconds": round(answer.clip.duration, 2),
        "runs": options.runs,
        "pace": options.pace,
        "feedback_latency_ms": med([r.streaming.first_sample_ms for r in streams]),
        "feedback_ready_ms": med([r.streaming.ready_ms for r in streams]),
        "transcript_ready_ms": med([r.streaming.transcript_ms for r in streams]),
        "batch_latency_ms": med([b.first_sample_ms for b in batches]),
        "batch_ready_ms": med([b.ready_ms for b in batches]),
        "batch_transcript_ms": med([b.transcript_ms for b in batches]),
        "feedback_latency_runs_ms": [r.streaming.first_sample_ms for r in streams],
        "batch_latency_runs_ms": [b.first_sample_ms for b in batches],
        "stretches": streams[-1].stretches,
        "rtf": round(decode_s / audio_s, 4),
        "analysis_ms": med([r.streaming.analysis_ms for r in streams]
                           + [b.analysis_ms for b in batches]),
        "analysis_first_ms": round(analysis_first_ms, 1),
        "answer_wer_streaming": round(wer(answer.reference, streams[-1].streaming.text), 4),
        "answer_wer_batch": round(wer(answer.reference, batches[-1].text), 4),
        "wer": None,
        "wer_rtf": None,
        "manifest": str(options.manifest) if options.manifest else None,
    }
    if options.manifest is not None:
        progress(f"word error rate on {options.manifest} (streaming path)...")
        score = manifest_wer(transcriber, options.manifest, progress)
        result.update(wer=round(score.wer, 4), wer_rtf=round(score.rtf, 4),
                      wer_clips=len(score.per_clip), wer_audio_s=round(score.audio_s, 1))
    result["peak_rss_mb"] = practice_rss_mb
    result["peak_rss_total_mb"] = peak_rss_mb()
    result["feedback_text"] = streams[-1].streaming.feedback
    return result
