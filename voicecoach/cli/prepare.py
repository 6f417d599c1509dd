"""`voicecoach prepare`: the checklist before an interview, spoken, and an optional warm-up."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "prepare",
        help="a short spoken checklist before the interview, and an optional warm-up",
        description="Shows and speaks a checklist for the day before an interview (timing, "
        "research, what to wear, questions to ask them), tailored with --company and --role. "
        "--warm-up then runs a three-question practice session.",
    )
    p.add_argument("--company", default="", help="the company you are interviewing with")
    p.add_argument("--role", default="", help="the role you are interviewing for")
    p.add_argument("--no-speak", dest="speak", action="store_false",
                   help="print the checklist without speaking it")
    p.add_argument("--voice", default="auto", help="speech engine (see practice --help)")
    p.add_argument("--warm-up", action="store_true",
                   help="then practise three questions (practice options below apply)")
    p.add_argument("--typed", action="store_true", help="warm-up: type answers")
    p.add_argument("--recordings", default=None, help="warm-up: where the session is saved")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voicecoach.interview.checklist import checklist
    from voicecoach.interview.preparation import InterviewContext

    context = InterviewContext(args.company.strip(), args.role.strip())
    items = checklist(context)
    print("Before your interview:")
    for n, (_topic, text) in enumerate(items, 1):
        print(f"  {n}. {text}")
    sys.stdout.flush()
    if args.speak:
        from voicecoach.cli.practice import make_voice
        from voicecoach.cli.terminal import TerminalUI

        ui = TerminalUI(interactive=False, color=False)
        voice = make_voice(argparse.Namespace(speak=True, voice=args.voice, rate=None), ui)
        voice.say("Before your interview. " + " ".join(text for _t, text in items))
    if not args.warm_up:
        return 0
    from voicecoach.cli import build_parser

    argv = ["practice", "--bank", "general", "--count", "3", "--shuffle"]
    for flag, value in (("--company", args.company), ("--role", args.role),
                        ("--recordings", args.recordings), ("--voice", args.voice)):
        if value:
            argv += [flag, value]
    argv += [] if args.speak else ["--no-speak"]
    argv += ["--typed"] if args.typed else []
    warm = build_parser().parse_args(argv)
    print("\nWarm-up: three questions.")
    return int(warm.run(warm))
