"""How fast `voicecoach review` and `voicecoach progress` are over 1,000 saved sessions.

Generates realistic session folders (five answers each with findings and delivery metrics; audio
files are left out because listing never opens them) in a temporary folder, then times:
  cold  - the first listing, which parses every session.json and builds .index.sqlite3;
  warm  - listing again (stat calls plus one SQLite read), the everyday case;
  progress - a warm listing plus the trend computation and the terminal chart.
The target is at most 1 s for the warm listing and for progress.

    .venv/bin/python benchmarks/review_speed.py [--sessions 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from voicecoach.review.catalog import list_sessions
from voicecoach.review.progress import compute
from voicecoach.review.render import render_listing, render_progress
from voicecoach.session.store import write_json_atomic

CHECKS = ["filler_words", "hedging", "negativity", "structure", "length", "overselling"]
TEXT = ("Um, so basically I led a team of five engineers and, you know, we shipped the new "
        "billing system two weeks early, which cut support tickets by a third.")


def _answer(rng: random.Random, index: int) -> dict[str, Any]:
    findings = []
    for check in rng.sample(CHECKS, rng.randint(0, 3)):
        findings.append({"check": check, "severity": rng.choice(["problem", "warning"]),
                         "evidence": "basically", "start": 8, "end": 17,
                         "message": "Noticed.", "tip": "Try a pause instead.", "detail": {}})
    metrics = {"word_count": 28, "wpm": rng.uniform(110, 190),
               "fillers_per_100_words": rng.uniform(0, 9), "pause_count": rng.randint(0, 6),
               "longest_pause_s": rng.uniform(0.5, 3), "polarity": 0.2, "subjectivity": 0.4}
    report = {"transcript": TEXT, "question": "Tell me about yourself.", "findings": findings,
              "strengths": ["A concrete number."], "metrics": metrics, "summary": "Good."}
    return {"index": index, "attempt": 1, "question": {"id": f"q{index}", "text": "Tell me.",
            "category": "general"}, "audio": None, "source": "typed", "skipped": False,
            "transcript": TEXT, "words": [], "report": report}


def generate(root: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, 9, 0, 0)
    for n in range(count):
        when = start + timedelta(hours=7 * n)
        sid = when.strftime("%Y%m%d-%H%M%S")
        folder = root / sid
        folder.mkdir(parents=True)
        write_json_atomic(folder / "session.json", {
            "format": 1, "id": sid, "started": when.isoformat(), "ended": None,
            "bank": rng.choice(["general", "behavioral", "difficult"]), "settings": {},
            "answers": [_answer(rng, i) for i in range(1, 6)], "summary": None})


def _time(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "recordings"
        generate(root, args.sessions)
        t0 = time.perf_counter()
        listing = list_sessions(root)
        cold = time.perf_counter() - t0
        assert len(listing.sessions) == args.sessions
        warm = _time(lambda: render_listing(list_sessions(root)), args.repeat)
        progress = _time(lambda: render_progress(compute(list_sessions(root).sessions)),
                         args.repeat)
    print(f"{args.sessions} sessions (best of {args.repeat}):")
    print(f"  review (cold, builds the index): {cold * 1000:7.1f} ms")
    print(f"  review (warm listing):           {warm * 1000:7.1f} ms")
    print(f"  progress (listing + trends):     {progress * 1000:7.1f} ms")
    print("  target: <= 1000 ms:", "met" if max(warm, progress) <= 1.0 else "MISSED")


if __name__ == "__main__":
    main()
