"""The coach's voice: synthesize with a speech engine, then play and wait until it has finished.

If speech fails mid-session (no output device, engine error), the session goes on in text and
says so once; the printed output always carries everything that is spoken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from voicecoach.errors import VoiceCoachError

log = logging.getLogger(__name__)


class Voice:
    """Speaks text aloud with `speaker` and `player`; `enabled=False` makes it silent."""

    def __init__(
        self,
        speaker: object | None,
        player: object | None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.speaker = speaker
        self.player = player
        self.warn = warn or (lambda msg: log.warning("%s", msg))

    @property
    def enabled(self) -> bool:
        return self.speaker is not None and self.player is not None

    def say(self, text: str) -> None:
        if not self.enabled or not text.strip():
            return
        try:
            clip = self.speaker.synthesize(text)  # type: ignore[union-attr]
            self.player.play(clip)  # type: ignore[union-attr]
        except VoiceCoachError as exc:
            self.warn(f"speech turned off: {exc}")
            self.speaker = None
