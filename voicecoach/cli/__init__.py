"""The `voicecoach` command line: argument parsing and the one place errors become messages.

Each subcommand lives in its own module with `register(subparsers)` and `run(args) -> int`.
Those modules import nothing heavy at import time, so `voicecoach --help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import NoReturn

from voicecoach.errors import ENVIRONMENT_ERRNOS, VoiceCoachError, os_error_line

COMMANDS = [
    "practice", "prepare", "analyze", "review", "report", "progress", "play", "devices", "eval",
    "bench",
    "forget",
]

EPILOG = """\
examples:
  voicecoach practice                        spoken interview with the general questions
  voicecoach practice --bank difficult --count 3
  voicecoach practice --typed --no-speak      type your answers instead of speaking
  voicecoach practice --answers a.wav b.flac  use answers you recorded earlier
  voicecoach analyze --text "I guess I'm kind of a team player"
  voicecoach analyze answer.wav --question "Why did you leave?"
  voicecoach practice --company "Northwind Health" --role "charge nurse" --job-description ad.txt
  voicecoach review latest                    read your last session again
  voicecoach report latest -o session.html    a page to keep or share (works offline)
  voicecoach progress                         your habits across sessions
  voicecoach devices                          list microphones and speakers

Sessions are saved under ./recordings (or $VOICECOACH_RECORDINGS). Everything runs offline.
"""


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one "voicecoach: ..." line like every other error."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("voicecoach").strip()
        where = f"{command}: " if command else ""
        self.exit(2, f"voicecoach: {where}{message} (see 'voicecoach {command} --help')\n"
                  .replace("voicecoach  --help", "voicecoach --help"))


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="voicecoach",
        description="Practise job-interview answers out loud and get a recruiter's feedback, "
        "fully offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show debug logs and tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"voicecoach.cli.{name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except VoiceCoachError as exc:
        if args.debug:
            raise
        print(f"voicecoach: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\nvoicecoach: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # A full disk or a forbidden/read-only folder met where no domain error wraps it (e.g.
        # copying an answer file): the machine's state, not a bug, so one line. Other OSErrors
        # stay tracebacks.
        if args.debug or exc.errno not in ENVIRONMENT_ERRNOS:
            raise
        print(f"voicecoach: {os_error_line(exc)}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
