"""leaving_discretion: answers to "why did you leave / why are you looking?".

Blaming the old employer or over-explaining is flagged; a short neutral framing plus what was
learned or what comes next is praised (guidance.md section 3). Runs after negativity and reuses
its evidence.
"""

from __future__ import annotations

import re

from voicecoach.analysis.checks.base import CheckResult, Context

OVER_EXPLAINING_WORDS = 200  # guidance.md section 3: "a short neutral framing ... is enough"
_NEUTRAL_RE = re.compile(
    r"\b(?:(?:wasn'?t|not) (?:the )?(?:right|best|a good) (?:fit|match)|eliminated|restructur\w*|"
    r"laid off|layoffs?|reorgani[sz]\w*|merg\w+|contract (?:ended|was up)|ready for|looking for|"
    r"want(?:ed)? to (?:grow|move|focus|build|learn)|next step|relocat\w*|closed)\b",
    re.IGNORECASE,
)
_LEARNED_RE = re.compile(
    r"\b(?:learn(?:ed|t)|taught me|grateful|thankful|appreciate|proud of|gained|built)\b",
    re.IGNORECASE,
)


def check(ctx: Context) -> CheckResult:
    result = CheckResult()
    if not ctx.question_is("leaving") or not ctx.tokens:
        return result
    blame = ctx.shared.get("negativity") or []
    if blame:
        start, end, _ = blame[0]
        result.findings.append(
            ctx.finding("leaving_discretion", "problem", start, end, {"reason": "blaming"},
                        "blaming")
        )
    elif ctx.n_words > OVER_EXPLAINING_WORDS:
        detail = {"reason": "over_explaining", "words": ctx.n_words}
        result.findings.append(
            ctx.finding("leaving_discretion", "warning", 0, 0, detail, "over_explaining")
        )
    elif _NEUTRAL_RE.search(ctx.norm) and _LEARNED_RE.search(ctx.norm):
        result.strengths.append(
            "You explained leaving briefly and neutrally, and turned it toward what you gained."
        )
    elif _NEUTRAL_RE.search(ctx.norm):
        result.strengths.append("You kept the reason for leaving short and neutral.")
    return result
