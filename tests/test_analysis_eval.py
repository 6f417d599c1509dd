"""Measured quality: the dev-set targets and our own harder extra set must hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicecoach.analysis.evaluate import evaluate, load_cases
from voicecoach.errors import UsageError

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "answers-dev.jsonl"
EXTRA = ROOT / "tests" / "data" / "answers-extra.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="shared dev set not present")
def test_dev_set_targets() -> None:
    result = evaluate(load_cases(DEV))
    data = result.to_dict()
    assert data["macro_f1"] >= 0.90
    assert all(c["f1"] >= 0.80 for c in data["checks"].values()), data["checks"]
    assert result.clean_flagged <= 2
    assert data["topic_accuracy"] >= 0.85


def test_extra_set_is_big_varied_and_passes() -> None:
    cases = load_cases(EXTRA)
    assert len(cases) >= 40
    lowercase_unpunctuated = [c for c in cases if c["answer"] == c["answer"].lower()
                              and "." not in c["answer"]]
    assert len(lowercase_unpunctuated) >= 10
    data = evaluate(cases).to_dict()
    assert data["macro_f1"] >= 0.85
    assert all(c["f1"] >= 0.75 for c in data["checks"].values()), data["checks"]
    assert data["clean_flagged"] <= 2


def test_load_cases_reports_bad_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"answer": "x", "labels": {}}\nnot json\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad\.jsonl:2"):
        load_cases(bad)
    with pytest.raises(UsageError, match="cannot read"):
        load_cases(tmp_path / "missing.jsonl")
