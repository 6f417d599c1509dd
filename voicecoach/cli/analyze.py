"""`voicecoach analyze`: judge one answer, typed (--text) or recorded (an audio FILE).

Prints the readable report (evidence highlighted) or, with --json, the report's to_dict().
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from voicecoach.errors import UsageError

EXAMPLES = """\
examples:
  voicecoach analyze --text "I guess I'm kind of a team player"
  echo "my boss had no clue" | voicecoach analyze --text - --question "Why did you leave?"
  voicecoach analyze answer.wav --question "Tell me about yourself" --json
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "analyze",
        help="judge one answer (typed text or an audio recording)",
        description="Judge one interview answer the way a recruiter would.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", nargs="?", type=Path, default=None,
                   help="an audio recording of the answer (transcribed offline)")
    p.add_argument("--text", help='the answer as text; "-" reads standard input')
    p.add_argument("--question", default=None, help="the question that was asked")
    p.add_argument("--model", default=None,
                   help="speech-to-text model for FILE (default: the engine's default)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run)


def _read_text(value: str) -> str:
    if value == "-":
        return sys.stdin.read()
    return value


def run(args: argparse.Namespace) -> int:
    if args.file is not None and args.text is not None:
        raise UsageError("give either an audio FILE or --text, not both")
    if args.file is not None:
        from voicecoach.recording import analyze_recording

        report = analyze_recording(args.file, question=args.question, model=args.model)
    elif args.text is not None:
        from voicecoach.analysis import analyze_answer

        report = analyze_answer(_read_text(args.text), question=args.question)
    else:
        raise UsageError('nothing to analyse: give an audio FILE or --text "..." (or --text -)')
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        from voicecoach.analysis.render import render_report

        print(render_report(report, color=sys.stdout.isatty()))
    return 0
