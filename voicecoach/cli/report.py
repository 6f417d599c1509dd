"""`voicecoach report`: one session as a self-contained HTML page (or Markdown) to keep or share."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from voicecoach.cli.review import add_recordings_option

HELP = """\
Writes one page that works offline: an audio player per answer (the recordings are embedded),
transcripts with flagged words highlighted, tips, charts of each answer's metrics and a progress
section across your sessions. --markdown writes a Markdown version instead (audio not embedded).

examples:
  voicecoach report latest -o interview.html
  voicecoach report 20261126-003105 --markdown -o interview.md
  voicecoach report latest --markdown -o -        print Markdown to the terminal
"""


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="write a session as an offline HTML page or Markdown",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("session", metavar="ID|latest", help="session to report on")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                   help="file to write, '-' for standard output "
                   "(default: voicecoach-ID.html or .md in the current folder)")
    p.add_argument("--markdown", action="store_true", help="write Markdown instead of HTML")
    p.add_argument("--no-audio", dest="audio", action="store_false",
                   help="leave the recordings out of the HTML page (much smaller file)")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="leave out the progress-across-sessions section")
    add_recordings_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voicecoach.errors import RecordingsError
    from voicecoach.review.catalog import list_sessions, load_view, sort_key
    from voicecoach.review.progress import compute
    from voicecoach.session.store import recordings_root

    root = recordings_root(args.recordings)
    folder, view = load_view(root, args.session)
    progress = None
    if args.progress:  # trends up to and including this session
        upto = sort_key(view.id)
        progress = compute([d for d in list_sessions(root).sessions if sort_key(d.id) <= upto])
    if args.markdown:
        from voicecoach.review.markdown import render_markdown

        text = render_markdown(view, progress)
    else:
        from voicecoach.review.html import render_html

        text = render_html(view, folder, progress, embed_audio=args.audio)
    output = args.output or Path(f"voicecoach-{view.id}.{'md' if args.markdown else 'html'}")
    if str(output) == "-":
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise RecordingsError(f"cannot write {output}: {exc.strerror or exc}") from exc
    print(f"Wrote {output} ({len(text.encode('utf-8')) // 1024 + 1} KB)")
    return 0
