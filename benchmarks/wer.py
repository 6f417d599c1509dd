"""Word error rate and speed of a transcriber on the shared speech-eval set.

Usage (from the repo root):
    .venv/bin/python benchmarks/wer.py                      # whisper tiny.en, beam 5, 2 threads
    .venv/bin/python benchmarks/wer.py --model base.en      # a cached size name or model folder
    .venv/bin/python benchmarks/wer.py --engine sphinx
    .venv/bin/python benchmarks/wer.py path/to/manifest.tsv --beam-size 1 --no-vad

Prints per-clip WER, overall WER (total errors / total reference words, after
`voicecoach.stt.wer.normalize` on both sides), WER for wideband clips and for the telephone clips
(clips 36-39, 8 kHz sources), the real-time factor (decode seconds / audio seconds) and the model
load time.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from voicecoach.audio.clip import Clip
from voicecoach.errors import VoiceCoachError
from voicecoach.stt import load_transcriber
from voicecoach.stt.wer import WordErrors, normalize, word_errors

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MANIFEST = REPO_ROOT.parent / "shared" / "speech-eval" / "manifest.tsv"
#: Clips from 8 kHz telephone recordings (speech-eval README), reported separately.
TELEPHONE = {"clip36.wav", "clip37.wav", "clip38.wav", "clip39.wav"}


def _total(rows: list[WordErrors]) -> float:
    words = sum(r.reference_words for r in rows)
    return sum(r.errors for r in rows) / words if words else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest", nargs="?", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--engine", default="whisper", help="whisper, sphinx or google")
    parser.add_argument("--model", default=None, help="whisper size name or model folder")
    parser.add_argument("--beam-size", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-vad", action="store_true", help="decode without Silero VAD")
    parser.add_argument("-q", "--quiet", action="store_true", help="only the summary")
    args = parser.parse_args(argv)
    if not args.manifest.is_file():
        print(f"error: {args.manifest}: no such manifest", file=sys.stderr)
        return 2

    started = time.perf_counter()
    try:
        if args.engine == "whisper":
            from voicecoach.stt.whisper import WhisperTranscriber

            transcriber = WhisperTranscriber(
                args.model, beam_size=args.beam_size, cpu_threads=args.threads,
                vad=not args.no_vad,
            )
        else:
            transcriber = load_transcriber(args.engine, args.model)
    except VoiceCoachError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    load_seconds = time.perf_counter() - started

    with args.manifest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    results: dict[str, WordErrors] = {}
    audio_seconds = decode_seconds = 0.0
    for row in rows:
        clip = Clip.load(args.manifest.parent / row["file"])
        t0 = time.perf_counter()
        transcript = transcriber.transcribe(clip.to_audio_data())
        decode_seconds += time.perf_counter() - t0
        audio_seconds += clip.duration
        errs = word_errors(row["transcript"], transcript.text)
        results[row["file"]] = errs
        if not args.quiet:
            print(f"{row['file']}  WER {errs.wer:6.1%}  ({errs.errors}/{errs.reference_words})")
            if errs.errors:
                print(f"    ref: {normalize(row['transcript'])}")
                print(f"    hyp: {normalize(transcript.text)}")

    wide = [e for f, e in results.items() if f not in TELEPHONE]
    phone = [e for f, e in results.items() if f in TELEPHONE]
    if args.engine == "whisper":
        print(f"engine: whisper {transcriber.model_path}  beam={args.beam_size} "
              f"threads={args.threads} vad={not args.no_vad}")
    else:
        print(f"engine: {args.engine}")
    print(f"clips: {len(results)}  audio: {audio_seconds:.1f} s")
    print(f"overall WER: {_total(list(results.values())):.1%}  "
          f"(wideband {_total(wide):.1%}, telephone {_total(phone):.1%})")
    print(f"RTF: {decode_seconds / audio_seconds:.3f}  ({decode_seconds:.1f} s decoding)")
    print(f"model load: {load_seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
