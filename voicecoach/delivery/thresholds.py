"""Loads data/thresholds.yaml once; the numbers and their sources live in that file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Thresholds:
    """The delivery thresholds (raw: the YAML as a dict) plus a compiled filler pattern."""

    raw: dict[str, Any]
    filler_re: re.Pattern[str]

    def __getitem__(self, section: str) -> dict[str, Any]:
        return self.raw[section]

    @property
    def pause_s(self) -> float:
        return float(self.raw["pauses"]["min_pause_s"])

    @property
    def window_s(self) -> float:
        return float(self.raw["pace"]["window_s"])

    @property
    def clip_level(self) -> float:
        return float(self.raw["volume"]["clip_level"])

    @property
    def min_voiced_frames(self) -> int:
        return int(self.raw["monotone"]["min_voiced_frames"])


def _filler_pattern() -> re.Pattern[str]:
    """Sounds and phrases from the text check's list, plus comma-bounded like / you know."""
    lists = yaml.safe_load(
        resources.files("voicecoach.analysis").joinpath("data/fillers.yaml").read_text("utf-8")
    )
    words = [re.escape(w.lower()).replace(r"\ ", r"\s+") for w in lists["sounds"]]
    phrases = [re.escape(p.lower()).replace(r"\ ", r"\s+") for p in lists["phrases"]
               if "," not in p]
    alts = "|".join(sorted(words + phrases, key=len, reverse=True))
    plain = rf"(?<![\w'])({alts})(?![\w'])"
    bounded = r"(?<=,\s)(like|you\s+know)(?=,)"
    return re.compile(f"{plain}|{bounded}")


@cache
def thresholds() -> Thresholds:
    raw = yaml.safe_load(
        resources.files("voicecoach.delivery").joinpath("data/thresholds.yaml").read_text("utf-8")
    )
    return Thresholds(raw=raw, filler_re=_filler_pattern())
