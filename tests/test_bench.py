"""`voicecoach bench` end to end; no timing targets asserted (shared machines are noisy)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from voicecoach.benchmarking.accuracy import manifest_wer, read_manifest
from voicecoach.cli.bench import format_result
from voicecoach.errors import UsageError

SPEECH_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "speech-eval"
REQUIRED = ("feedback_latency_ms", "batch_latency_ms", "rtf", "wer", "model_load_ms",
            "analysis_ms", "peak_rss_mb")


@pytest.mark.slow
def test_bench_json(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "voicecoach", "bench", "--answer-seconds", "10", "--no-wer",
         "--json"],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(REQUIRED) <= set(result)
    assert result["wer"] is None  # --no-wer
    assert 0 < result["rtf"] < 5
    assert result["feedback_latency_ms"] > 0 and result["batch_latency_ms"] > 0
    assert result["feedback_ready_ms"] <= result["feedback_latency_ms"]
    assert 0 < result["model_load_ms"] < 60_000
    assert 0 < result["analysis_ms"] < 10_000
    assert 50 < result["peak_rss_mb"] < 4000
    assert 5 < result["answer_seconds"] < 15
    assert result["answer_wer_streaming"] <= 0.2 and result["answer_wer_batch"] <= 0.2
    assert "loading the speech-to-text model" in out.stderr  # progress goes to stderr
    assert list(tmp_path.glob("voicecoach-bench/answer-*.wav"))  # the answer audio is cached
    assert "feedback latency:" in format_result(result)  # the human-readable form renders


@pytest.mark.slow
def test_streaming_wer_on_a_small_manifest(whisper, tmp_path):
    if not (SPEECH_EVAL / "clip30.wav").exists():
        pytest.skip("speech-eval set not present")
    manifest = tmp_path / "manifest.tsv"
    rows = [("clip30.wav", "And so my fellow Americans, ask not what your country can do for you, "
             "ask what you can do for your country."),
            ("clip02.wav", "in being comparatively modern.")]
    manifest.write_text("file\ttranscript\n" + "".join(
        f"{SPEECH_EVAL / f}\t{t}\n" for f, t in rows), encoding="utf-8")
    score = manifest_wer(whisper, manifest)
    assert len(score.per_clip) == 2 and score.words == 26
    assert score.wer <= 0.15, score.per_clip
    assert score.rtf > 0


def test_manifest_needs_file_and_transcript_columns(tmp_path):
    bad = tmp_path / "m.tsv"
    bad.write_text("path\ttext\na.wav\thello\n", encoding="utf-8")
    with pytest.raises(UsageError, match="'file' and 'transcript'"):
        read_manifest(bad)
    with pytest.raises(UsageError, match="no such manifest"):
        read_manifest(tmp_path / "missing.tsv")


def test_bench_is_listed_in_help():
    out = subprocess.run([sys.executable, "-m", "voicecoach", "bench", "--help"],
                         capture_output=True, text=True, check=True)
    assert "--answer-seconds" in out.stdout and "--no-wer" in out.stdout
