"""`voicecoach analyze`: judge one answer, typed (--text) or recorded (an audio FILE).

Prints the readable report (evidence highlighted) or, with --json, the report's to_dict().
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from voicecoach.cli.practice import interview_context
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
    p.add_argument("--company", default="", help="the company the answer is for: answers to "
                   "company questions are checked for specifics about it")
    p.add_argument("--role", default="", help="the role the answer is for")
    p.add_argument("--job-description", type=Path, default=None, metavar="FILE",
                   help="a job ad as a text file: reports which of its key terms were covered")
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
    context = interview_context(args)
    if context.known or args.question:
        from voicecoach.session.judge import add_context

        add_context(report, args.question or "", context)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        from voicecoach.analysis.render import render_report

        print(render_report(report, color=sys.stdout.isatty()))
    return 0
