"""hedging: phrases that undercut the speaker's own claims ("I guess", "maybe", "kind of").

A hedge only counts in a sentence about the speaker (first person) or in a short fragment
answer, and "I think" only counts before a claim about the speaker. Two or more fire the check
(guidance.md Delivery habits; data/hedging.yaml).
"""

from __future__ import annotations

from voicecoach.analysis.checks.base import CheckResult, Context, next_word, preceding_words


def _about_speaker(ctx: Context, offset: int) -> bool:
    sent = ctx.sentence_at(offset)
    if sent is None:
        return False
    first = set(ctx.lex.hedging["first_person"])
    if len(sent.tokens) <= ctx.lex.hedging["fragment_words"]:
        return True
    return any(t.norm in first for t in sent.tokens)


def hedge_spans(ctx: Context) -> list[tuple[int, int]]:
    hed = ctx.lex.hedging
    spans = [(m.start(), m.end()) for m in ctx.lex.hedge_strong_re.finditer(ctx.norm)]
    for m in ctx.lex.hedge_kind_re.finditer(ctx.norm):
        before = (preceding_words(ctx.norm, m.start(), 1) or [""])[-1]
        if before not in hed["kind_of_noun_before"]:
            spans.append((m.start(), m.end()))
    weak_next = set(hed["weak_next"])
    for m in ctx.lex.hedge_weak_re.finditer(ctx.norm):
        nxt = next_word(ctx.norm, m.end())
        if nxt == "" or nxt in weak_next:
            spans.append((m.start(), m.end()))
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if kept and s < kept[-1][1]:
            continue  # overlapping ("I'd probably say" vs "probably")
        if _about_speaker(ctx, s):
            kept.append((s, e))
    return kept


def check(ctx: Context) -> CheckResult:
    spans = hedge_spans(ctx)
    result = CheckResult(metrics={"hedge_count": len(spans)})
    if len(spans) >= ctx.lex.hedging["threshold"]["min_count"]:
        start, end = spans[0]
        detail = {"count": len(spans), "spans": [[s, e] for s, e in spans]}
        result.findings.append(ctx.finding("hedging", "warning", start, end, detail))
    elif ctx.n_words >= 40 and not spans:
        result.strengths.append("You stated your experience with confidence.")
    return result
