"""The `preparation` check: does an answer to a company or role question say anything specific?

A specific detail is any of: a term from the job description, something the candidate found out
("I read that you opened a second clinic"), a concrete thing of the employer's ("your open
house", "your billing platform"), a name other than the company's own, or a number. Generic
praise that fits any employer ("a great company with a good reputation") is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from voicecoach.analysis.report import Finding
from voicecoach.interview.job_terms import term_covered

DATA = Path(__file__).with_name("data") / "preparation.yaml"

TIPS = (
    "Before the interview, find two facts about the employer, such as a recent project, a "
    "service they are proud of, or how the team works, and name one of them in this answer.",
    "Show you did your homework: link one specific thing about the company to a skill of yours, "
    "instead of praise that would fit any employer.",
    "Swap the general praise for one concrete detail about the company or the role, and say "
    "why it matters to you.",
)


@dataclass(frozen=True)
class InterviewContext:
    """What the candidate is interviewing for. Empty fields mean unknown."""

    company: str = ""
    role: str = ""
    job_terms: tuple[str, ...] = field(default_factory=tuple)

    @property
    def known(self) -> bool:
        return bool(self.company or self.role or self.job_terms)


@cache
def _rules() -> dict[str, Any]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    return {
        "questions": [re.compile(p) for p in data["company_questions"]],
        "vague": [re.compile(p, flags) for p in data["vague_phrases"]],
        "research": [re.compile(p, flags) for p in data["research_markers"]],
        "generic_your": set(data["generic_your_nouns"]),
    }


def is_company_question(question: str | None) -> bool:
    if not question:
        return False
    rules = _rules()
    return any(p.search(question) or p.search(question.lower()) for p in rules["questions"])


_YOUR = re.compile(r"\byour\s+(?:[a-z-]+\s+){0,2}?([a-z-]{3,})", re.IGNORECASE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")
_NUMBER = re.compile(r"\d")


def specific_details(answer: str, context: InterviewContext) -> list[str]:
    """The specific things the answer mentions (empty when it is generic)."""
    rules = _rules()
    found = [t for t in context.job_terms if term_covered(t, answer)]
    found += [m.group(0) for p in rules["research"] for m in p.finditer(answer)]
    for m in _YOUR.finditer(answer):
        noun = m.group(1).lower()
        if noun not in rules["generic_your"] and not noun.endswith("ly"):
            found.append(m.group(0))
    company_words = {w.lower() for w in context.company.split()}
    for m in _NAME.finditer(answer):
        words = {w.lower() for w in m.group(1).split()}
        if words - company_words - {"i", "i'm", "i've", "i'd"}:
            found.append(m.group(1))
    found += _NUMBER.findall(answer)
    return found


def preparation_findings(
    answer: str, question: str | None, context: InterviewContext | None = None
) -> list[Finding]:
    """One `preparation` finding when a company/role answer names nothing specific."""
    context = context or InterviewContext()
    if not answer.strip() or not is_company_question(question):
        return []
    if specific_details(answer, context):
        return []
    vague = next((m for p in _rules()["vague"] for m in [p.search(answer)] if m), None)
    if vague:
        evidence, start, end = vague.group(0), vague.start(), vague.end()
        message = f"'{evidence}' could be said of any employer; nothing specific was named."
    else:  # a whole-answer finding: nothing to highlight
        evidence, start, end = "", 0, 0
        message = "The answer names nothing specific about the company or the role."
    who = context.company or "the company"
    tip = TIPS[len(answer) % len(TIPS)].replace("the company", who, 1)
    return [Finding("preparation", "problem", evidence, start, end, message, tip,
                    {"company": context.company, "role": context.role})]
