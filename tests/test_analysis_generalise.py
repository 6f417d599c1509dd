"""The clause-level mechanisms that carry the checks to unseen wording (raw ASR, sarcasm,
understatement, buried remarks), each with the tricky negatives it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicecoach.analysis import analyze_answer
from voicecoach.analysis.config import AnalysisConfig
from voicecoach.analysis.evaluate import evaluate, load_cases
from voicecoach.analysis.lexicon import vader_words

CFG = AnalysisConfig()
EXTRA2 = Path(__file__).resolve().parent / "data" / "answers-extra2.jsonl"


def fired(text: str, question: str | None = None) -> set[str]:
    return analyze_answer(text, question, config=CFG).checks_fired()


def test_vader_lexicon_is_read_without_importing_it() -> None:
    words = vader_words(-1.5)
    assert {"useless", "incompetent", "rude"} <= words
    assert "happy" not in words


@pytest.mark.parametrize("text", [
    # evaluative word predicated of a target (VADER + curated list)
    "the new regional manager was honestly so incompetent that we stopped asking him anything",
    # role noun from the broader lexicon + incompetence frame, no punctuation
    "the scheduler before me couldnt build a rota to save her life so i rebuilt it",
    # sarcasm / understatement with the target inside the marker
    "planning was not exactly the ops team's strong suit but we got the trucks out",
    "my mentor's idea of feedback was a thumbs up emoji two weeks later",
    # laziness frame across an unpunctuated window
    "our shift supervisor basically slept through most of the overnight and i covered the floor",
])
def test_negativity_clause_model_fires(text: str) -> None:
    assert "negativity" in fired(text)


@pytest.mark.parametrize("text", [
    "the vendor went bankrupt halfway through so we migrated to a new platform in six weeks",
    "my manager was strict about documentation which saved us in an audit",
    "i used to micromanage my junior designers and now i set checkpoints instead",
    "the store's flu clinic ran every saturday and i trained two technicians for it",
    "Nobody wants that kind of mess on their shift, so I restock early.",
    "i want a company that actually invests in training",  # no reference to the old workplace
])
def test_negativity_clause_model_quiet(text: str) -> None:
    assert "negativity" not in fired(text)


def test_implied_contrast_needs_a_leaving_context() -> None:
    text = "so im ready for somewhere that actually plans ahead"
    assert "negativity" in fired(text, "Why are you leaving your current job?")
    assert "negativity" not in fired(text, "What do you enjoy about planning?")


@pytest.mark.parametrize("text", [
    "theres not a contract out there i cant negotiate",
    "i basically ran that whole store by myself",
    "nothing got done in that office without me",
    "nobody on my shift came close to my numbers",
    "any client i take on ends up renewing",
    "ive never shipped a feature that users complained about",
])
def test_overselling_general_mechanisms(text: str) -> None:
    assert "overselling" in fired(text)


@pytest.mark.parametrize("text", [
    "i basically run the floor for events up to three hundred guests",
    "i check every invoice and i review every order before it ships",
    "ive never worked with kubernetes but i have used docker for two years",
])
def test_overselling_quiet_on_plain_statements(text: str) -> None:
    assert "overselling" not in fired(text)


@pytest.mark.parametrize(("text", "topic"), [
    ("honestly the mayor is wrecking this city with those parking fees", "politics"),
    ("im a big second amendment guy and id vote against anyone who disagrees", "politics"),
    ("it was gods plan for me and i trust the lord with the rest", "religion"),
    ("i never got the shot i did my own research", "beliefs"),
])
def test_off_limits_opinion_frames(text: str, topic: str) -> None:
    report = analyze_answer(text, None, config=CFG)
    topics = {f.detail["topic"] for f in report.findings if f.check == "off_limits_topic"}
    assert topic in topics


@pytest.mark.parametrize("text", [
    "i prepare returns for clients after the tax changes and track the governor's budget bills",
    "election night i built the live results map for ninety precincts",
    "i ran the flu and covid vaccine clinics at our pharmacy last fall",
    "i did the facilities work for a church campus including a new roof",
    "it wasn't the right fit, and I learned a lot there",
])
def test_off_limits_quiet_on_work_domain(text: str) -> None:
    assert "off_limits_topic" not in fired(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("um so basically my mom was on like eleven medications and i was like i want that", True),
    ("uh the pharmacist was you know the only one who um explained it um", True),
    ("i would like two more shifts a week and i know you know the area", False),
])
def test_filler_like_before_numbers_quotative_and_you_know_after_be(
    text: str, expected: bool
) -> None:
    assert ("filler_words" in fired(text)) is expected


def test_extra2_set_passes() -> None:
    cases = load_cases(EXTRA2)
    assert len(cases) >= 40
    data = evaluate(cases).to_dict()
    assert data["macro_f1"] >= 0.90
    assert all(c["f1"] >= 0.80 for c in data["checks"].values()), data["checks"]
    assert data["clean_flagged"] <= 2
