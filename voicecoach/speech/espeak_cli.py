"""The `espeak-ng` command, used by the pyttsx3 speaker when pyttsx3 itself fails on Linux.

Why it exists: it is the same synthesiser pyttsx3 drives on Linux, but as a process that writes
a complete WAV before it exits, so none of pyttsx3's threading traps apply.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from voicecoach.errors import SpeechEngineError

INSTALL = "apt install espeak-ng"


def executable() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


def render(text: str, path: Path, rate: int | None = None, voice: str | None = None) -> None:
    """Write `text` as speech to the WAV file `path` (rate in words per minute)."""
    exe = executable()
    if exe is None:
        raise SpeechEngineError(f"no system speech engine: {INSTALL}")
    cmd = [exe, "-w", str(path)]
    if rate is not None:
        cmd += ["-s", str(int(rate))]
    if voice is not None:
        cmd += ["-v", voice]
    try:
        subprocess.run([*cmd, "--", text], check=True, capture_output=True, timeout=60)
    except (subprocess.SubprocessError, OSError) as exc:
        raise SpeechEngineError(f"espeak-ng failed: {exc}".splitlines()[0]) from exc


def voices() -> list[tuple[str, str, str]]:
    """(voice id, name, language) for each installed espeak-ng voice."""
    exe = executable()
    if exe is None:
        return []
    out = subprocess.run([exe, "--voices"], capture_output=True, text=True, timeout=10).stdout
    found = []
    for line in out.splitlines()[1:]:
        cols = line.split()
        if len(cols) >= 5:  # Pty Language Age/Gender VoiceName File ...
            found.append((cols[4], cols[3].replace("_", " "), cols[1]))
    return found
