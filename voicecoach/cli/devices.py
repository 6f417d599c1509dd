"""`voicecoach devices`: list the microphones and speakers PortAudio can see."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "devices",
        help="list microphones and speakers",
        description="List the input (microphone) and output (speaker) devices, with the index "
        "or name to pass to 'voicecoach practice --input-device'. '>' marks the defaults.",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voicecoach.audio.devices import NO_MIC_HINT, list_devices

    devices = list_devices()
    if not devices:
        print(f"No sound devices found; {NO_MIC_HINT}")
        return 1
    for title, attr, default in (
        ("Inputs (microphones)", "inputs", "is_default_input"),
        ("Outputs (speakers)", "outputs", "is_default_output"),
    ):
        print(f"{title}:")
        rows = [d for d in devices if getattr(d, attr) > 0]
        if not rows:
            print("  (none)")
        for d in rows:
            mark = ">" if getattr(d, default) else " "
            print(f" {mark} {d.index:3d}  {d.name}  ({getattr(d, attr)} ch, "
                  f"{d.default_rate:.0f} Hz)")
    return 0
