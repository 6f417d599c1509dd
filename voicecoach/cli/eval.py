"""`voicecoach eval [FILE.jsonl]`: precision, recall and F1 of the answer checks on labeled data.

Defaults to ../shared/eval/answers-dev.jsonl next to the repository. `--speed` adds the median
time of analyze_answer on a 300-word answer.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from voicecoach.errors import UsageError

DEFAULT_FILE = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "answers-dev.jsonl"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "eval",
        help="measure the answer checks on labeled answers",
        description="Score the six labeled checks (precision, recall, F1) on a JSONL file.",
    )
    p.add_argument("file", nargs="?", type=Path, default=None,
                   help=f"labeled answers (default: {DEFAULT_FILE})")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--speed", action="store_true",
                   help="also time analyze_answer on a 300-word answer (median ms)")
    p.add_argument("--errors", action="store_true", help="list each missed or false alarm")
    p.set_defaults(run=run)


def format_table(data: dict) -> str:
    lines = [f"{'check':<25}{'precision':>10}{'recall':>8}{'F1':>7}   tp  fp  fn"]
    for name, s in data["checks"].items():
        lines.append(f"{name:<25}{s['precision']:>10.2f}{s['recall']:>8.2f}{s['f1']:>7.2f}"
                     f"  {s['tp']:>3} {s['fp']:>3} {s['fn']:>3}")
    lines.append(f"{'macro-F1':<25}{data['macro_f1']:>25.2f}")
    if data["topic_accuracy"] is not None:
        lines.append(f"off_limits topic accuracy: {data['topic_accuracy']:.2f}")
    lines.append(f"clean answers flagged: {data['clean_flagged']} of {data['clean_answers']}")
    if "speed_ms" in data:
        lines.append(f"speed: median {data['speed_ms']:.1f} ms for a 300-word answer")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from voicecoach.analysis.evaluate import evaluate, load_cases, speed

    path = args.file or DEFAULT_FILE
    if not path.exists():
        raise UsageError(f"eval file not found: {path}")
    data = evaluate(load_cases(path)).to_dict()
    data["file"] = str(path)
    if args.speed:
        data["speed_ms"] = round(speed(), 2)
    if not args.errors:
        errors = data.pop("errors")
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(f"{data['answers']} answers from {path}")
    print(format_table(data))
    if args.errors:
        for e in data["errors"]:
            print(f"  {e['id']}: {e['check']} {e['kind']}")
    elif errors:
        print(f"({len(errors)} disagreements; --errors lists them)")
    return 0
