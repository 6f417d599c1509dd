"""The spoken summary: the most important point first, then what was good.

Findings are ranked by how much a recruiter would care (guidance.md: discretion, off-limits
topics and overselling can end an interview; fillers and length are polish).
"""

from __future__ import annotations

from voicecoach.analysis.report import AnswerReport, Finding

PRIORITY = [
    "negativity",
    "leaving_discretion",
    "off_limits_topic",
    "unprofessional_language",
    "overselling",
    "preparation",
    "structure",
    "hedging",
    "filler_words",
    "pace",
    "pauses",
    "length",
    "volume",
    "monotone",
    "repetition",
]

HEADLINES = {
    "negativity": "The main thing to fix is the criticism of people you've worked with.",
    "leaving_discretion": "The main thing to fix is how you explain leaving.",
    "off_limits_topic": "The main thing to fix is bringing in your personal {topic}.",
    "unprofessional_language": "The main thing to fix is the casual or crude wording.",
    "overselling": "The main thing to fix is an exaggerated claim about yourself.",
    "structure": "The main thing to work on is finishing the story with what you did and the "
    "result.",
    "hedging": "The main thing to work on is hedging your own claims.",
    "filler_words": "The main thing to work on is filler words.",
    "length": "The main thing to work on is the length of the answer.",
    "repetition": "The main thing to work on is repeating the same words.",
    "preparation": "The main thing to fix is showing you know the company and the role.",
    # delivery findings' messages already say what was measured ("You spoke at about 190
    # words a minute..."), which is the most useful thing to hear first
    "pace": "{message}",
    "pauses": "{message}",
    "volume": "{message}",
    "monotone": "{message}",
}


def rank(findings: list[Finding]) -> list[Finding]:
    order = {name: i for i, name in enumerate(PRIORITY)}
    return sorted(findings, key=lambda f: (order.get(f.check, len(order)), f.start))


CLEAN_PRAISE = {
    "negativity": "you spoke about others without criticism",
    "off_limits_topic": "you kept to work topics",
    "overselling": "your claims sounded believable",
    "unprofessional_language": "your wording was professional",
    "hedging": "you sounded sure of yourself",
    "filler_words": "you kept filler words down",
}


def _first_sentence(text: str) -> str:
    """The first sentence of a tip that gives advice (skipping a bare "You said '...'.")."""
    parts = [p if p.endswith((".", "!", "?")) else p + "." for p in text.split(". ") if p]
    advice = [p for p in parts if not p.startswith("You said")]
    return (advice or parts or [text])[0]


def _good_news(findings: list[Finding], strengths: list[str]) -> str:
    if strengths:
        return f"On the plus side: {strengths[0][0].lower()}{strengths[0][1:]}"
    fired = {f.check for f in findings}
    clean = [text for check, text in CLEAN_PRAISE.items() if check not in fired][:2]
    if not clean:
        return "Every one of these is fixable with a little practice."
    return f"On the plus side, {' and '.join(clean)}."


def refresh(report: AnswerReport) -> AnswerReport:
    """Re-rank and re-summarise a report after later stages (interview context, delivery from
    audio) added findings, so the summary still leads with the most important point."""
    report.findings = rank(report.findings)
    n_words = int(report.metrics.get("word_count", len(report.transcript.split())))
    report.summary = summarize(report.findings, report.strengths, n_words)
    return report


def summarize(findings: list[Finding], strengths: list[str], n_words: int) -> str:
    """One to three spoken-ready sentences: the top issue, how to fix it, what was good."""
    if n_words == 0:
        return "There was no answer to judge. Try answering out loud, in a few full sentences."
    if not findings:
        good = strengths[0] if strengths else "It was clear and professional."
        return f"This answer works well. {good}"
    top = findings[0]
    head = HEADLINES.get(top.check, "There is one thing to work on.").format(
        topic=top.detail.get("topic", "views"), message=top.message
    )
    return " ".join([head, _first_sentence(top.tip), _good_news(findings, strengths)])
