"""Role banks: the shipped nursing, retail, finance, teaching and trades banks meet their brief.

Each bank mixes motivation, behavioural, technical, leaving and conflict questions, and every
question carries a strong-answer note in our own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voicecoach.session.banks import CATEGORIES, list_banks, load_bank

SHIPPED = Path(__file__).resolve().parents[1] / "question_banks"
ROLE_BANKS = ("nursing", "retail", "finance", "teaching", "trades")
BEHAVIORAL_OPENINGS = ("Tell me about a time", "Describe a time", "Give me an example")


@pytest.fixture(autouse=True)
def _no_user_banks(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own $VOICECOACH_BANKS must not shadow the shipped banks.
    monkeypatch.delenv("VOICECOACH_BANKS", raising=False)


def test_role_banks_are_listed_from_the_shipped_folder() -> None:
    summaries = {s.name: s for s in list_banks()}
    for name in ROLE_BANKS:
        assert summaries[name].path == SHIPPED / f"{name}.yaml"
        assert summaries[name].description
        assert 10 <= summaries[name].count <= 14, name


@pytest.mark.parametrize("name", ROLE_BANKS)
def test_role_bank_loads_with_unique_ids_and_strong_answers(name: str) -> None:
    bank = load_bank(name)
    assert bank.name == name
    assert len(bank.questions) >= 10
    ids = [q.id for q in bank.questions]
    assert len(set(ids)) == len(ids)
    for q in bank.questions:
        assert q.bank == name
        assert q.category in CATEGORIES
        assert q.text.strip() and q.text == q.text.strip()
        assert "{" not in q.text and "}" not in q.text, q.id  # plain text, no template slots
        assert q.strong_answer.strip(), q.id
        assert len(q.strong_answer.split()) >= 15, q.id  # a real note, not a placeholder
        assert all(f.strip() for f in q.follow_ups)


@pytest.mark.parametrize("name", ROLE_BANKS)
def test_role_bank_covers_the_categories(name: str) -> None:
    questions = load_bank(name).questions
    categories = {q.category for q in questions}
    assert {"behavioral", "technical", "leaving", "conflict", "motivation"} <= categories
    assert sum(1 for q in questions if q.follow_ups) >= 3
    leaving = [q for q in questions if q.category == "leaving"]
    assert all("leaving" in q.text.lower() for q in leaving)


@pytest.mark.parametrize("name", ROLE_BANKS)
def test_behavioral_questions_are_asked_as_stories(name: str) -> None:
    for q in load_bank(name).questions:
        if q.category == "behavioral":
            assert q.text.startswith(BEHAVIORAL_OPENINGS), q.id
        if q.text.startswith(BEHAVIORAL_OPENINGS):
            assert q.category == "behavioral", q.id
