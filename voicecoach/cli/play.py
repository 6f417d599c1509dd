"""`voicecoach play`: listen again to one of your answers."""

from __future__ import annotations

import argparse
from typing import Any

from voicecoach.cli.review import add_recordings_option

HELP = """\
Replays the latest attempt at answer N of a session (N as numbered in 'voicecoach review ID').

examples:
  voicecoach play latest 2
  voicecoach play 20261126-003105 1 --output-device 3
"""


def _number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an answer number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("answer numbers start at 1")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser("play", help="replay one of your recorded answers",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("session", metavar="ID|latest", help="session the answer belongs to")
    p.add_argument("number", type=_number, metavar="N", help="answer number, as in review")
    p.add_argument("--output-device", default=None,
                   help="speaker index or name (see 'voicecoach devices')")
    add_recordings_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voicecoach.audio.clip import Clip
    from voicecoach.audio.playback import Player
    from voicecoach.errors import RecordingsError
    from voicecoach.review.catalog import audio_file, load_view
    from voicecoach.session.store import recordings_root

    folder, view = load_view(recordings_root(args.recordings), args.session)
    n = args.number
    answer = next((a for a in view.answers if a.index == n), None)
    if answer is None:
        have = ", ".join(str(a.index) for a in view.answers) or "none"
        raise RecordingsError(f"session {view.id} has no answer {n} (answers: {have})")
    if answer.skipped:
        raise RecordingsError(f"answer {n} of session {view.id} was skipped: nothing to play")
    if answer.audio is None:
        raise RecordingsError(f"answer {n} of session {view.id} was typed: there is no recording")
    path = audio_file(folder, answer.audio)
    if path is None:
        raise RecordingsError(f"the recording of answer {n} ({answer.audio[:60]}) is missing "
                              f"from {folder}")
    clip = Clip.load(path, sample_rate=None)
    device = args.output_device
    if isinstance(device, str) and device.isdigit():
        device = int(device)
    tries = f", attempt {answer.attempt}" if answer.attempts > 1 else ""
    print(f"Playing answer {n}{tries} ({clip.duration:.1f} s): {answer.question}")
    Player(device).play(clip)
    return 0
