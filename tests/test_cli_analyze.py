"""`voicecoach analyze` and `voicecoach eval` from the command line."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pytest

from voicecoach.analysis import AnswerReport, Finding
from voicecoach.analysis.render import render_report
from voicecoach.cli import main

EXTRA = Path(__file__).resolve().parent / "data" / "answers-extra.jsonl"


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICECOACH_CONFIG", str(tmp_path / "absent.toml"))


def test_analyze_text_marks_evidence_without_tty(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["analyze", "--text", "Honestly my manager had no clue.", "--question",
               "Why did you leave?"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "[[manager had no clue]]" in out
    assert "\033[" not in out
    assert "negativity" in out and "Tip:" in out


def test_analyze_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--json", "--text", "I guess I'm maybe okay at it."]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["findings"][0]["check"] == "hedging"
    assert set(data) == {"transcript", "question", "findings", "strengths", "metrics", "summary"}


def test_analyze_reads_stdin(monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("It was a damn mess, dude.\n"))
    assert main(["analyze", "--text", "-", "--json"]) == 0
    assert "unprofessional_language" in capsys.readouterr().out


def test_analyze_empty_text_prints_a_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--text", "   "]) == 0
    out = capsys.readouterr().out
    assert "no words" in out and "no answer to judge" in out


def test_analyze_needs_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze"]) == 2
    assert "nothing to analyse" in capsys.readouterr().err


def test_analyze_audio_file_calls_recording(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    calls = {}

    def fake(path, question=None, model=None):
        calls.update(path=str(path), question=question, model=model)
        text = "Damn."
        return AnswerReport(transcript=text, findings=[Finding(
            "unprofessional_language", "problem", text[:4], 0, 4, "m", "t")], summary="s")

    # The real module loads a speech model; this stand-in keeps the CLI test fast and offline.
    monkeypatch.setitem(sys.modules, "voicecoach.recording",
                        types.SimpleNamespace(analyze_recording=fake))
    assert main(["analyze", "answer.wav", "--question", "Q?", "--model", "tiny.en"]) == 0
    assert calls == {"path": "answer.wav", "question": "Q?", "model": "tiny.en"}
    assert "[[Damn]]" in capsys.readouterr().out


def test_render_colour_uses_ansi() -> None:
    text = "My boss was useless."
    report = AnswerReport(transcript=text, findings=[Finding(
        "negativity", "problem", "boss was useless", 3, 19, "m", "t")], summary="s")
    coloured = render_report(report, color=True)
    assert "\033[1;31mboss was useless\033[0m" in coloured
    assert "[[" not in coloured


def test_eval_prints_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(EXTRA)]) == 0
    out = capsys.readouterr().out
    assert "macro-F1" in out and "clean answers flagged" in out and "topic accuracy" in out
    assert main(["eval", str(EXTRA), "--json", "--speed"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["checks"]) == {"negativity", "off_limits_topic", "overselling",
                                   "unprofessional_language", "hedging", "filler_words"}
    assert data["speed_ms"] > 0


def test_eval_missing_file_is_an_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "/nonexistent/answers.jsonl"]) == 2
    assert "not found" in capsys.readouterr().err
