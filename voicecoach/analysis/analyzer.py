"""`analyze_answer`: run every text check on one answer and assemble the report.

Pure Python over text: no audio or speech-to-text packages are imported, and any input (empty,
huge, non-English, emoji, control characters) yields a valid report.
"""

from __future__ import annotations

from typing import Any

from voicecoach.analysis.checks import CHECKS, Context
from voicecoach.analysis.config import AnalysisConfig, load_config
from voicecoach.analysis.lexicon import get_lexicon
from voicecoach.analysis.report import AnswerReport
from voicecoach.analysis.summary import rank, summarize
from voicecoach.analysis.text import normalize, sentences, tokenize
from voicecoach.analysis.tone import tone_metrics

MAX_TONE_SENTENCES = 200  # per-sentence tone for very long inputs would dominate the run time


def analyze_answer(
    transcript: str,
    question: str | None = None,
    *,
    config: AnalysisConfig | None = None,
    metrics: dict[str, Any] | None = None,
) -> AnswerReport:
    """Judge one answer the way a recruiter would.

    transcript: the answer text (offsets in findings refer to it).
    question: the question asked, if known (enables leaving_discretion and structure).
    config: extra word lists; None reads the user's config file (see `config.py`).
    metrics: figures already known, e.g. {"duration_s": 74.2} from audio; copied into the
        report, and a known duration turns off the word-count length check.
    """
    text = transcript if isinstance(transcript, str) else str(transcript or "")
    config = load_config() if config is None else config
    tokens = tokenize(text)
    sents = sentences(text, tokens)
    ctx = Context(
        text=text,
        norm=normalize(text),
        tokens=tokens,
        sentences=sents,
        question=question,
        config=config,
        lex=get_lexicon(config),
        known_metrics=dict(metrics or {}),
    )
    findings, strengths = [], []
    out_metrics: dict[str, Any] = {
        **ctx.known_metrics,
        "word_count": len(tokens),
        "sentence_count": len(sents),
    }
    for fn in CHECKS.values():
        result = fn(ctx)
        findings.extend(result.findings)
        strengths.extend(s for s in result.strengths if s not in strengths)
        out_metrics.update(result.metrics)
    out_metrics["tone"] = tone_metrics(text, sents[:MAX_TONE_SENTENCES])
    ranked = rank(findings)
    return AnswerReport(
        transcript=text,
        question=question,
        findings=ranked,
        strengths=strengths,
        metrics=out_metrics,
        summary=summarize(ranked, strengths, len(tokens)),
    )
