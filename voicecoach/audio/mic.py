"""Recording one answer from the microphone.

Captures 16 kHz mono through sounddevice, writes the audio to disk as it arrives (so a crash
loses nothing already said), shows a live level meter, and ends the answer on a stretch of silence
after speech, on Enter, or at a hard cap. Returns the answer as a `Clip`.

Failures are one-line errors that say where the audio so far is: a device that cannot be opened
or is busy, a device that stops sending audio mid-answer (sounddevice reports nothing then; a
stall of STALL_S is the sign), and a disk that fills up or a folder that cannot be written.
The WAV header is patched by `wave` on every write, so the file on disk is complete up to the
last block even if the process is killed.
"""

from __future__ import annotations

import contextlib
import logging
import math
import queue
import select
import sys
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TextIO

import numpy as np

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.audio.devices import resolve_input, sounddevice
from voicecoach.audio.vad import EndOfSpeechDetector
from voicecoach.errors import AudioDeviceError, RecordingsError, os_reason

log = logging.getLogger(__name__)

BLOCK_S = 0.05  # 50 ms blocks: fine-grained enough for the meter and the silence timer
STALL_S = 2.0  # no audio for this long means the device went away (sounddevice reports no error)
BUSY = ("-9985", "-9993", "unavailable", "busy")  # PortAudio's paDeviceUnavailable and friends


@dataclass
class RecordSettings:
    """How an answer ends.

    silence_s: seconds of silence after speech that end the answer (guidance: a pause over
        about 2 to 3 s reads as finished; 2.5 s sits in that band).
    max_s: hard cap on one answer (guidance: over about 3 minutes loses the listener).
    no_speech_s: give up when nothing has been said for this long.
    """

    silence_s: float = 2.5
    max_s: float = 180.0
    no_speech_s: float = 30.0


@dataclass
class Recording:
    clip: Clip
    ended_by: str  # "silence", "enter", "cap", "no_speech"
    path: Path


class Recorder:
    """Records answers from one input device (None = the default microphone)."""

    def __init__(
        self,
        device: str | int | None = None,
        settings: RecordSettings | None = None,
        meter: TextIO | None = None,
        stdin: TextIO | None = None,
    ) -> None:
        self.device = resolve_input(device)
        self.settings = settings or RecordSettings()
        self.meter = meter
        self.stdin = stdin

    def record(self, path: Path, on_block: Callable[[np.ndarray], None] | None = None) -> Recording:
        sd = sounddevice()
        blocks: queue.Queue[np.ndarray] = queue.Queue()
        detector = EndOfSpeechDetector(
            sample_rate=STT_RATE, silence_after_speech_s=self.settings.silence_s
        )
        collected: list[np.ndarray] = []
        started = time.monotonic()
        ended_by = "cap"

        def callback(indata: np.ndarray, frames: int, t: object, status: object) -> None:
            blocks.put(indata[:, 0].copy())

        out = _create_wav(path)
        try:
            try:
                stream = self._open(sd, callback)
            except AudioDeviceError:
                out.close()
                path.unlink(missing_ok=True)  # nothing was recorded: leave no empty file
                raise
            try:
                while True:
                    try:
                        block = blocks.get(timeout=STALL_S)
                    except queue.Empty:
                        ended_by = "device_lost"
                        break
                    collected.append(block)
                    try:
                        out.writeframes((np.clip(block, -1, 1) * 32767).astype("<i2").tobytes())
                    except OSError as exc:
                        raise RecordingsError(
                            f"cannot go on recording: {os_reason(exc)}; what was recorded is "
                            f"saved in {path}"
                        ) from exc
                    if on_block:
                        on_block(block)
                    state = detector.feed(block)
                    elapsed = time.monotonic() - started
                    self._show_meter(block, elapsed, detector.speech_started)
                    if state.ended:
                        ended_by = "silence"
                        break
                    if self._enter_pressed():
                        ended_by = "enter"
                        break
                    if elapsed >= self.settings.max_s:
                        ended_by = "cap"
                        break
                    if not detector.speech_started and elapsed >= self.settings.no_speech_s:
                        ended_by = "no_speech"
                        break
            finally:
                self._close(sd, stream)
                self._clear_meter()
        finally:
            # on a full disk the final header patch fails too; every earlier write patched it
            with contextlib.suppress(OSError):
                out.close()
        samples = np.concatenate(collected) if collected else np.zeros(0, np.float32)
        clip = Clip(samples.astype(np.float32), STT_RATE)
        if ended_by == "device_lost":
            raise AudioDeviceError(
                f"the microphone stopped sending audio; what was recorded is saved in {path}"
            )
        return Recording(clip, ended_by, path)

    def _open(self, sd: ModuleType, callback: Callable[..., None]) -> object:
        try:
            stream = sd.InputStream(
                samplerate=STT_RATE,
                channels=1,
                dtype="float32",
                blocksize=int(STT_RATE * BLOCK_S),
                device=self.device,
                callback=callback,
            )
            stream.start()
        except sd.PortAudioError as exc:
            text = str(exc)
            if any(mark in text.lower() for mark in BUSY):
                raise AudioDeviceError(
                    f"the microphone is busy or unavailable (another program may be using it; "
                    f"{text}); close it and retry, or pick another with --input-device"
                ) from exc
            raise AudioDeviceError(f"cannot open the microphone: {text}") from exc
        return stream

    @staticmethod
    def _close(sd: ModuleType, stream: object) -> None:
        """Stop the stream; a device that already vanished may fail here, which changes nothing."""
        try:
            stream.stop()  # type: ignore[attr-defined]
            stream.close()  # type: ignore[attr-defined]
        except sd.PortAudioError as exc:
            log.debug("closing the input stream failed: %s", exc)

    def _enter_pressed(self) -> bool:
        if self.stdin is None:
            return False
        try:
            ready, _, _ = select.select([self.stdin], [], [], 0)
        except (ValueError, OSError):
            return False
        if ready:
            self.stdin.readline()
            return True
        return False

    def _show_meter(self, block: np.ndarray, elapsed: float, speaking: bool) -> None:
        if self.meter is None:
            return
        rms = float(np.sqrt(np.mean(block.astype(np.float64) ** 2))) if len(block) else 0.0
        db = 20 * math.log10(rms) if rms > 1e-6 else -120.0
        bars = max(0, min(20, int((db + 60) / 3)))  # -60 dBFS .. 0 dBFS over 20 cells
        mins, secs = divmod(int(elapsed), 60)
        state = "speaking" if speaking else "listening"
        self.meter.write(
            f"\r  ● REC {mins}:{secs:02d}  [{'#' * bars}{'.' * (20 - bars)}] {state:9s}"
            "  (Enter to finish)"
        )
        self.meter.flush()

    def _clear_meter(self) -> None:
        if self.meter is not None:
            self.meter.write("\r" + " " * 72 + "\r")
            self.meter.flush()


def _create_wav(path: Path) -> wave.Wave_write:
    try:
        out = wave.open(str(path), "wb")  # noqa: SIM115 - closed in record()'s finally
    except OSError as exc:
        raise RecordingsError(f"cannot save the answer to {path}: {os_reason(exc)}") from exc
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(STT_RATE)
    return out


def default_meter_stream() -> TextIO | None:
    return sys.stderr if sys.stderr.isatty() else None
