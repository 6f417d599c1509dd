"""Fallback speaker: the system voice through pyttsx3 (espeak-ng on Linux, SAPI5, NSSpeech).

Why it exists: it works wherever the OS has a speech engine, with no model files, so the coach
can still talk when Piper is not installed. It sounds robotic; Piper is preferred.

How it renders a Clip despite pyttsx3 2.99's traps (measured, /work/shared/virtual-audio/README):
`runAndWait()` returns ~10 ms after the call while espeak keeps synthesising in its own thread,
and a file asked for with `save_to_file` appears only when espeak finishes (not at all if the
process exits first). So each piece of text is saved to its own temporary WAV and we poll until
the WAV is complete: its header's frame count matches the file size and the size has stayed the
same for two polls, within a timeout that grows with the text. Long text is split at sentence
ends into pieces of at most MAX_PIECE_CHARS. If pyttsx3 cannot start or times out on Linux, the
piece is rendered by the `espeak-ng -w` command instead, the same synthesiser without pyttsx3.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import tempfile
import threading
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicecoach.audio.clip import Clip
from voicecoach.errors import SpeechEngineError
from voicecoach.speech import espeak_cli
from voicecoach.speech.base import Speaker

logger = logging.getLogger(__name__)

INSTALL = "pip install pyttsx3 (and on Linux: apt install espeak-ng)"
#: Longest piece sent to the engine at once; sentences are kept whole where possible.
MAX_PIECE_CHARS = 400
#: Wait for a piece: a base plus a per-character allowance (espeak-ng renders ~100x real time
#: here; the margin covers a loaded machine).
TIMEOUT_BASE_S, TIMEOUT_PER_CHAR_S = 10.0, 0.02
POLL_S = 0.02
#: pyttsx3's default speaking rate in words per minute (its drivers all start at 200).
DEFAULT_RATE = 200
#: The system default voice, remembered from the first engine before anyone changes it.
_DEFAULT_VOICE: dict[str, str] = {}


@dataclass(frozen=True)
class VoiceInfo:
    """A system voice. id: what `voice=` accepts; languages: codes such as "en-us"."""

    id: str
    name: str
    languages: list[str] = field(default_factory=list)


def split_text(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """Split at sentence ends into pieces of at most `limit` characters (long sentences at
    commas or spaces)."""
    pieces: list[str] = []
    for sentence in re.split(r"(?<=[.!?;])\s+", text.strip()):
        while len(sentence) > limit:
            cut = max(sentence.rfind(", ", 0, limit), sentence.rfind(" ", 0, limit))
            cut = cut if cut > 0 else limit
            pieces.append(sentence[: cut + 1].strip())
            sentence = sentence[cut + 1 :].strip()
        if pieces and len(pieces[-1]) + 1 + len(sentence) <= limit:
            pieces[-1] = f"{pieces[-1]} {sentence}"
        elif sentence:
            pieces.append(sentence)
    return pieces


def _complete_wav(path: Path) -> bool:
    """True when `path` is a WAV whose header agrees with its size (writing has finished)."""
    try:
        size = path.stat().st_size
        with wave.open(str(path), "rb") as w:
            expected = w.getnframes() * w.getsampwidth() * w.getnchannels()
    except (OSError, EOFError, wave.Error):
        return False
    return size >= 44 + expected and expected > 0


def wait_for_wav(path: Path, timeout: float) -> bool:
    """Poll until `path` is a complete WAV of stable size, or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    last_size = -1
    while time.monotonic() < deadline:
        size = path.stat().st_size if path.exists() else -1
        if size == last_size and _complete_wav(path):
            return True
        last_size = size
        time.sleep(POLL_S)
    return False


