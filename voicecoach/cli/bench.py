"""`voicecoach bench`: does this machine keep up with a model? Speed, accuracy, latency, memory."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

DEFAULT_MANIFEST = Path(__file__).resolve().parents[2].parent / "shared" / "speech-eval" / \
    "manifest.tsv"

HELP = """\
Measures what decides whether practice feels natural on this machine:
  model load time, real-time factor (decode seconds per second of audio), word error rate on a
  manifest of recordings, feedback latency (a synthesized answer fed at real-time pace through
  the same streaming path practice uses, timed from the moment the end of the answer is detected
  to the first sample of spoken feedback; the plain transcribe-after-the-end path beside it),
  analysis time per answer, and peak memory.

A 60 s answer takes about a minute to feed (real time). Progress goes to stderr.

examples:
  voicecoach bench
  voicecoach bench --answer-seconds 120 --runs 3
  voicecoach bench --model base.en --manifest my-clips/manifest.tsv --json
"""


def register(sub: Any) -> None:
    p = sub.add_parser("bench", help="benchmark speech-to-text speed, accuracy, feedback latency "
                       "and memory on this machine", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", default=None,
                   help="faster-whisper model: base.en, small.en (if installed) or a model folder "
                   "(default: the bundled tiny.en)")
    p.add_argument("--manifest", type=Path, default=None, metavar="TSV",
                   help="recordings for WER: tab-separated with 'file' and 'transcript' columns "
                   f"(default: {DEFAULT_MANIFEST} if it exists)")
    p.add_argument("--no-wer", dest="wer", action="store_false", help="skip the WER measurement")
    p.add_argument("--answer-seconds", type=float, default=60.0, metavar="N",
                   help="length of the timed answer in seconds (default: 60)")
    p.add_argument("--runs", type=int, default=1,
                   help="timed answers; medians are reported (default: 1)")
    p.add_argument("--pace", type=float, default=1.0, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voicecoach.benchmarking import BenchOptions, run_bench
    from voicecoach.errors import UsageError

    manifest = None
    if args.wer:
        manifest = args.manifest or (DEFAULT_MANIFEST if DEFAULT_MANIFEST.is_file() else None)
        if manifest is None:
            print("voicecoach: no manifest found; skipping WER (give one with --manifest)",
                  file=sys.stderr)
        elif not manifest.is_file():
            raise UsageError(f"{manifest}: no such manifest")
    options = BenchOptions(args.model, manifest, args.answer_seconds, args.runs, args.pace)
    result = run_bench(options, lambda line: print(f"  {line}", file=sys.stderr, flush=True))
    print(json.dumps(result, indent=2) if args.json else format_result(result))
    return 0


def format_result(r: dict[str, Any]) -> str:
    def verdict(ms: float, target_ms: float) -> str:
        return "ok" if ms <= target_ms else f"slower than the {target_ms / 1000:g} s target"

    target = 1000.0 if r["answer_seconds"] <= 90 else 1200.0
    lines = [
        f"model:               {r['model']}",
        f"model load:          {r['model_load_ms'] / 1000:.2f} s",
        f"real-time factor:    {r['rtf']:.3f}  ({r['rtf'] * 60:.1f} s to decode a minute of "
        "speech after the fact)",
        f"feedback latency:    {r['feedback_latency_ms'] / 1000:.2f} s to the first spoken word"
        f" after a {r['answer_seconds']:.0f} s answer "
        f"({verdict(r['feedback_latency_ms'], target)})",
        f"  feedback ready:    {r['feedback_ready_ms'] / 1000:.2f} s (transcript "
        f"{r['transcript_ready_ms'] / 1000:.2f} s, {r['stretches']} stretches decoded live)",
        f"  without streaming: {r['batch_latency_ms'] / 1000:.2f} s to the first word "
        f"(feedback ready {r['batch_ready_ms'] / 1000:.2f} s)",
        f"analysis:            {r['analysis_ms']:.1f} ms per answer "
        f"(first call {r['analysis_first_ms']:.0f} ms)",
        f"answer WER:          {r['answer_wer_streaming']:.1%} streaming, "
        f"{r['answer_wer_batch']:.1%} whole answer",
    ]
    if r.get("wer") is not None:
        lines.append(f"WER on manifest:     {r['wer']:.1%} over {r['wer_clips']} clips "
                     f"({r['wer_audio_s']:.0f} s, streaming path)")
    lines.append(f"peak memory:         {r['peak_rss_mb']:.0f} MB")
    if r["runs"] > 1:
        lines.append(f"(medians of {r['runs']} runs)")
    return "\n".join(lines)
