"""A spoken interview answer of a chosen length, for timing the feedback path.

Why it exists: feedback latency depends on how long the answer is and where its pauses fall, and
`voicecoach bench` must run on any machine without a recording. The answer is built from Piper
speech of interview-like sentences joined by 0.3-1.0 s pauses (the spread of pauses between
sentences in unscripted speech), with a faint noise floor like a quiet room's microphone. It is
cached as a WAV (with its reference text) in the temp folder: synthesis takes a few seconds.
"""

from __future__ import annotations

import hashlib
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.speech.base import Speaker

#: Sentences of a plausible behavioural answer (read in order, repeated if the answer is long).
SENTENCES = (
    "In my last role I led a team of five engineers that rebuilt our billing system.",
    "The old system had grown over ten years and nobody fully understood it.",
    "Customers were getting wrong invoices about twice a month, and support was overloaded.",
    "I started by mapping every flow with the people who used it every day.",
    "Then we agreed on a plan to replace one part at a time instead of everything at once.",
    "The hardest part was moving customers across without any downtime.",
    "We ran the old and the new system side by side for six weeks and compared every invoice.",
    "When the numbers matched for a full month, we switched over on a quiet Sunday morning.",
    "Invoice errors dropped by about ninety percent in the first quarter.",
    "Support tickets about billing fell from around three hundred a month to under forty.",
    "I also learned to share bad news early, because surprises cost us more than delays.",
    "If I did it again, I would bring the finance team in during the first week, not the third.",
    "That project is the main reason I want a role where I can own systems end to end.",
)
#: Pauses between sentences, seconds (uniform in this range, fixed seed).
PAUSE_RANGE_S = (0.3, 1.0)
#: Room noise added to the whole answer (RMS; 0.0006 is about -64 dBFS, a quiet room).
NOISE_RMS = 0.0006
_VERSION = "2"


@dataclass(frozen=True)
class SpokenAnswer:
    """clip: 16 kHz speech, no trailing silence. reference: the words spoken."""

    clip: Clip
    reference: str


def cache_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "voicecoach-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def build_answer(seconds: float, speaker: Speaker, cache: Path | None = None) -> SpokenAnswer:
    """About `seconds` of answer: whole sentences, ending at the boundary nearest to `seconds`."""
    scale = getattr(speaker, "length_scale", None)
    key = hashlib.sha1(f"{_VERSION}|{float(seconds)}|{speaker.name}|{scale}".encode()).hexdigest()
    key = key[:12]
    folder = cache or cache_folder()
    wav, txt = folder / f"answer-{key}.wav", folder / f"answer-{key}.txt"
    if wav.is_file() and txt.is_file():
        return SpokenAnswer(Clip.load(wav), txt.read_text(encoding="utf-8"))
    rng = random.Random(7)
    parts: list[np.ndarray] = []
    said: list[str] = []
    total = 0
    limit = int(seconds * STT_RATE)
    for index in range(1000):
        sentence = SENTENCES[index % len(SENTENCES)]
        speech = speaker.synthesize(sentence).resampled(STT_RATE).samples
        pause = np.zeros(int(rng.uniform(*PAUSE_RANGE_S) * STT_RATE), np.float32)
        # stop at the sentence boundary nearest to the length asked for
        if said and total + len(pause) + len(speech) - limit > limit - total:
            break
        parts += [pause, speech] if said else [speech]
        said.append(sentence)
        total += len(speech) + (len(pause) if len(said) > 1 else 0)
    samples = np.concatenate(parts)
    noise = np.random.default_rng(7).normal(0.0, NOISE_RMS, len(samples)).astype(np.float32)
    clip = Clip(samples + noise, STT_RATE)
    # write under temporary names, then rename: two benchmarks may build the same answer at once
    part = folder / f"{txt.name}.{id(clip)}"
    part.write_text(" ".join(said), encoding="utf-8")
    part.replace(txt)
    part = clip.save_wav(folder / f"{wav.name}.{id(clip)}")
    part.replace(wav)
    return SpokenAnswer(Clip.load(wav), " ".join(said))


def room_silence(seconds: float) -> np.ndarray:
    """Room noise with no speech, to follow the answer until the end is detected."""
    n = int(seconds * STT_RATE)
    return np.random.default_rng(8).normal(0.0, NOISE_RMS, n).astype(np.float32)
