"""Speech in: a small `Transcriber` interface and one module per engine.

Pick an engine with `voicecoach.stt.load_transcriber(name)`; heavy engines import lazily, so
importing this package does not import faster-whisper or pocketsphinx.

Engines:
    whisper  faster-whisper, offline, word timings (default; model tiny.en unless told otherwise)
    sphinx   PocketSphinx, offline, text only, much less accurate
    google   Google web speech API: ONLINE, sends the audio off the machine; never the default
"""

from __future__ import annotations

from pathlib import Path

from voicecoach.errors import TranscriberError
from voicecoach.stt.base import Transcriber, Transcript, Word

__all__ = ["ENGINES", "Transcriber", "Transcript", "Word", "load_transcriber"]

#: Engine names accepted by `load_transcriber`.
ENGINES = ("whisper", "sphinx", "google")


def load_transcriber(engine: str = "whisper", model: str | Path | None = None) -> Transcriber:
    """Build (and load) a transcriber. Raises TranscriberError with one line on any failure.

    model: for whisper, a size name (tiny.en, base.en, small.en: must be in the local cache) or
    a CTranslate2 model folder; None means the bundled tiny.en. Other engines take no model.
    """
    name = (engine or "").strip().lower()
    if name == "whisper":
        from voicecoach.stt.whisper import WhisperTranscriber

        return WhisperTranscriber(model)
    if name not in ENGINES:
        raise TranscriberError(
            f"unknown speech-to-text engine {engine!r}; choose one of: {', '.join(ENGINES)}"
        )
    if model is not None:
        raise TranscriberError(f"the {name} engine takes no model (got {str(model)!r})")
    if name == "sphinx":
        from voicecoach.stt.sphinx import SphinxTranscriber

        return SphinxTranscriber()
    from voicecoach.stt.google import GoogleTranscriber

    return GoogleTranscriber()
