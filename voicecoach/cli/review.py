"""`voicecoach review`: the list of saved sessions, or one session in detail."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

HELP = """\
Without an id, lists saved sessions newest first with the top habit to work on. With an id (or
'latest'), shows each question, your transcript with flagged words highlighted, the findings,
tips and delivery metrics.

examples:
  voicecoach review
  voicecoach review latest
  voicecoach review 20261126-003105 --json
"""


def add_recordings_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--recordings", type=Path, default=None,
                   help="where sessions are saved (default: ./recordings, env "
                   "VOICECOACH_RECORDINGS)")


def use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def register(sub: Any) -> None:
    p = sub.add_parser("review", help="list saved sessions, or show one in detail",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("session", nargs="?", metavar="ID|latest",
                   help="session to show (default: list them all)")
    p.add_argument("--json", action="store_true", help="print the same information as JSON")
    add_recordings_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voicecoach.review.catalog import list_sessions, load_view
    from voicecoach.review.render import render_listing, render_session
    from voicecoach.session.store import recordings_root

    root = recordings_root(args.recordings)
    if args.session is None:
        listing = list_sessions(root)
        if args.json:
            print(json.dumps({"sessions": [d.to_dict() for d in listing.sessions],
                              "skipped": listing.skipped}, indent=2, ensure_ascii=False))
        else:
            print(render_listing(listing))
        return 0
    _, view = load_view(root, args.session)
    if args.json:
        print(json.dumps(view.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render_session(view, color=use_color()))
    return 0
