"""filler_words: um, uh, filler "like", "you know" and friends, counted per 100 words.

"like" and "you know" are only counted in filler position, so "I'd like to" or "you know how"
never count (guidance.md Delivery habits; thresholds in data/fillers.yaml).
"""

from __future__ import annotations

import re

from voicecoach.analysis.checks.base import CheckResult, Context, next_word, preceding_words

_LIKE_RE = re.compile(r"(?<![\w'])like(?![\w'])", re.IGNORECASE)
_YOU_KNOW_RE = re.compile(r"(?<![\w'])you know(?![\w'])", re.IGNORECASE)


def _comma_before(norm: str, start: int) -> bool:
    return norm[:start].rstrip(" ").endswith((",", "\u2014", "-"))


def _comma_after(norm: str, end: int) -> bool:
    return norm[end:].lstrip(" ")[:1] in {",", "\u2014"}


def _like_is_filler(ctx: Context, m: re.Match[str]) -> bool:
    top = ctx.lex.fillers
    rules = top["like"]
    prev2 = preceding_words(ctx.norm, m.start(), 2)
    before = (prev2 or [""])[-1]
    nxt = next_word(ctx.norm, m.end())
    number_next = nxt in top["like_number_next"] or nxt[:1].isdigit()
    if number_next and before not in rules["before_verb_use"]:
        return True
    if (len(prev2) == 2 and prev2[0] in top["like_quotative_subjects"]
            and before in top["like_quotative_be"]):
        return True
    if _comma_after(ctx.norm, m.end()):
        return before not in rules["before_verb_use"] or _comma_before(ctx.norm, m.start())
    if _comma_before(ctx.norm, m.start()):
        return nxt not in rules["comparison_next"]
    if before in rules["after_be"] or before in rules["after_conjunction"]:
        return nxt not in rules["comparison_next"] and nxt != ""
    return False


def _you_know_is_filler(ctx: Context, m: re.Match[str]) -> bool:
    rules = ctx.lex.fillers["you_know"]
    before = (preceding_words(ctx.norm, m.start(), 1) or [""])[-1]
    if before in rules["not_after"]:
        return False
    if before in ctx.lex.fillers["like"]["after_be"]:
        return True
    if _comma_before(ctx.norm, m.start()) or _comma_after(ctx.norm, m.end()):
        return True
    return next_word(ctx.norm, m.end()) not in rules["not_before"]


def filler_spans(ctx: Context) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in ctx.lex.filler_re.finditer(ctx.norm)]
    spans += [(m.start(), m.end()) for m in _LIKE_RE.finditer(ctx.norm) if _like_is_filler(ctx, m)]
    spans += [
        (m.start(), m.end()) for m in _YOU_KNOW_RE.finditer(ctx.norm) if _you_know_is_filler(ctx, m)
    ]
    return sorted(set(spans))


def check(ctx: Context) -> CheckResult:
    spans = filler_spans(ctx)
    count = len(spans)
    rate = 100.0 * count / ctx.n_words if ctx.n_words else 0.0
    result = CheckResult(metrics={"filler_count": count, "fillers_per_100_words": round(rate, 2)})
    th = ctx.lex.fillers["threshold"]
    if count >= th["min_count"] and rate >= th["per_100_words"]:
        start, end = spans[0]
        detail = {
            "count": count,
            "rate": f"{rate:.1f}",
            "fillers": sorted({ctx.norm[s:e].lower() for s, e in spans}),
            "spans": [[s, e] for s, e in spans],
        }
        result.findings.append(ctx.finding("filler_words", "warning", start, end, detail))
    elif ctx.n_words >= 40 and count == 0:
        result.strengths.append("You spoke cleanly, with no filler words.")
    return result
