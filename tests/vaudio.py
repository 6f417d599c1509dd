"""Start and stop the shared virtual sound card (../shared/virtual-audio) for audio-path tests.

The PulseAudio server runs in the background; tests talk to it through the environment returned
by `start()`. Programs that use sounddevice must be started AFTER the server (PortAudio lists
devices once, at import), so audio-path tests run the app in a subprocess with that environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1].parent / "shared" / "virtual-audio" / "vaudio.sh"


def missing() -> str | None:
    """Why the virtual sound card cannot run here, or None."""
    if not SCRIPT.exists():
        return f"{SCRIPT} not found"
    for tool in ("pulseaudio", "pactl", "paplay", "parecord"):
        if shutil.which(tool) is None:
            return f"{tool} not installed (./run setup installs it)"
    return None


def _env(va_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        VA_DIR=str(va_dir),
        PULSE_RUNTIME_PATH=str(va_dir / "run"),
        PULSE_STATE_PATH=str(va_dir / "state"),
        PULSE_SERVER=f"unix:{va_dir / 'run' / 'native'}",
    )
    return env


def start() -> dict[str, str]:
    va_dir = Path(tempfile.mkdtemp(prefix="vaudio."))
    env = _env(va_dir)
    proc = subprocess.run(
        ["bash", "-c", f"source '{SCRIPT}' && vaudio_start"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"virtual audio failed to start: {proc.stderr.strip()}")
    return env


def stop(env: dict[str, str]) -> None:
    subprocess.run(["bash", "-c", f"source '{SCRIPT}' && vaudio_stop"], env=env, timeout=30,
                   capture_output=True)
    shutil.rmtree(env["VA_DIR"], ignore_errors=True)
