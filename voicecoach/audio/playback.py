"""Playing a clip to the speakers, blocking until the last sample has been played.

Speaking must really have finished before recording starts, or the microphone records the
question; so engines only synthesize, and this module plays and waits.
"""

from __future__ import annotations

import logging

from voicecoach.audio.clip import Clip
from voicecoach.audio.devices import sounddevice
from voicecoach.errors import AudioDeviceError

log = logging.getLogger(__name__)


class Player:
    """Plays clips on one output device (None = the system default)."""

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device

    def play(self, clip: Clip) -> None:
        if len(clip.samples) == 0:
            return
        sd = sounddevice()
        try:
            sd.play(clip.samples, clip.sample_rate, device=self.device, blocking=True)
        except sd.PortAudioError as exc:
            raise AudioDeviceError(f"cannot play sound: {exc}; try --no-speak") from exc
