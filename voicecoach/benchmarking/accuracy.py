"""Word error rate through the streaming path, on a manifest of recordings.

Why it exists: cutting an answer at pauses must not cost words, and `voicecoach bench` should tell
a user how accurate a model is on real speech. Each recording is fed to a `StreamingTranscriber`
in 50 ms blocks, as the microphone would, but without waiting (faster than real time). Scoring
uses `voicecoach.stt.wer` (same normalisation on both sides; total errors over total words).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.errors import UsageError
from voicecoach.stt.base import Transcriber, Transcript
from voicecoach.stt.streaming import SegmenterSettings, StreamingTranscriber
from voicecoach.stt.wer import WordErrors, word_errors

#: Block length the recorder delivers (voicecoach.audio.mic.BLOCK_S).
BLOCK_S = 0.05


@dataclass
class ManifestScore:
    """Totals over a manifest. per_clip: (file name, errors, hypothesis) in manifest order."""

    errors: int = 0
    words: int = 0
    audio_s: float = 0.0
    decode_s: float = 0.0
    per_clip: list[tuple[str, WordErrors, str]] = field(default_factory=list)

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 0.0

    @property
    def rtf(self) -> float:
        return self.decode_s / self.audio_s if self.audio_s else 0.0


def read_manifest(path: Path) -> list[tuple[Path, str]]:
    """(audio path, reference) rows of a TSV with `file` and `transcript` columns."""
    if not path.is_file():
        raise UsageError(f"{path}: no such manifest")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or not {"file", "transcript"} <= set(rows[0]):
        raise UsageError(f"{path}: a manifest needs tab-separated 'file' and 'transcript' columns")
    return [(path.parent / row["file"], row["transcript"] or "") for row in rows]


def stream_clip(
    transcriber: Transcriber, clip: Clip, settings: SegmenterSettings | None = None
) -> Transcript:
    """Transcribe `clip` through the streaming path, fed in recorder-sized blocks at once."""
    clip = clip.resampled(STT_RATE)
    stream = StreamingTranscriber(transcriber, STT_RATE, settings)
    step = int(BLOCK_S * STT_RATE)
    for at in range(0, len(clip.samples), step):
        stream.feed(clip.samples[at : at + step])
    return stream.finish()


def manifest_wer(
    transcriber: Transcriber,
    manifest: Path,
    progress: Callable[[str], None] | None = None,
    settings: SegmenterSettings | None = None,
) -> ManifestScore:
    """Streaming-path WER and decode speed of `transcriber` on every clip of `manifest`."""
    score = ManifestScore()
    rows = read_manifest(manifest)
    for number, (path, reference) in enumerate(rows, 1):
        clip = Clip.load(path)
        started = time.perf_counter()
        hypothesis = stream_clip(transcriber, clip, settings).text
        score.decode_s += time.perf_counter() - started
        score.audio_s += clip.duration
        errs = word_errors(reference, hypothesis)
        score.errors += errs.errors
        score.words += errs.reference_words
        score.per_clip.append((path.name, errs, hypothesis))
        if progress:
            progress(f"WER {number}/{len(rows)} {path.name}: {errs.wer:.1%}")
    return score
