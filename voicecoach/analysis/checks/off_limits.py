"""off_limits_topic: the candidate's own politics, religion or personal beliefs.

Patterns need a personal stance (first person, an opinion about a political actor, a practice),
so work-domain words such as election software or a church renovation stay quiet (guidance.md
section 4; data/off_limits.yaml; users can add phrases per topic in their config file).
Politics has a second, clause-level mechanism: a political term (an office holder, a party, a
hot-button issue) and an opinion word (stance verb, insult, irony, grievance) in the same
sentence window.
"""

from __future__ import annotations

from voicecoach.analysis.checks.base import CheckResult, Context
from voicecoach.analysis.config import TOPICS


def topic_spans(ctx: Context) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for topic in TOPICS:
        spans = [
            (m.start(), m.end())
            for m in ctx.lex.off_limits_res[topic].finditer(ctx.norm)
            if m.end() > m.start()
        ]
        if topic == "politics":
            spans += _political_opinions(ctx)
        if spans:
            out[topic] = sorted(spans)
    return out


def _political_opinions(ctx: Context) -> list[tuple[int, int]]:
    out = []
    for m in ctx.lex.political_terms_re.finditer(ctx.norm):
        sent = ctx.sentence_at(m.start())
        if sent is None:
            continue
        lo, hi = sent.start, max(sent.end, m.end())
        if ctx.lex.political_opinion_re.search(ctx.norm, lo, hi):
            out.append((m.start(), m.end()))
    return out


def check(ctx: Context) -> CheckResult:
    found = topic_spans(ctx)
    result = CheckResult(metrics={"off_limits_topics": sorted(found)})
    for topic in sorted(found, key=lambda t: found[t][0]):
        start, end = found[topic][0]
        detail = {"topic": topic, "spans": [[s, e] for s, e in found[topic]]}
        result.findings.append(ctx.finding("off_limits_topic", "problem", start, end, detail))
    return result
