"""negativity: venting about or disparaging employers, managers, colleagues or clients.

Sad words are not the signal (a terrible outage told factually is fine). The signal is WHO is
judged: a target (boss, management, client, coworker, or a pronoun once one was mentioned) and a
disparaging predicate in the same sentence, or a venting/sarcasm pattern ("let's just say",
"wasn't exactly known for") in an answer about such people (guidance.md section 3;
data/negativity.yaml).
"""

from __future__ import annotations

from voicecoach.analysis.checks.base import CheckResult, Context, preceding_words

MAX_GAP = 70  # characters between target and predicate still quoted as one piece of evidence
SELF = {"i", "i'm", "i've", "i'd", "me", "myself", "we", "we're", "we'd"}


def _self_directed(ctx: Context, start: int) -> bool:
    """'I micromanaged at first' is self-criticism, not a dig at someone else."""
    return bool(SELF.intersection(preceding_words(ctx.norm, start, 2)))


def hits(ctx: Context) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each dig; kind is 'disparaging' or 'venting'."""
    targets = [(m.start(), m.end()) for m in ctx.lex.neg_target_re.finditer(ctx.norm)]
    asked_about = bool(ctx.question and ctx.lex.neg_target_re.search(ctx.question))
    if targets or asked_about:  # "he"/"they" refer to someone named here or in the question
        targets += [
            (t.start, t.end) for t in ctx.tokens if t.norm in ctx.lex.neg_pronouns
        ]
    if not targets:
        return []
    found: list[tuple[int, int, str]] = []
    for m in ctx.lex.neg_disparaging_re.finditer(ctx.norm):
        sent = ctx.sentence_at(m.start())
        if sent is None or _self_directed(ctx, m.start()):
            continue
        in_sentence = [t for t in targets if sent.start <= t[0] < sent.end and t[0] != m.start()]
        if not in_sentence:
            continue
        before = [t for t in in_sentence if t[1] <= m.start() and m.start() - t[1] <= MAX_GAP]
        start = before[-1][0] if before else m.start()
        found.append((start, m.end(), "disparaging"))
    for m in ctx.lex.neg_venting_re.finditer(ctx.norm):
        found.append((m.start(), m.end(), "venting"))
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for s, e, kind in found:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, kind))
    return kept


def check(ctx: Context) -> CheckResult:
    found = hits(ctx)
    ctx.shared["negativity"] = found
    result = CheckResult(metrics={"negativity_hits": len(found)})
    if found:
        start, end, kind = found[0]
        detail = {"kind": kind, "count": len(found), "spans": [[s, e] for s, e, _ in found]}
        result.findings.append(ctx.finding("negativity", "problem", start, end, detail))
    return result
