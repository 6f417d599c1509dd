"""Delivery checks: turn the figures from `metrics.py` into findings with spoken-ready tips.

Check names: pace, pauses, filler_words, volume, monotone, length. Thresholds and their sources
are in data/thresholds.yaml. Tips are our own words; each check has a few phrasings, picked by
the measured figure so the coach does not repeat itself word for word across answers.
"""

from __future__ import annotations

import re
from typing import Any

from voicecoach.analysis.report import Finding, Severity
from voicecoach.delivery.thresholds import thresholds

DELIVERY_CHECKS = ("pace", "pauses", "filler_words", "volume", "monotone", "length")


def _pick(options: tuple[str, ...], key: float) -> str:
    return options[int(abs(key)) % len(options)]


def _secs(s: float) -> str:
    if s >= 90:
        return f"{s / 60:.1f} minutes".replace(".0 ", " ")
    return f"{round(s)} seconds" if s >= 10 else f"{s:.1f} seconds".replace(".0 ", " ")


def _whole(check: str, severity: Severity, message: str, tip: str,
           detail: dict[str, Any]) -> Finding:
    return Finding(check, severity, "", 0, 0, message, tip, detail)


def _pace(m: dict[str, Any]) -> list[Finding]:
    th = thresholds()["pace"]
    wpm = m["wpm"]
    if m["speaking_s"] < th["min_speaking_s"] or not wpm:
        return []
    said = f"You spoke at about {round(wpm)} words a minute"
    detail = {"wpm": wpm, "target": [th["target_low"], th["target_high"]]}
    if wpm > th["fast_wpm"]:
        sev: Severity = "problem" if wpm > th["rushed_wpm"] else "warning"
        tip = _pick((f"{said}; slow down so each point lands.",
                     f"{said}; take a breath between points and aim for about 140.",
                     f"{said}, which sounds rushed; pause after each key fact so it sinks in."),
                    wpm)
        return [_whole("pace", sev, f"{said}, faster than listeners follow comfortably.", tip,
                       detail | {"direction": "fast"})]
    if wpm < th["slow_wpm"]:
        sev = "problem" if wpm < th["very_slow_wpm"] else "warning"
        tip = _pick((f"{said}; pick up the pace a little so the answer keeps its energy.",
                     f"{said}; know your example well enough to tell it at about 130.",
                     f"{said}, which drags; shorter sentences will help you keep moving."), wpm)
        return [_whole("pace", sev, f"{said}, slower than the 120 to 160 that keeps attention.",
                       tip, detail | {"direction": "slow"})]
    return []


def _pauses(m: dict[str, Any], text: str) -> list[Finding]:
    th = thresholds()["pauses"]
    out = []
    start = m.get("time_to_first_word_s") or 0.0
    if start > th["start_delay_s"]:
        tip = _pick(("Start with a short opener, such as restating the question, while you "
                     "gather your thoughts.",
                     "Begin within a couple of seconds; a phrase like 'good question, let me "
                     "think of an example' buys time without dead air."), start)
        out.append(_whole("pauses", "warning", f"You waited {_secs(start)} before starting.",
                          tip, {"kind": "start", "seconds": start}))
    for p in m["pauses"]:
        s, e = p.get("char_start"), p.get("char_end")
        located = s is not None and e is not None and text[s:e].lower() == p["next_word"].lower(
        ).strip(".,!?;:\"'()")
        sev: Severity = "problem" if p["seconds"] >= th["long_pause_s"] else "warning"
        tip = _pick(("A short pause is fine, but a long silence sounds unsure; if you need "
                     "time, say that you are thinking it over.",
                     "Plan the next step of your story before you start, so you don't go quiet "
                     "halfway through.",
                     "Bridge a gap with a short phrase instead of silence, then carry on."),
                    p["start"])
        where = f" before \"{text[s:e]}\"" if located else ""
        out.append(Finding("pauses", sev, text[s:e] if located else "",
                           s if located else 0, e if located else 0,
                           f"You went quiet for {_secs(p['seconds'])}{where}, "
                           f"{_secs(p['start'])} into the answer.", tip,
                           {"kind": "mid", "start_s": p["start"], "end_s": p["end"],
                            "seconds": p["seconds"]}))
    return out


