"""`voicecoach forget`: delete one saved session, or all of them, for good.

Interview answers are personal, so deleting them must be easy and must never reach outside the
recordings folder: ids are validated by `voicecoach.review.catalog` (no `..`, no absolute paths,
symbolic links are removed as links, never followed). `--all` removes every session folder and
the listing index, and leaves any other file the user keeps in that folder alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Any, TextIO

HELP = """\
Deletes a saved session (its answers' audio, transcripts and feedback) from the recordings
folder, or with --all every session and the listing index. Deleted sessions cannot be
recovered. --all asks for confirmation on a terminal; elsewhere it needs --yes.

examples:
  voicecoach forget 20261126-003105
  voicecoach forget latest
  voicecoach forget --all
  voicecoach forget --all --yes --recordings ~/interview-practice
"""


#: The SQLite index and the side files SQLite may leave next to it.
INDEX_SUFFIXES = ("", "-journal", "-wal", "-shm")


def register(sub: Any) -> None:
    from voicecoach.cli.review import add_recordings_option

    p = sub.add_parser("forget", help="delete a saved session, or all of them",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("session", nargs="?", metavar="ID|latest", help="the session to delete")
    p.add_argument("--all", action="store_true", help="delete every saved session")
    p.add_argument("--yes", "-y", action="store_true",
                   help="do not ask for confirmation (needed for --all when not on a terminal)")
    add_recordings_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voicecoach.errors import UsageError
    from voicecoach.session.store import recordings_root

    root = recordings_root(args.recordings)
    if args.all == (args.session is not None):
        raise UsageError("give a session id (or 'latest') or --all, not both and not neither")
    if args.all:
        return forget_all(root, args.yes, sys.stdin, sys.stdout)
    folder = forget_one(root, args.session)
    print(f"Deleted session {folder.name} from {root}.")
    return 0


def forget_one(root: Path, ident: str) -> Path:
    """Delete session `ident` ('latest' = the newest) under `root`; return its folder."""
    from voicecoach.review.catalog import session_folder
    from voicecoach.review.index import DigestIndex

    folder = session_folder(root, ident)  # validated id, existing, not linking outside
    _remove(folder)
    with DigestIndex(root) as index:
        index.update([], [folder.name])
    return folder


def session_entries(root: Path) -> list[Path]:
    """Every entry of `root` named like a session (folders, and links the listing would show)."""
    from voicecoach.errors import RecordingsError
    from voicecoach.session.store import SESSION_ID

    try:
        names = sorted(e.name for e in os.scandir(root))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise RecordingsError(f"cannot read the recordings folder {root}: {exc.strerror}") from exc
    return [root / n for n in names if SESSION_ID.fullmatch(n)
            and ((root / n).is_dir() or (root / n).is_symlink())]


def forget_all(root: Path, yes: bool, stdin: TextIO, out: TextIO) -> int:
    """Delete every session folder and the index under `root`, after confirmation."""
    from voicecoach.errors import UsageError
    from voicecoach.review.index import INDEX_FILE

    entries = session_entries(root)
    index_files = [p for p in (root / f"{INDEX_FILE}{end}" for end in INDEX_SUFFIXES)
                   if p.exists() or p.is_symlink()]
    if not entries and not index_files:
        print(f"No saved sessions in {root}; nothing to delete.", file=out)
        return 0
    if not yes:
        if not stdin.isatty():
            raise UsageError(f"not deleting {len(entries)} session(s) in {root} without "
                             "confirmation: add --yes (standard input is not a terminal)")
        out.write(f"Delete all {len(entries)} saved session(s) in {root}? "
                  "This cannot be undone. [y/N] ")
        out.flush()
        if stdin.readline().strip().lower() not in ("y", "yes"):
            print("Nothing deleted.", file=out)
            return 1
    for path in entries + index_files:
        _remove(path)
    print(f"Deleted {len(entries)} session(s) and the index from {root}.", file=out)
    return 0


def _remove(path: Path) -> None:
    """Delete a session folder, or only the link if it is a symbolic link."""
    from voicecoach.errors import RecordingsError, os_reason

    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path)
    except OSError as exc:
        raise RecordingsError(f"cannot delete {path}: {os_reason(exc)}") from exc
