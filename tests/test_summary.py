"""The end-of-session summary picks the habits that fired most and closes with encouragement."""

from __future__ import annotations

from voicecoach.analysis.report import AnswerReport, Finding
from voicecoach.session.summary import habits, summarize


def _finding(check: str, severity: str = "problem") -> Finding:
    return Finding(check, severity, "x", 0, 1, "noticed", "do this")  # type: ignore[arg-type]


def test_top_habits_are_the_most_frequent_and_severe() -> None:
    reports = [
        AnswerReport("a", findings=[_finding("filler_words"), _finding("hedging", "warning")],
                     strengths=["You gave a specific number."]),
        AnswerReport("b", findings=[_finding("filler_words"), _finding("negativity")],
                     strengths=["You gave a specific number."]),
        AnswerReport("c", findings=[_finding("hedging", "warning")]),
    ]
    summary = summarize(reports)
    assert [p["check"] for p in summary.practise_next] == ["filler_words", "negativity"]
    assert summary.went_well == ["You gave a specific number."]
    assert summary.answered == 3
    assert "practised 3 answers" in summary.text
    assert summary.text.endswith(summary.closing)
    assert summary.practise_next[0]["drill"] in summary.text
    assert summary.practise_next[1]["drill"] in summary.text


def test_clean_session_says_so_and_still_encourages() -> None:
    summary = summarize([AnswerReport("fine", strengths=["Clear and specific."])])
    assert summary.practise_next == []
    assert "No habits stood out" in summary.text
    assert summary.closing and summary.closing in summary.text


def test_empty_session() -> None:
    summary = summarize([])
    assert summary.answered == 0 and "No answers" in summary.text


def test_every_habit_has_text_and_a_drill() -> None:
    table = habits()
    for check in ("negativity", "off_limits_topic", "overselling", "unprofessional_language",
                  "hedging", "filler_words", "leaving_discretion", "structure", "length"):
        assert table[check]["habit"] and table[check]["drill"].endswith(".")