def _fillers(m: dict[str, Any], text: str) -> list[Finding]:
    th = thresholds()["fillers"]
    n, per100, permin = m["filler_count"], m["fillers_per_100_words"], m["fillers_per_minute"]
    if n < th["min_count"] or (per100 < th["per_100_words"] and permin < th["per_minute"]):
        return []
    which = ", ".join(f"{w} {c}" for w, c in sorted(m["fillers"].items(), key=lambda x: -x[1]))
    first = thresholds().filler_re.search(text.lower())
    s, e = (first.span(first.lastindex or 0) if first else (0, 0))
    tip = _pick(("When you feel an um coming, pause silently instead; a short silence sounds "
                 "more sure of itself.",
                 f"You said {n} filler words; slow down a little and let a brief pause replace "
                 "them.",
                 "Fillers creep in when you search for the next point; outline your example "
                 "before you start."), n)
    return [Finding("filler_words", "warning", text[s:e], s, e,
                    f"You used {n} filler words ({which}), about {per100:.0f} per 100 words.",
                    tip, {"count": n, "fillers": dict(m["fillers"]), "per_100_words": per100,
                          "per_minute": permin, "source": "audio"})]


def _volume(m: dict[str, Any]) -> list[Finding]:
    th = thresholds()["volume"]
    if m["clipped_share"] > th["clipped_share"]:
        return [_whole("volume", "problem", "Parts of the recording were so loud they distorted.",
                       "Move back from the microphone a little or turn the input level down, "
                       "so your voice stays clear.",
                       {"kind": "clipping", "clipped_share": m["clipped_share"]})]
    level = m["rms_dbfs"]
    if level is not None and level < th["quiet_dbfs"]:
        tip = _pick(("Speak up or move closer to the microphone; a strong voice sounds "
                     "confident.",
                     "Project as if the interviewer sat across a large table; your voice came "
                     "through faintly."), level)
        return [_whole("volume", "problem", f"Your voice was very quiet (about {level:.0f} dBFS).",
                       tip, {"kind": "quiet", "rms_dbfs": level})]
    return []


def _monotone(m: dict[str, Any]) -> list[Finding]:
    th = thresholds()["monotone"]
    spread = m["pitch_spread_semitones"]
    if spread is None or m["speaking_s"] < th["min_speaking_s"]:
        return []
    if spread >= th["min_spread_semitones"]:
        return []
    tip = _pick(("Let your voice rise and fall; lift it on the result you are proudest of.",
                 "Vary your pitch to show which part matters; a flat voice sounds bored even "
                 "when you are not."), spread * 10)
    return [_whole("monotone", "warning",
                   f"Your pitch barely moved (a spread of about {spread:.0f} semitones).", tip,
                   {"pitch_spread_semitones": spread, "threshold": th["min_spread_semitones"]})]


def _length(m: dict[str, Any]) -> list[Finding]:
    th = thresholds()["length"]
    s = m["speaking_s"]
    if s < th["too_short_s"]:
        return [_whole("length", "warning", f"Your answer lasted only about {_secs(s)}.",
                       "Add a concrete example and its result; about a minute is a good length.",
                       {"seconds": s, "kind": "too_short", "source": "audio"})]
    if s > th["too_long_s"]:
        return [_whole("length", "warning", f"Your answer ran for about {_secs(s)}.",
                       "Keep to the one example that matters most and finish within two minutes.",
                       {"seconds": s, "kind": "too_long", "source": "audio"})]
    return []


def delivery_findings(metrics: dict[str, Any], transcript_text: str) -> list[Finding]:
    """Findings for every delivery check that fired, problems first."""
    if not metrics.get("word_count"):
        return []
    found = (_pace(metrics) + _pauses(metrics, transcript_text)
             + _fillers(metrics, transcript_text) + _volume(metrics) + _monotone(metrics)
             + _length(metrics))
    return sorted(found, key=lambda f: f.severity != "problem")


def spoken_delivery_sentence(metrics: dict[str, Any]) -> str:
    """One sentence about delivery for the spoken summary (e.g. "You spoke at about 190 ...")."""
    if not metrics.get("word_count"):
        return "I didn't hear any speech in that recording."
    th = thresholds()
    wpm = round(metrics["wpm"])
    if wpm > th["pace"]["fast_wpm"]:
        parts = [f"You spoke at about {wpm} words a minute, which is fast"]
    elif wpm < th["pace"]["slow_wpm"]:
        parts = [f"You spoke at about {wpm} words a minute, which is slow"]
    else:
        parts = [f"You spoke at about {wpm} words a minute, a comfortable pace"]
    n = metrics["filler_count"]
    if n:
        parts.append(f"{n} filler word{'s' if n != 1 else ''}")
    if metrics["pause_count"]:
        k = metrics["pause_count"]
        parts.append(f"{k} long pause{'s' if k != 1 else ''}")
    sentence = parts[0] + (f"; I counted {' and '.join(parts[1:])}" if parts[1:] else "")
    return re.sub(r"\s+", " ", sentence) + "."
