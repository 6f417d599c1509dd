"""`voicecoach progress`: how each habit has changed across your sessions."""

from __future__ import annotations

import argparse
import json
from typing import Any

from voicecoach.cli.review import add_recordings_option

HELP = """\
Charts each habit across sessions (filler words per 100 words, pace, flags per answer and each
check) as sparklines, oldest on the left, compares your latest sessions with the ones before,
and says what improved and what to focus on next.

examples:
  voicecoach progress
  voicecoach progress --width 50
  voicecoach progress --json
"""


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 5 <= value <= 200:
        raise argparse.ArgumentTypeError("must be between 5 and 200")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser("progress", help="trends across sessions: what improved, what next",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--width", type=_width, default=30,
                   help="sessions shown in each sparkline (default: 30)")
    p.add_argument("--json", action="store_true", help="print the trends as JSON")
    add_recordings_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voicecoach.review.catalog import list_sessions
    from voicecoach.review.progress import compute
    from voicecoach.review.render import render_progress
    from voicecoach.session.store import recordings_root

    listing = list_sessions(recordings_root(args.recordings))
    progress = compute(listing.sessions)
    if args.json:
        print(json.dumps(progress.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render_progress(progress, width=args.width))
    return 0
