"""Choosing one follow-up question from the analysis of an answer, as an interviewer would.

No result stated -> ask for the outcome; venting -> ask what was learned; vague, hedged or
inflated -> ask for a specific example. Answers with none of these get no follow-up.
"""

from __future__ import annotations

from voicecoach.analysis.report import AnswerReport

# Checked in order; the first check that fired picks the follow-up. Written in our own words.
FOLLOW_UPS: tuple[tuple[str, str], ...] = (
    ("negativity", "What did you take away from that experience?"),
    ("leaving_discretion", "What did you learn there that you would bring to this role?"),
    ("structure", "What was the outcome?"),
    ("overselling", "Can you give me a specific example, with a result you could point to?"),
    ("preparation", "What specifically about us made you apply?"),
    ("hedging", "Can you give me a specific example?"),
)
SHORT_ANSWER_WORDS = 25  # under about 20 s of speech (guidance: too thin); ask for more


def choose_follow_up(report: AnswerReport) -> tuple[str, str] | None:
    """(reason, question text) for the follow-up to ask, or None."""
    fired = report.checks_fired()
    for check, text in FOLLOW_UPS:
        if check in fired:
            return check, text
    words = report.metrics.get("word_count")
    if report.transcript.strip() and isinstance(words, int) and words < SHORT_ANSWER_WORDS:
        return "short", "Can you tell me a bit more about that, with a specific example?"
    return None
