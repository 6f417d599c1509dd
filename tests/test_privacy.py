"""Privacy: nothing leaves the machine in the default path, and what is saved is the owner's only.

The test suite's socket guard (tests/conftest.py) is checked here, then the default paths run
in-process under it: any attempt to reach another machine would fail them. The CLI in
subprocesses is covered by scripts/offline-check.sh (`unshare -n`), run by scripts/test.sh.
"""

from __future__ import annotations

import io
import json
import socket
import stat
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from voicecoach.audio.clip import Clip
from voicecoach.cli import main
from voicecoach.session.store import recordings_root

ROOT = Path(__file__).resolve().parents[1]


# --- the guard itself ---------------------------------------------------------------------------

@pytest.mark.parametrize("address", [("192.0.2.1", 80), ("2001:db8::1", 443), ("10.0.0.1", 53)])
def test_connections_to_other_machines_are_blocked(address: tuple[str, int]) -> None:
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock, pytest.raises(OSError,
                                                                          match="offline"):
        sock.connect(address)


def test_name_lookups_and_http_are_blocked() -> None:
    with pytest.raises(OSError, match="offline"):
        socket.getaddrinfo("huggingface.co", 443)
    with pytest.raises(OSError, match="offline"):
        urllib.request.urlopen("https://huggingface.co", timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, pytest.raises(OSError):
        sock.sendto(b"x", ("8.8.8.8", 53))


def test_local_sockets_still_work(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:  # PulseAudio's kind
        server.bind(str(tmp_path / "s"))
        server.listen()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(str(tmp_path / "s"))
    with (socket.create_server(("127.0.0.1", 0)) as server,  # chromedriver's kind
          socket.create_connection(server.getsockname()[:2], timeout=2)):
        pass


def test_tests_never_use_the_working_tree_recordings() -> None:
    root = recordings_root()
    assert root.is_absolute() and Path(tempfile.gettempdir()) in root.parents
    assert root.resolve() != (Path.cwd() / "recordings").resolve()


# --- the default paths under the guard ------------------------------------------------------------

def test_default_paths_run_offline(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Text analysis, a typed session and transcription of a recording, all in-process."""
    assert main(["analyze", "--text", "Um, I guess I'm kind of a team player.", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("I led a team of five engineers.\n"))
    assert main(["practice", "--typed", "--no-speak", "--count", "1"]) == 0
    capsys.readouterr()
    saved = list(recordings_root().glob("*/session.json"))
    assert len(saved) == 1 and json.loads(saved[0].read_text())["answers"]
    pytest.importorskip("faster_whisper")
    wav = Clip(np.zeros(16_000, np.float32), 16_000).save_wav(tmp_path / "quiet.wav")
    assert main(["analyze", str(wav), "--json"]) == 0  # loads and runs the bundled model
    assert json.loads(capsys.readouterr().out)["transcript"] == ""


# --- what is saved is readable by its owner only ------------------------------------------------

def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_recordings_are_private(tmp_path: Path, umask: int) -> None:
    root = tmp_path / "new" / "recordings"  # does not exist yet: made by the first session
    answer = Clip((0.2 * np.sin(np.arange(16_000) / 5)).astype(np.float32), 16_000)
    wav = answer.save_wav(tmp_path / "answer.wav")
    for args, stdin in ((["--typed"], "I led a team.\n"), (["--answers", str(wav)], "")):
        proc = subprocess.run(
            ["sh", "-c", f"umask {umask:03o} && exec \"$@\"", "sh", sys.executable, "-m",
             "voicecoach", "practice", "--no-speak", "--count", "1", "--recordings", str(root),
             *args],
            input=stdin, capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
    assert _mode(root) == 0o700
    sessions = [p for p in root.iterdir() if p.is_dir()]
    assert len(sessions) == 2
    for folder in sessions:
        assert _mode(folder) == 0o700
        assert _mode(folder / "session.json") & 0o077 == 0
