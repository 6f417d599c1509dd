"""Word error rate through the streaming path (cut at pauses while recording) on speech-eval.

Usage (from the repo root):
    .venv/bin/python benchmarks/streaming_wer.py                # each clip fed in 50 ms blocks
    .venv/bin/python benchmarks/streaming_wer.py --joined       # all clips as one long answer
    .venv/bin/python benchmarks/streaming_wer.py --model base.en path/to/manifest.tsv

Why: `StreamingTranscriber` decodes stretches cut at pauses instead of whole answers; cutting
must not cost words. Per-clip mode feeds every recording as the microphone would (faster than
real time). `--joined` strings all clips together with 0.8 s gaps into one 4-minute "answer",
which exercises pause cuts and 20 s forced cuts across very different voices; its hypothesis is
scored against all references joined. The batch figure (whole clip at once) is printed beside.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.benchmarking.accuracy import manifest_wer, read_manifest, stream_clip
from voicecoach.stt.wer import normalize, word_errors
from voicecoach.stt.whisper import WhisperTranscriber

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MANIFEST = REPO_ROOT.parent / "shared" / "speech-eval" / "manifest.tsv"


def joined(transcriber: WhisperTranscriber, manifest: Path) -> None:
    rows = read_manifest(manifest)
    gap = np.zeros(int(0.8 * STT_RATE), np.float32)
    parts: list[np.ndarray] = []
    for path, _ in rows:
        parts += [Clip.load(path).samples, gap]
    clip = Clip(np.concatenate(parts), STT_RATE)
    reference = " ".join(ref for _, ref in rows)
    started = time.perf_counter()
    streamed = stream_clip(transcriber, clip).text
    stream_s = time.perf_counter() - started
    started = time.perf_counter()
    batch = transcriber.transcribe_clip(clip).text
    batch_s = time.perf_counter() - started
    s, b = word_errors(reference, streamed), word_errors(reference, batch)
    print(f"joined answer: {clip.duration:.1f} s, {s.reference_words} words")
    print(f"  streaming WER {s.wer:.1%}  ({s.errors} errors, {stream_s:.1f} s)")
    print(f"  whole-clip WER {b.wer:.1%}  ({b.errors} errors, {batch_s:.1f} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest", nargs="?", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--model", default=None, help="whisper size name or model folder")
    parser.add_argument("--joined", action="store_true", help="all clips as one long answer")
    parser.add_argument("-q", "--quiet", action="store_true", help="only the summary")
    args = parser.parse_args(argv)
    transcriber = WhisperTranscriber(args.model)
    if args.joined:
        joined(transcriber, args.manifest)
        return 0
    score = manifest_wer(transcriber, args.manifest)
    batch_errors = batch_words = 0
    for (path, reference), (name, errs, hyp) in zip(
        read_manifest(args.manifest), score.per_clip, strict=True
    ):
        whole = word_errors(reference, transcriber.transcribe_clip(Clip.load(path)).text)
        batch_errors, batch_words = batch_errors + whole.errors, batch_words + whole.reference_words
        if not args.quiet:
            print(f"{name}  WER {errs.wer:6.1%}  (whole clip {whole.wer:6.1%})")
            if errs.errors != whole.errors:
                print(f"    ref: {normalize(reference)}\n    hyp: {normalize(hyp)}")
    print(f"clips: {len(score.per_clip)}  audio: {score.audio_s:.1f} s")
    print(f"streaming WER: {score.wer:.1%}  ({score.errors}/{score.words})")
    print(f"whole-clip WER: {batch_errors / batch_words:.1%}")
    print(f"streaming RTF: {score.rtf:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
