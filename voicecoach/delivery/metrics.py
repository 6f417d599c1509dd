"""Delivery figures for one answer, from the waveform and the transcriber's word timings.

Why it exists: pace, pauses, loudness and pitch variation are invisible in the text. Everything
here is plain numbers (JSON-ready) so the report, the saved session and the checks share them.
Rates use the spoken span (first word start to last word end), so silence before the answer and
after it does not make the speaker look slow.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from voicecoach.audio.clip import Clip
from voicecoach.delivery.thresholds import thresholds
from voicecoach.stt.base import Word

_WORD_CHARS = re.compile(r"[^\W_]", re.UNICODE)


def spoken_words(words: list[Word]) -> list[Word]:
    """Words that hold letters or digits (drops stray punctuation tokens), in time order."""
    return sorted((w for w in words if _WORD_CHARS.search(w.word)), key=lambda w: w.start)


def word_offsets(text: str, words: list[Word]) -> list[tuple[int, int] | None]:
    """Character span of each word in `text`, matched in order (None where it cannot be found)."""
    low = text.lower()
    out: list[tuple[int, int] | None] = []
    cursor = 0
    for w in words:
        token = w.word.strip().lower().strip(".,!?;:\"'()")
        at = low.find(token, cursor) if token else -1
        if at < 0 or at - cursor > 80:  # not nearby: the text and the timings disagree here
            out.append(None)
            continue
        out.append((at, at + len(token)))
        cursor = at + len(token)
    return out


def _windows(words: list[Word], seconds: float) -> list[dict[str, float]]:
    if not words:
        return []
    first, last = words[0].start, words[-1].end
    out = []
    start = first
    while start < last:
        end = min(start + seconds, last)
        n = sum(1 for w in words if start <= (w.start + w.end) / 2 < end or
                (end == last and (w.start + w.end) / 2 == end))
        span = end - start
        if span >= seconds / 3 or not out:  # a short tail window says little about rate
            out.append({"start": round(start, 2), "end": round(end, 2),
                        "wpm": round(60.0 * n / span, 1) if span > 0 else 0.0})
        start += seconds
    return out


def _frame_power(samples: np.ndarray, rate: int, hop_s: float = 0.01) -> np.ndarray:
    hop = max(1, round(rate * hop_s))
    n = len(samples) // hop
    return np.mean(samples[: n * hop].astype(np.float64).reshape(n, hop) ** 2, axis=1)


def _quiet_run(power: np.ndarray, lo: float, hi: float, floor: float) -> tuple[float, float]:
    """Longest run of 10 ms frames at or below `floor` power inside [lo, hi) seconds."""
    a, b = max(0, int(lo * 100)), min(len(power), int(np.ceil(hi * 100)))
    best, start = (0, 0), None
    for i in range(a, b + 1):
        quiet = i < b and power[i] <= floor
        if quiet and start is None:
            start = i
        elif not quiet and start is not None:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return best[0] / 100.0, best[1] / 100.0


def _pauses(words: list[Word], text: str, clip: Clip, min_s: float) -> list[dict[str, Any]]:
    """Silences over `min_s` between words. Whisper's word edges drift by up to a second
    around long silences, so each candidate gap is re-measured on the waveform: the longest run
    of frames 35 dB below the loudest frame, searched from the start of the word before to the
    end of the word after (kept as Whisper gave it when the room is too noisy for that)."""
    offsets = word_offsets(text, words)
    power = _frame_power(clip.samples, clip.sample_rate)
    floor = float(power.max()) * 10 ** (-35 / 10) if len(power) else 0.0
    out = []
    for i in range(1, len(words)):
        start, end = words[i - 1].end, words[i].start
        if end - start < min_s / 2:
            continue
        q0, q1 = _quiet_run(power, words[i - 1].start, words[i].end, floor)
        if q1 - q0 >= min_s / 2:
            start, end = q0, q1
        if end - start <= min_s:
            continue
        span = offsets[i]
        out.append({
            "start": round(start, 2),
            "end": round(end, 2),
            "seconds": round(end - start, 2),
            "next_word": words[i].word.strip(),
            "char_start": span[0] if span else None,
            "char_end": span[1] if span else None,
        })
    return out


def count_fillers(text: str) -> dict[str, int]:
    """Filler words in a verbatim transcript: hesitation sounds and empty phrases.

    Word lists come from voicecoach/analysis/data/fillers.yaml (the text check's lists). Here
    "like" and "you know" count only when set off by commas, the unambiguous filler position.
    """
    th = thresholds()
    low = text.lower().replace("\u2019", "'")
    counts: dict[str, int] = {}
    for m in th.filler_re.finditer(low):
        key = re.sub(r"\s+", " ", m.group(1) or m.group(2))
        counts[key] = counts.get(key, 0) + 1
    return counts


def _loudness(samples: np.ndarray, rate: int, span: tuple[float, float]) -> tuple[float, float]:
    """(active speech level in dBFS, share of samples at full scale)."""
    if len(samples) == 0:
        return -math.inf, 0.0
    clipped = float(np.mean(np.abs(samples) >= thresholds().clip_level))
    a, b = (round(t * rate) for t in span)
    part = samples[a:b] if b > a else samples
    frame = max(1, rate // 50)  # 20 ms frames
    n = len(part) // frame
    if n == 0:
        power = np.array([float(np.mean(part.astype(np.float64) ** 2))])
    else:
        frames = part[: n * frame].astype(np.float64).reshape(n, frame)
        power = np.mean(frames**2, axis=1)
    # active level: frames within 35 dB of the loudest, so pauses do not drag the level down
    loud = power[power >= power.max() * 10 ** (-35 / 10)] if power.max() > 0 else power
    level = float(np.mean(loud))
    return (10 * math.log10(level) if level > 0 else -math.inf), clipped


def pitch_spread_semitones(clip: Clip) -> float | None:
    """10th-to-90th percentile range of voiced F0 in semitones (None: too little voicing)."""
    import parselmouth

    if clip.duration < 0.5:
        return None
    sound = parselmouth.Sound(np.asarray(clip.samples, dtype=np.float64), clip.sample_rate)
    f0 = sound.to_pitch().selected_array["frequency"]
    voiced = f0[f0 > 0]
    if len(voiced) < thresholds().min_voiced_frames:
        return None
    st = 12.0 * np.log2(voiced / np.median(voiced))
    lo, hi = np.percentile(st, [10, 90])
    return round(float(hi - lo), 2)


def delivery_metrics(clip: Clip, words: list[Word], transcript_text: str) -> dict[str, Any]:
    """Every delivery figure for one answer (see the package docs for the keys)."""
    th = thresholds()
    words = spoken_words(words)
    duration = round(clip.duration, 2)
    if words:
        first, last = words[0].start, words[-1].end
        speaking = max(last - first, 0.0)
    else:
        first = last = speaking = 0.0
    n = len(words)
    fillers = count_fillers(transcript_text)
    n_fillers = sum(fillers.values())
    pauses = _pauses(words, transcript_text, clip, th.pause_s)
    level, clipped = _loudness(clip.samples, clip.sample_rate, (first, last) if words else (0, 0))
    return {
        "wpm": round(60.0 * n / speaking, 1) if speaking > 0 else 0.0,
        "wpm_windows": _windows(words, th.window_s),
        "time_to_first_word_s": round(first, 2) if words else None,
        "pauses": pauses,
        "pause_count": len(pauses),
        "longest_pause_s": max((p["seconds"] for p in pauses), default=0.0),
        "duration_s": duration,
        "speaking_s": round(speaking, 2),
        "word_count": n,
        "filler_count": n_fillers,
        "fillers": fillers,
        "fillers_per_100_words": round(100.0 * n_fillers / n, 2) if n else 0.0,
        "fillers_per_minute": round(60.0 * n_fillers / speaking, 2) if speaking > 0 else 0.0,
        "rms_dbfs": round(level, 1) if math.isfinite(level) else None,
        "clipped_share": round(clipped, 5),
        "pitch_spread_semitones": pitch_spread_semitones(clip) if words else None,
    }
