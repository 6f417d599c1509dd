"""`voicecoach review`, `progress` and `play` through the real CLI entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_review_support import (  # noqa: F401  (fixtures)
    TRANSCRIPT,
    answer,
    make_session,
    recordings,
    run_cli,
)
from voicecoach.audio.clip import Clip
from voicecoach.audio.playback import Player


def test_review_lists_newest_first(recordings: Path, run_cli) -> None:  # noqa: F811
    make_session(recordings, "20261120-100000", bank="behavioral")
    make_session(recordings, "20261126-093000", [answer(1, findings=[])])
    code, out, _ = run_cli("review")
    assert code == 0
    rows = [line for line in out.splitlines() if line[:8].isdigit()]
    assert rows[0].split()[:5] == ["20261126-093000", "2026-11-26", "09:30", "general", "1"]
    assert rows[1].split() == ["20261120-100000", "2026-11-20", "10:00", "behavioral", "2",
                               "negativity"]


def test_review_empty_and_recordings_option(tmp_path: Path, recordings: Path,  # noqa: F811
                                            run_cli) -> None:  # noqa: F811
    code, out, _ = run_cli("review")
    assert code == 0 and "No saved sessions yet" in out
    other = tmp_path / "elsewhere"
    make_session(other, "20261126-100000")
    code, out, _ = run_cli("review", "--recordings", str(other))
    assert "20261126-100000" in out


def test_review_one_session_highlights_findings_and_metrics(recordings: Path,  # noqa: F811
                                                            run_cli) -> None:  # noqa: F811
    make_session(recordings, "20261126-100000")
    code, out, _ = run_cli("review", "latest")
    assert code == 0
    assert "[Um], I basically [hate my old boss], but" in out
    assert '! negativity (problem) "hate my old boss"' in out
    assert "tip: Talk about what you learned." in out
    assert "pace 150 wpm · fillers 5.5 per 100 words" in out
    assert "Q2. Question 2?" in out


def test_review_json_is_the_same_data(recordings: Path, run_cli) -> None:  # noqa: F811
    make_session(recordings, "20261126-100000")
    code, out, _ = run_cli("review", "20261126-100000", "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "20261126-100000" and len(data["answers"]) == 2
    first = data["answers"][0]
    spans = [TRANSCRIPT[h["start"]:h["end"]] for h in first["highlights"]]
    assert spans == ["Um", "hate my old boss"] and first["metrics"]["wpm"] == 150.0
    code, out, _ = run_cli("review", "--json")
    assert [s["id"] for s in json.loads(out)["sessions"]] == ["20261126-100000"]


@pytest.mark.parametrize("bad", ["../x", "/etc/passwd", "nope"])
def test_bad_id_is_one_line_and_exit_1(recordings: Path, run_cli, bad: str) -> None:  # noqa: F811
    code, out, err = run_cli("review", bad)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "is not a session id" in err


def test_unknown_session_is_one_line(recordings: Path, run_cli) -> None:  # noqa: F811
    code, _, err = run_cli("review", "20261126-100000")
    assert code == 1 and err.startswith("voicecoach: no session 20261126-100000")


def test_progress_says_what_improved_and_what_next(recordings: Path, run_cli) -> None:  # noqa: F811
    clean = "I led a team of five and we shipped on time."
    for day in range(20, 24):  # four sessions with fillers and negativity, fast pace
        make_session(recordings, f"202611{day}-100000",
                     [answer(1, metrics={"wpm": 190.0, "fillers_per_100_words": 8.0})])
    for day in range(24, 28):  # then four cleaner ones: negativity gone, fillers rarer
        make_session(recordings, f"202611{day}-100000", [
            answer(1, clean, findings=[], metrics={"wpm": 140.0, "fillers_per_100_words": 1.0}),
            answer(2, metrics={"wpm": 150.0, "fillers_per_100_words": 2.0})])
    code, out, _ = run_cli("progress")
    assert code == 0 and "Progress over 8 sessions" in out
    fillers = next(line for line in out.splitlines() if line.strip().startswith("fillers"))
    assert "████▁▁▁▁" in fillers and "8.0 -> 1.5" in fillers and "better" in fillers
    assert "Pace: 190 -> 145 words per minute" in out
    assert "Focus next on filler words (flagged in 50% of your recent answers)" in out
    code, out, _ = run_cli("progress", "--json")
    data = json.loads(out)
    verdicts = {t["key"]: t["verdict"] for t in data["trends"]}
    assert verdicts["check:negativity"] == "improved" and verdicts["wpm"] == "improved"


def test_progress_with_no_sessions(recordings: Path, run_cli) -> None:  # noqa: F811
    code, out, _ = run_cli("progress")
    assert code == 0 and "No answered sessions yet" in out


def test_play_latest_attempt(recordings: Path, run_cli,  # noqa: F811
                             monkeypatch: pytest.MonkeyPatch) -> None:
    played: list[tuple[Clip, object]] = []  # stands in for the speakers test machines lack
    monkeypatch.setattr(Player, "play", lambda self, clip: played.append((clip, self.device)))
    make_session(recordings, "20261126-100000", [answer(1), answer(1, attempt=2), answer(2)])
    code, out, _ = run_cli("play", "20261126-100000", "1", "--output-device", "3")
    assert code == 0 and "Playing answer 1, attempt 2 (0.5 s)" in out
    ((clip, device),) = played
    assert clip.sample_rate == 16_000 and clip.duration == pytest.approx(0.5) and device == 3


@pytest.mark.parametrize(("answers", "n", "message"), [
    ([answer(1, audio=None, source="typed")], "1", "was typed: there is no recording"),
    ([answer(1, skipped=True, audio=None)], "1", "was skipped"),
    ([answer(1)], "4", "has no answer 4 (answers: 1)"),
])
def test_play_without_audio_is_one_clear_line(recordings: Path, run_cli, answers,  # noqa: F811
                                              n: str, message: str) -> None:
    make_session(recordings, "20261126-100000", answers)
    code, out, err = run_cli("play", "latest", n)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1


def test_play_missing_audio_file(recordings: Path, run_cli) -> None:  # noqa: F811
    make_session(recordings, "20261126-100000", [answer(1)], write_audio=False)
    code, _, err = run_cli("play", "latest", "1")
    assert code == 1 and "recording of answer 1 (q01-a1.wav) is missing" in err


def test_play_rejects_non_numbers(recordings: Path, run_cli) -> None:  # noqa: F811
    with pytest.raises(SystemExit) as exc:
        run_cli("play", "latest", "zero")
    assert exc.value.code == 2


def test_commands_import_nothing_heavy() -> None:
    code = ("import sys; import voicecoach.cli.review, voicecoach.cli.report, "
            "voicecoach.cli.progress, voicecoach.cli.play; "
            "print(sorted(m for m in ('numpy', 'sqlite3', 'sounddevice', 'yaml') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
