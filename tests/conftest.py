"""Shared pytest fixtures."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

# --- speech engines (tests/test_stt.py, test_speech.py, test_vad.py) ------------------------
# Loaded once per test session: the whisper model and the Piper voice take ~0.5 s each.


@pytest.fixture(scope="session")
def whisper():
    """faster-whisper tiny.en (the default model), loaded once."""
    pytest.importorskip("faster_whisper")
    from voicecoach.stt.whisper import WhisperTranscriber

    return WhisperTranscriber()


@pytest.fixture(scope="session")
def piper_speaker():
    """The Piper joe voice, loaded once."""
    pytest.importorskip("piper")
    from voicecoach.speech.piper import PiperSpeaker

    speaker = PiperSpeaker()
    speaker.load()
    return speaker


# --- privacy: nothing leaves the machine, nothing lands in ./recordings -----------------------
# Autouse for every test. Network connections are refused: AF_UNIX stays open (PulseAudio's
# socket) and so does loopback (chromedriver in test_report_browser.py listens on 127.0.0.1);
# neither leaves the machine. Name lookups of other hosts are refused too. VOICECOACH_RECORDINGS
# points at a fresh temporary folder, so a test that forgets --recordings cannot write into the
# working tree. Subprocesses are not covered here: scripts/offline-check.sh runs the CLI under
# `unshare -n` (no network at all) for that.

_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", "::", ""})


class NetworkBlocked(OSError):
    """Raised by the test suite's socket guard: something tried to reach another machine."""


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return isinstance(host, str) and (host in _LOCAL_HOSTS or host.startswith("127."))


def _allowed(sock: socket.socket, address: object) -> bool:
    if sock.family == getattr(socket, "AF_UNIX", None):
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    return _is_local(host)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: object) -> None:
        if not _allowed(self, address):
            raise NetworkBlocked(f"tests run offline: connection to {address!r} blocked")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not _allowed(self, address):
            raise NetworkBlocked(f"tests run offline: connection to {address!r} blocked")
        return real_connect_ex(self, address)

    def sendto(self: socket.socket, data: bytes, *args: object) -> int:
        address = args[-1] if args else None
        if not _allowed(self, address):
            raise NetworkBlocked(f"tests run offline: datagram to {address!r} blocked")
        return real_sendto(self, data, *args)

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        if not _is_local(host):
            raise NetworkBlocked(f"tests run offline: name lookup of {host!r} blocked")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", sendto)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(autouse=True)
def _private_recordings(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    # not created: the app makes it, as on a first run
    monkeypatch.setenv("VOICECOACH_RECORDINGS", str(tmp_path_factory.mktemp("vc") / "recordings"))


# --- the virtual sound card (../shared/virtual-audio), one server per test module ---------------
@pytest.fixture(scope="module")
def sound_card() -> Iterator[dict[str, str]]:
    """Environment for subprocesses that play into the virtual microphone and record the app."""
    from tests import vaudio

    if vaudio.missing() is not None:
        pytest.skip(str(vaudio.missing()))
    env = vaudio.start()
    try:
        yield env
    finally:
        vaudio.stop(env)