class Pyttsx3Speaker(Speaker):
    """pyttsx3 rendered to a temporary WAV and read back; espeak-ng CLI as a Linux fallback."""

    name = "pyttsx3"

    def __init__(self, voice: str | None = None, rate: int | None = None) -> None:
        """voice: a voice id, name or language code (see `voices()`); rate: words per minute
        (the engine's default is 200)."""
        self.voice = voice
        self.rate = rate
        self._engine: Any = None
        self._use_cli = False
        # set by pyttsx3's finished-utterance callback, which runs in espeak's thread after the
        # driver is idle; waited for (briefly) so the next piece cannot race the previous one
        self._idle = threading.Event()
        self._settings: list[tuple[str, Any]] = []

    def load(self) -> None:
        """Start pyttsx3 (idempotent); on Linux without a working pyttsx3, use espeak-ng."""
        if self._engine is not None or self._use_cli:
            return
        try:
            import pyttsx3

            self._engine = pyttsx3.init()
        except Exception as exc:  # ImportError, RuntimeError("could not initialize espeak")...
            if espeak_cli.executable() is None:
                raise SpeechEngineError(f"no system speech engine: {INSTALL}") from exc
            logger.warning("pyttsx3 unavailable (%s); using the espeak-ng command", exc)
            self._use_cli = True
            return
        self._engine.connect("finished-utterance", lambda **_: self._idle.set())
        # pyttsx3.init() hands every caller the same engine, so settings are applied per piece
        voice = (
            self._find_voice(self.voice).id
            if self.voice is not None
            else _DEFAULT_VOICE.setdefault("id", str(self._engine.getProperty("voice")))
        )
        rate = int(self.rate) if self.rate is not None else DEFAULT_RATE
        # Measured with espeak-ng behind pyttsx3 2.99: after switching between speakers with
        # different rates, "voice, rate" left the old rate in force for 3-17 of 30 pieces;
        # "rate, voice, rate" for 0 of 84. Hence the odd-looking repeat.
        self._settings = [("rate", rate), ("voice", voice), ("rate", rate)]

    def voices(self) -> list[VoiceInfo]:
        """The system's voices (espeak-ng alone lists about 130)."""
        self.load()
        if self._engine is None:
            return [VoiceInfo(id_, name, [lang]) for id_, name, lang in espeak_cli.voices()]
        return [
            VoiceInfo(str(v.id), str(v.name), [str(x) for x in (v.languages or [])])
            for v in self._engine.getProperty("voices")
        ]

    def _find_voice(self, wanted: str) -> VoiceInfo:
        key = wanted.strip().lower()
        voices = self.voices()
        for test in (
            lambda v: v.id.lower() == key,
            lambda v: v.name.lower() == key,
            lambda v: key in (lang.lower() for lang in v.languages),
        ):
            for v in voices:
                if test(v):
                    return v
        raise SpeechEngineError(
            f"no system voice {wanted!r}; list them with Pyttsx3Speaker().voices()"
        )

    def synthesize(self, text: str) -> Clip:
        self.load()
        clips: list[Clip] = []
        with tempfile.TemporaryDirectory(prefix="voicecoach-tts-") as tmp:
            for i, piece in enumerate(split_text(text)):
                path = Path(tmp) / f"piece{i}.wav"
                if not (self._use_cli or self._render_pyttsx3(piece, path)):
                    logger.warning("pyttsx3 produced no audio in time; using espeak-ng")
                    self._use_cli = True
                if self._use_cli:
                    self._render_cli(piece, path)
                clips.append(Clip.load(path, sample_rate=None))
        if not clips:
            return Clip.silence(0, 22_050)
        return clips[0].concat(*clips[1:])

    def _render_pyttsx3(self, piece: str, path: Path) -> bool:
        timeout = TIMEOUT_BASE_S + TIMEOUT_PER_CHAR_S * len(piece)
        # pyttsx3 queues commands while its driver is busy and espeak's thread then runs them
        # concurrently with ours (measured: a rate change landing after the next piece's text);
        # so only talk to the engine once the previous piece has fully finished.
        deadline = time.monotonic() + 2.0
        while self._engine.isBusy() and time.monotonic() < deadline:
            time.sleep(POLL_S)
        for key, value in self._settings:
            self._engine.setProperty(key, value)
        self._idle.clear()
        # pyttsx3's espeak driver prints "Audio saved to ..." from espeak's thread; keep it off
        # the user's terminal while we wait (a brief process-wide redirect).
        with contextlib.redirect_stdout(io.StringIO()):
            self._engine.save_to_file(piece, str(path))
            self._engine.runAndWait()
            done = wait_for_wav(path, timeout)
            self._idle.wait(1.0)  # the WAV is the proof; this only lets the driver settle
        return done

    def _render_cli(self, piece: str, path: Path) -> None:
        voice = self._find_voice(self.voice).id if self.voice is not None else None
        espeak_cli.render(piece, path, rate=self.rate, voice=voice)
