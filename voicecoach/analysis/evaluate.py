"""Measure the six labeled checks against a JSONL file of labeled answers.

Each line: {"id", "question", "answer", "labels": {check: bool, "off_limits_topic": [topics]}}
(the schema of shared/eval/answers-dev.jsonl). Used by `voicecoach eval` and the tests.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicecoach.analysis.analyzer import analyze_answer
from voicecoach.analysis.checks import LABELED_CHECKS
from voicecoach.analysis.config import AnalysisConfig
from voicecoach.errors import UsageError


@dataclass
class CheckScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalResult:
    """Per-check scores, macro-F1, topic accuracy and clean-answer false alarms."""

    n: int = 0
    scores: dict[str, CheckScore] = field(default_factory=dict)
    topic_correct: int = 0
    topic_total: int = 0
    clean_total: int = 0
    clean_flagged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        return statistics.fmean(s.f1 for s in self.scores.values()) if self.scores else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": self.n,
            "checks": {
                name: {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                       "f1": round(s.f1, 3), "tp": s.tp, "fp": s.fp, "fn": s.fn}
                for name, s in self.scores.items()
            },
            "macro_f1": round(self.macro_f1, 3),
            "topic_accuracy": round(self.topic_correct / self.topic_total, 3)
            if self.topic_total else None,
            "clean_answers": self.clean_total,
            "clean_flagged": self.clean_flagged,
            "errors": self.errors,
        }


def load_cases(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read eval file {path}: {exc.strerror or exc}") from exc
    cases = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            case["answer"], case["labels"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}:{i}: not a labeled answer ({exc})") from exc
        cases.append(case)
    return cases


def evaluate(cases: list[dict[str, Any]], config: AnalysisConfig | None = None) -> EvalResult:
    config = AnalysisConfig() if config is None else config
    res = EvalResult(n=len(cases), scores={c: CheckScore() for c in LABELED_CHECKS})
    for case in cases:
        report = analyze_answer(case["answer"], case.get("question"), config=config)
        fired = report.checks_fired()
        labels = case["labels"]
        topics_pred = sorted({f.detail.get("topic") for f in report.findings
                              if f.check == "off_limits_topic"})
        truth_any = False
        for check in LABELED_CHECKS:
            truth = bool(labels.get(check))
            truth_any |= truth
            pred = check in fired
            score = res.scores[check]
            score.tp += truth and pred
            score.fp += pred and not truth
            score.fn += truth and not pred
            if truth != pred:
                res.errors.append({"id": case.get("id"), "check": check,
                                   "kind": "missed" if truth else "false alarm"})
        if labels.get("off_limits_topic") and topics_pred:
            res.topic_total += 1
            res.topic_correct += topics_pred == sorted(labels["off_limits_topic"])
        if not truth_any:
            res.clean_total += 1
            res.clean_flagged += bool(fired & set(LABELED_CHECKS))
    return res


def speed(words: int = 300, runs: int = 30) -> float:
    """Median analyze_answer time in milliseconds for a `words`-word answer, after warm-up."""
    base = ("So last spring I led the migration of our billing system, and honestly it was "
            "hard because the old vendor had left little documentation. I set up a weekly "
            "review, we tested every invoice path, and we cut failed payments by forty percent. ")
    text = " ".join((base * (words // len(base.split()) + 1)).split()[:words])
    config = AnalysisConfig()
    for _ in range(3):
        analyze_answer(text, "Tell me about a time you led a project.", config=config)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        analyze_answer(text, "Tell me about a time you led a project.", config=config)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)
