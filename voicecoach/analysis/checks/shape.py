"""structure, length and repetition: how the answer is built rather than what it says.

structure: a behavioural ("tell me about a time") answer needs an action and a result.
length: words outside the band, only when no audio timing is known (data/length.yaml).
repetition: a content word or a three-word phrase overused (data/repetition.yaml).
"""

from __future__ import annotations

from collections import Counter

from voicecoach.analysis.checks.base import CheckResult, Context


def check_structure(ctx: Context) -> CheckResult:
    result = CheckResult()
    if not ctx.question_is("behavioural") or ctx.n_words < 8:
        return result
    has_action = bool(ctx.lex.structure["action"].search(ctx.norm))
    has_result = bool(ctx.lex.structure["result"].search(ctx.norm))
    result.metrics["star"] = {"action": has_action, "result": has_result}
    if not has_action or not has_result:
        variant = "no_action" if not has_action else "no_result"
        result.findings.append(ctx.finding("structure", "warning", 0, 0, {"missing": variant[3:]},
                                           variant))
    else:
        result.strengths.append("Your story had clear actions and a stated result.")
    return result


def check_length(ctx: Context) -> CheckResult:
    band = ctx.lex.length
    result = CheckResult(metrics={"word_count": ctx.n_words})
    if ctx.known_metrics.get("duration_s") is not None or ctx.n_words == 0:
        return result  # delivery checks judge timing when audio is known
    n = ctx.n_words
    if n < band["too_short"] and not ctx.question_is("small_talk"):
        result.findings.append(ctx.finding("length", "warning", 0, 0, {"words": n}, "too_short"))
    elif n > band["too_long"]:
        result.findings.append(ctx.finding("length", "warning", 0, 0, {"words": n}, "too_long"))
    elif band["target_low"] <= n <= band["target_high"]:
        result.strengths.append("The length was about right for a spoken answer.")
    return result


def check_repetition(ctx: Context) -> CheckResult:
    rep = ctx.lex.repetition
    stop = set(rep["stopwords"])
    result = CheckResult()
    words = [t for t in ctx.tokens if t.norm not in stop and len(t.norm) > 2]
    counts = Counter(t.norm for t in words)
    n = max(ctx.n_words, 1)
    for word, count in counts.most_common(1):
        if count >= rep["word_min_count"] and count / n >= rep["word_min_share"]:
            tok = next(t for t in words if t.norm == word)
            detail = {"word": word, "count": count}
            result.findings.append(ctx.finding("repetition", "warning", tok.start, tok.end, detail))
            return result
    size = rep["phrase_len"]
    grams = Counter(
        tuple(t.norm for t in ctx.tokens[i : i + size]) for i in range(len(ctx.tokens) - size + 1)
    )
    for gram, count in grams.most_common(1):
        if count >= rep["phrase_min_count"] and not set(gram) <= stop:
            i = next(
                i
                for i in range(len(ctx.tokens))
                if tuple(t.norm for t in ctx.tokens[i : i + size]) == gram
            )
            start, end = ctx.tokens[i].start, ctx.tokens[i + size - 1].end
            detail = {"word": " ".join(gram), "count": count}
            result.findings.append(ctx.finding("repetition", "warning", start, end, detail))
    return result
