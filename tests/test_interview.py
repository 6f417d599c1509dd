"""Interview realism: job-description terms, the preparation check, tailored questions and
follow-ups."""

from __future__ import annotations

import pytest

from voicecoach.analysis.report import AnswerReport, Finding
from voicecoach.interview.followups import choose_follow_up
from voicecoach.interview.job_terms import coverage, extract_terms, term_covered
from voicecoach.interview.preparation import (
    InterviewContext,
    is_company_question,
    preparation_findings,
)
from voicecoach.interview.tailor import personalise, tailor
from voicecoach.session.banks import Question

NURSE_JD = (
    "We are hiring a Registered Nurse for our cardiac step-down unit. Responsibilities include "
    "medication administration, telemetry monitoring, patient education and discharge planning. "
    "Requirements: BLS and ACLS certification, two years of acute care experience, Epic EHR "
    "documentation, strong communication with physicians and families."
)
DEV_JD = (
    "Senior Python Developer. You will build data pipelines with Python, Airflow and PostgreSQL "
    "on AWS, write unit tests, review code, and mentor junior engineers. Experience with Docker "
    "and Kubernetes is a plus."
)


def test_terms_are_skills_and_duties_not_boilerplate() -> None:
    terms = [t.lower() for t in extract_terms(NURSE_JD)]
    for expected in ("telemetry monitoring", "discharge planning", "medication administration",
                     "registered nurse"):
        assert expected in terms
    joined = " ".join(terms)
    for boiler in ("hiring", "responsibilities", "requirements", "include"):
        assert boiler not in joined
    # "BLS and ACLS" is split into its two skills
    assert any(t == "bls" for t in terms) and "bls and acls" not in terms
    dev = [t.lower() for t in extract_terms(DEV_JD)]
    for expected in ("airflow", "postgresql", "docker", "kubernetes"):
        assert expected in dev
    assert len(dev) == len(set(dev))


def test_empty_description_has_no_terms() -> None:
    assert extract_terms("   ") == []


def test_coverage_per_answer_and_tolerant_matching() -> None:
    terms = ["telemetry monitoring", "discharge planning", "ACLS certification", "Epic EHR"]
    answer = "I did Telemetry-monitoring for years, I handle discharge plans, and I hold ACLS."
    result = coverage(terms, answer)
    assert "ACLS certification" in result["covered"]
    assert "Epic EHR" in result["missed"]
    assert not term_covered("discharge planning", "I like planning trips")
    session = coverage(terms, [answer, "We charted in Epic EHR."])
    assert "Epic EHR" in session["covered"]


@pytest.mark.parametrize(
    "question",
    ["Why do you want to work at Northwind Health?", "What do you know about us?",
     "Why this role?", "What draws you to this position?", "Why are you interested in our school?"],
)
def test_company_questions_are_recognised(question: str) -> None:
    assert is_company_question(question)


@pytest.mark.parametrize(
    "question", ["Tell me about a time you failed.", "What is your greatest weakness?", None]
)
def test_other_questions_are_not_checked(question: str | None) -> None:
    assert not is_company_question(question)
    assert preparation_findings("It's a great company.", question) == []


CTX = InterviewContext("Northwind Health", "Registered Nurse", ("telemetry monitoring",))
Q = "Why do you want to work at Northwind Health?"


@pytest.mark.parametrize(
    "answer",
    [
        "Northwind is a great company with a good reputation, and I think I'd be a good fit.",
        "honestly it just seems like a really good place to work and i want to grow",
        "Because Northwind Health is the best and I have always wanted to work here.",
    ],
)
def test_vague_answers_fire_preparation(answer: str) -> None:
    findings = preparation_findings(answer, Q, CTX)
    assert [f.check for f in findings] == ["preparation"]
    f = findings[0]
    assert answer[f.start:f.end] == f.evidence and f.tip


@pytest.mark.parametrize(
    "answer",
    [
        "I read that you opened a cardiac step-down unit last spring, and that's my background.",
        "Your nurse residency program is why: I want to mentor new graduates.",
        "i've done telemetry monitoring for six years and want to keep doing it on a cardiac floor",
        "From what I saw at your open house, the teachers plan together.",
        "You were rated top in the state for patient safety two years running.",
    ],
)
def test_specific_answers_do_not_fire(answer: str) -> None:
    assert preparation_findings(answer, Q, CTX) == []


def _q(qid: str, text: str) -> Question:
    return Question(id=qid, text=text, category="motivation", follow_ups=(), strong_answer="",
                    bank="general")


def test_tailored_questions_come_first_and_names_are_worked_in() -> None:
    ctx = InterviewContext("Northwind Health", "charge nurse")
    bank = [_q("why-role", "Why do you want this role?"),
            _q("why-here", "Why do you want to work here?"),
            _q("about-company", "What do you like about this company?")]
    asked = tailor(bank, ctx, count=None)
    assert asked[0].text == "Why do you want to work at Northwind Health?"
    assert any("charge nurse role" in q.text for q in asked)
    assert "Northwind Health" in personalise(bank[2], ctx).text
    assert personalise(bank[1], ctx).text == "Why do you want to work at Northwind Health?"
    assert len(tailor(bank, ctx, count=2)) == 2
    assert tailor(bank, InterviewContext(), count=None) == bank
    assert tailor(bank, InterviewContext(), count=1) == bank[:1]


def _report(checks: list[str], text: str = "An answer.", words: int = 60) -> AnswerReport:
    findings = [Finding(c, "problem", "x", 0, 1, "m", "t") for c in checks]
    return AnswerReport(text, findings=findings, metrics={"word_count": words})


def test_follow_up_is_chosen_from_the_analysis() -> None:
    assert choose_follow_up(_report(["structure"])) == ("structure", "What was the outcome?")
    assert choose_follow_up(_report(["filler_words", "negativity"]))[1] == (  # type: ignore[index]
        "What did you take away from that experience?")
    assert "specific example" in choose_follow_up(_report(["hedging"]))[1]  # type: ignore[index]
    assert choose_follow_up(_report([])) is None
    assert choose_follow_up(_report([], words=10))[0] == "short"  # type: ignore[index]
    assert choose_follow_up(_report([], text="", words=0)) is None
