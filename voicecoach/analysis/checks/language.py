"""unprofessional_language: profanity, crude slang and very casual register.

Weighted so one swear word or one strong slang word fires, while a single mildly casual word
does not (guidance.md section 1; data/unprofessional.yaml).
"""

from __future__ import annotations

from voicecoach.analysis.checks.base import CheckResult, Context

WEIGHTS = {"profanity": 2, "slang": 2, "mild": 1}


def casual_spans(ctx: Context) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for kind, regex in ctx.lex.unpro_res.items():
        found += [
            (m.start(), m.end(), kind) for m in regex.finditer(ctx.norm) if m.end() > m.start()
        ]
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for s, e, kind in found:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, kind))
    return kept


def check(ctx: Context) -> CheckResult:
    spans = casual_spans(ctx)
    score = sum(WEIGHTS[k] for _, _, k in spans)
    result = CheckResult(metrics={"casual_score": score})
    if score >= ctx.lex.unpro["threshold"]:
        profane = [s for s in spans if s[2] == "profanity"]
        start, end, kind = (profane or [s for s in spans if s[2] == "slang"] or spans)[0]
        detail = {
            "kind": kind,
            "words": [ctx.text[s:e] for s, e, _ in spans],
            "spans": [[s, e] for s, e, _ in spans],
        }
        severity = "problem" if profane else "warning"
        variant = "profanity" if profane else "default"
        result.findings.append(
            ctx.finding("unprofessional_language", severity, start, end, detail, variant)
        )
    return result
