"""overselling: grandiose or absolute self-claims ("best you'll ever meet", "never made a mistake").

Quantified, checkable results are praised instead (guidance.md section 2; data/overselling.yaml).
"""

from __future__ import annotations

import re

from voicecoach.analysis.checks.base import CheckResult, Context, preceding_words

# A number with a unit of achievement: "from 3 weeks to 1", "40 percent", "$2.4 million".
_QUANTIFIED_RE = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half)"
    r"\b[^.!?]{0,25}?\b(?:percent|%|hours?|days?|weeks?|months?|dollars?|million|thousand|"
    r"points?|customers|clients|accounts|errors|minutes)\b"
    r"|\bfrom\s+\S+[^.!?]{0,25}?\bto\b",
    re.IGNORECASE,
)


def _negated(ctx: Context, start: int) -> bool:
    window = ctx.norm[max(0, start - 25) : start].lower()
    return any(n in window for n in ctx.lex.oversell_negators)


_FIRST_PERSON = {"i", "i'm", "im", "me", "my", "myself", "i've", "ive", "i'd", "id", "i'll"}
_THIRD_PARTY = {"they", "these", "those", "he", "she", "people", "them", "it", "everyone",
                "she's", "he's", "they're", "theyre", "our", "their", "his", "her", "the"}


def _about_others(ctx: Context, start: int) -> bool:
    """'These people work harder than anyone' praises others, not the candidate.

    True when, reading back from the comparison over six words, a third-party subject comes
    before any first-person word.
    """
    if ctx.norm[start : start + 4].lower().split(" ")[0] in _FIRST_PERSON:
        return False  # "the truth is I'm the best ..." is about the candidate
    for word in reversed(preceding_words(ctx.norm, start, 6)):
        if word in _FIRST_PERSON:
            return False
        if word in _THIRD_PARTY:
            return True
    return False


def _backed_by_numbers(ctx: Context, start: int) -> bool:
    """'Top seller in my region, 140 percent of quota' is a checkable ranking, not a boast."""
    sent = ctx.sentence_at(start)
    return sent is not None and bool(_QUANTIFIED_RE.search(sent.text(ctx.norm)))


def claim_spans(ctx: Context) -> list[tuple[int, int]]:
    spans = [
        (m.start(), m.end())
        for m in ctx.lex.oversell_super_re.finditer(ctx.norm)
        if not _negated(ctx, m.start()) and not _backed_by_numbers(ctx, m.start())
        and not _about_others(ctx, m.start())
    ]
    spans += [(m.start(), m.end()) for m in ctx.lex.oversell_abs_re.finditer(ctx.norm)]
    return sorted(set(spans))


def check(ctx: Context) -> CheckResult:
    spans = claim_spans(ctx)
    quantified = len(_QUANTIFIED_RE.findall(ctx.norm))
    result = CheckResult(metrics={"grandiose_claims": len(spans), "quantified_results": quantified})
    if spans:
        start, end = spans[0]
        detail = {"count": len(spans), "spans": [[s, e] for s, e in spans]}
        result.findings.append(ctx.finding("overselling", "problem", start, end, detail))
    elif quantified:
        result.strengths.append("You backed your claims with specific numbers.")
    return result
