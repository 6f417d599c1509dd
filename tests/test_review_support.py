"""Builders for the review tests: real session folders (session.json + small WAVs) in tmp.

Named test_review_* so it sits with the review tests; it holds fixtures and builders, no tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voicecoach import cli
from voicecoach.audio.clip import Clip
from voicecoach.session.store import write_json_atomic

TRANSCRIPT = "Um, I basically hate my old boss, but I led a team of five and we shipped on time."


def finding(transcript: str, evidence: str, check: str, severity: str = "warning",
            tip: str = "Pause instead.") -> dict[str, Any]:
    start = transcript.index(evidence)
    return {"check": check, "severity": severity, "evidence": evidence, "start": start,
            "end": start + len(evidence), "message": f"{check} noticed", "tip": tip,
            "detail": {}}


def tone(seconds: float = 0.5, freq: float = 220.0, rate: int = 16_000) -> Clip:
    t = np.arange(int(seconds * rate)) / rate
    return Clip((0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32), rate)


def answer(index: int, transcript: str = TRANSCRIPT, attempt: int = 1,
           audio: str | None = "auto", findings: list[dict[str, Any]] | None = None,
           metrics: dict[str, float] | None = None, source: str = "microphone",
           skipped: bool = False) -> dict[str, Any]:
    if findings is None:
        findings = [finding(transcript, "Um", "filler_words"),
                    finding(transcript, "hate my old boss", "negativity", "problem",
                            "Talk about what you learned.")]
    if audio == "auto":
        audio = f"q{index:02d}-a{attempt}.wav"
    report = {"transcript": transcript, "question": f"Question {index}?", "findings": findings,
              "strengths": ["You gave a concrete number."],
              "metrics": {"word_count": 18, "wpm": 150.0, "fillers_per_100_words": 5.5,
                          "pause_count": 2, "longest_pause_s": 1.2}
              if metrics is None else metrics,
              "summary": "Mostly good."}
    return {"index": index, "attempt": attempt,
            "question": {"id": f"q{index}", "text": f"Question {index}?", "category": "general"},
            "audio": audio, "source": source, "skipped": skipped, "transcript": transcript,
            "words": [], "report": None if skipped else report}


def make_session(root: Path, sid: str, answers: list[dict[str, Any]] | None = None,
                 bank: str = "general", write_audio: bool = True, **extra: Any) -> Path:
    """Write `<root>/<sid>/session.json` (format 1) and a short real WAV per audio answer."""
    folder = root / sid
    folder.mkdir(parents=True, exist_ok=True)
    answers = [answer(1), answer(2)] if answers is None else answers
    d, t = sid[:8], sid[9:15]
    data = {"format": 1, "id": sid, "started": f"{d[:4]}-{d[4:6]}-{d[6:]}T{t[:2]}:{t[2:4]}:"
            f"{t[4:6]}+00:00", "ended": None, "bank": bank, "settings": {},
            "answers": answers, "summary": {"text": "You practised well."}}
    data.update(extra)
    write_json_atomic(folder / "session.json", data)
    if write_audio:
        for i, a in enumerate(answers):
            if a.get("audio"):
                tone(0.4 + 0.1 * i, 200.0 + 40 * i).save_wav(folder / a["audio"])
    return folder


@pytest.fixture
def recordings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty recordings folder that VOICECOACH_RECORDINGS points at."""
    root = tmp_path / "recordings"
    root.mkdir()
    monkeypatch.setenv("VOICECOACH_RECORDINGS", str(root))
    return root


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """Run the real `voicecoach` entry point limited to the review commands.

    Other commands are being built alongside; limiting COMMANDS keeps these tests about review.
    Returns (exit code, stdout, stderr).
    """
    monkeypatch.setattr(cli, "COMMANDS", ["review", "report", "progress", "play"])

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
