"""Tone figures: TextBlob polarity/subjectivity for the answer and each sentence, plus VADER.

TextBlob's sentiment lexicon is the one the product documents, but `import textblob` pulls in
NLTK, which imports numpy, and `analyze_answer` must stay free of numeric/audio packages. So we
load TextBlob's own `_text.py` (standard library only) and its bundled `en-sentiment.xml`
without executing the package `__init__`, and configure the analyser exactly as
`textblob.en.sentiment` does. Scores equal `TextBlob(text).sentiment` (tested).
These are metrics only: polarity is a poor negativity detector (see checks/negativity.py).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from functools import cache
from pathlib import Path
from typing import Any

from voicecoach.analysis.text import Span

log = logging.getLogger(__name__)
_MODULE_NAME = "voicecoach.analysis._textblob_text"


def _textblob_dir() -> Path | None:
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def pattern_sentiment() -> Any | None:
    """TextBlob's PatternAnalyzer engine, loaded without importing NLTK (None if unavailable)."""
    root = _textblob_dir()
    if root is None:
        return None
    try:
        spec = importlib.util.spec_from_file_location(_MODULE_NAME, root / "_text.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[_MODULE_NAME] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        parser = module.Parser(lexicon={}, default=("NN", "NNP", "CD"), language="en")
        sentiment = module.Sentiment(
            path=str(root / "en" / "en-sentiment.xml"),
            synset="wordnet_id",
            negations=("no", "not", "n't", "never"),
            modifiers=("RB",),
            modifier=lambda w: w.endswith("ly"),
            tokenizer=parser.find_tokens,
            language="en",
        )
        sentiment.load()
        _add_adverbs(sentiment)
        return sentiment
    except Exception:  # a changed TextBlob layout must not break analysis
        log.warning("TextBlob sentiment unavailable; tone metrics skipped", exc_info=True)
        return None


def _add_adverbs(sentiment: Any) -> None:
    """Same tweak as textblob.en.Sentiment.load: 'terrible' also scores 'terribly'."""
    for word, pos in list(dict.items(sentiment)):
        if "JJ" in pos:
            stem = word[:-1] + "i" if word.endswith("y") else word
            stem = stem[:-2] if stem.endswith("le") else stem
            p, s, i = pos["JJ"]
            sentiment.annotate(stem + "ly", "RB", p, s, i)


@cache
def vader() -> Any | None:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    return SentimentIntensityAnalyzer()


def polarity_subjectivity(text: str) -> tuple[float, float] | None:
    engine = pattern_sentiment()
    if engine is None or not text.strip():
        return None if engine is None else (0.0, 0.0)
    polarity, subjectivity = engine(text)
    return round(float(polarity), 4), round(float(subjectivity), 4)


def tone_metrics(text: str, sentences: list[Span]) -> dict[str, Any]:
    """Answer-level and per-sentence polarity/subjectivity (TextBlob) and VADER compound.

    VADER is scored per sentence (what it was built for; on one long string its negation scan is
    quadratic) and averaged for the answer.
    """
    out: dict[str, Any] = {}
    analyzer = vader()
    whole = polarity_subjectivity(text)
    per: list[dict[str, Any]] = []
    for s in sentences:
        piece = s.text(text)
        entry: dict[str, Any] = {"start": s.start, "end": s.end}
        ps = polarity_subjectivity(piece)
        if ps is not None:
            entry["polarity"], entry["subjectivity"] = ps
        if analyzer is not None:
            entry["vader_compound"] = round(analyzer.polarity_scores(piece)["compound"], 4)
        per.append(entry)
    if whole is not None:
        out["polarity"], out["subjectivity"] = whole
    scored = [e["vader_compound"] for e in per if "vader_compound" in e]
    if scored:
        out["vader_compound"] = round(sum(scored) / len(scored), 4)
    out["sentences"] = per
    return out
