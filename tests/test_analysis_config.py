"""User config: TOML at $VOICECOACH_CONFIG adds off-limits, unprofessional and filler phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicecoach.analysis import analyze_answer
from voicecoach.analysis.config import AnalysisConfig, load_config
from voicecoach.errors import UsageError


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "nope.toml") == AnalysisConfig()


def test_env_config_is_used_by_analyze_answer(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, """
[analysis]
extra_off_limits = { beliefs = ["numerology"], politics = ["the referendum"] }
extra_unprofessional = ["yolo"]
extra_fillers = ["okay so"]
""")
    monkeypatch.setenv("VOICECOACH_CONFIG", str(path))
    text = "Okay so numerology guides me. Okay so yolo. Okay so I ship. Okay so done."
    report = analyze_answer(text)
    assert {"off_limits_topic", "unprofessional_language", "filler_words"} <= (
        report.checks_fired()
    )
    topics = {f.detail["topic"] for f in report.findings if f.check == "off_limits_topic"}
    assert topics == {"beliefs"}
    monkeypatch.setenv("VOICECOACH_CONFIG", str(tmp_path / "none.toml"))
    assert "off_limits_topic" not in analyze_answer(text).checks_fired()


@pytest.mark.parametrize("body", [
    "[analysis]\nextra_off_limits = { sports = ['football'] }\n",
    "[analysis]\nextra_fillers = 'um'\n",
    "not = valid = toml\n",
])
def test_bad_config_is_a_usage_error(tmp_path: Path, body: str) -> None:
    with pytest.raises(UsageError, match=r"config\.toml"):
        load_config(write(tmp_path, body))
