"""Working the company and role into the interview's questions.

With a company or role given, the interviewer opens with questions about them ("Why do you want
to work at Northwind Health?") and generic references in bank questions ("this company", "this
role") are replaced by the real names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from voicecoach.interview.preparation import InterviewContext
from voicecoach.session.banks import Question

_COMPANY = re.compile(r"\b(this|our|the) (company|organi[sz]ation)\b|\bwork here\b", re.I)
_ROLE = re.compile(r"\b(this|the) (role|position|job)\b", re.I)


def tailored_openers(context: InterviewContext) -> list[Question]:
    """Questions about the company and the role, asked first."""
    out = []
    if context.company:
        out.append(Question(
            id="why-company", text=f"Why do you want to work at {context.company}?",
            category="motivation", follow_ups=(), bank="tailored",
            strong_answer="Names something specific about the company and ties it to your "
            "own experience."))
        out.append(Question(
            id="know-company", text=f"What do you know about {context.company}?",
            category="motivation", follow_ups=(), bank="tailored",
            strong_answer="Shows research: what they do, something recent, and why it "
            "matters for the role."))
    if context.role:
        out.append(Question(
            id="why-role", text=f"Why are you interested in this {context.role} role?",
            category="motivation", follow_ups=(), bank="tailored",
            strong_answer="Connects what the role needs to what you have done, with an "
            "example."))
    return out


def personalise(question: Question, context: InterviewContext) -> Question:
    """Replace "this company"/"this role" in a bank question with the real names."""
    text = question.text
    if context.company:
        text = _COMPANY.sub(
            lambda m: f"work at {context.company}" if m.group(0).lower() == "work here"
            else context.company, text)
    if context.role:
        text = _ROLE.sub(f"this {context.role} role", text)
    return question if text == question.text else replace(question, text=text)


def tailor(
    questions: list[Question], context: InterviewContext, count: int | None
) -> list[Question]:
    """Openers about the company/role first, then the bank's questions personalised."""
    if not (context.company or context.role):
        return questions[:count] if count else questions
    openers = tailored_openers(context)
    ids = {q.id for q in openers}
    rest = [personalise(q, context) for q in questions if q.id not in ids]
    merged = openers + rest
    return merged[:count] if count else merged
