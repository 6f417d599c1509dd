"""Packaged word lists and patterns (data/*.yaml), compiled once per user configuration.

Checks never hold word lists themselves: they read them from here, so the data files stay the
one place to review what VoiceCoach listens for and where each threshold comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from voicecoach.analysis.config import TOPICS, AnalysisConfig

FLAGS = re.IGNORECASE | re.UNICODE


@cache
def load_data(name: str) -> dict[str, Any]:
    """Parsed data/<name>.yaml (cached; the files ship with the package)."""
    text = resources.files("voicecoach.analysis").joinpath("data", f"{name}.yaml").read_text(
        encoding="utf-8"
    )
    return yaml.safe_load(text)


def words_regex(patterns: list[str]) -> re.Pattern[str]:
    """One regex matching any of `patterns` as whole words."""
    body = "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", FLAGS)


def phrase_pattern(phrase: str) -> str:
    """A plain phrase as a regex: words separated by any run of spaces or commas."""
    words = [re.escape(w) for w in phrase.replace("\u2019", "'").split()]
    return r"[\s,]+".join(words)


@dataclass(frozen=True)
class Lexicon:
    """Compiled patterns for every check."""

    fillers: dict[str, Any]
    filler_re: re.Pattern[str]
    hedging: dict[str, Any]
    hedge_strong_re: re.Pattern[str]
    hedge_kind_re: re.Pattern[str]
    hedge_weak_re: re.Pattern[str]
    oversell_super_re: re.Pattern[str]
    oversell_abs_re: re.Pattern[str]
    oversell_negators: tuple[str, ...]
    unpro: dict[str, Any]
    unpro_res: dict[str, re.Pattern[str]]
    neg_target_re: re.Pattern[str]
    neg_pronouns: frozenset[str]
    neg_disparaging_re: re.Pattern[str]
    neg_venting_re: re.Pattern[str]
    off_limits_res: dict[str, re.Pattern[str]]
    questions: dict[str, re.Pattern[str]]
    structure: dict[str, re.Pattern[str]]
    length: dict[str, int]
    repetition: dict[str, Any]


@cache
def _build(key: tuple) -> Lexicon:
    off_extra, unpro_extra, filler_extra = dict(key[0]), key[1], key[2]
    fil = load_data("fillers")
    hed = load_data("hedging")
    ovs = load_data("overselling")
    unp = load_data("unprofessional")
    neg = load_data("negativity")
    off = load_data("off_limits")
    ques = load_data("questions")
    struct = load_data("structure")
    phrases = [*fil["phrases"], *filler_extra]
    filler_patterns = [*fil["stretched"], *(phrase_pattern(p) for p in [*fil["sounds"], *phrases])]
    off_res = {}
    for topic in TOPICS:
        pats = list(off.get(topic, []))
        pats += [rf"\b{phrase_pattern(p)}\b" for p in off_extra.get(topic, ())]
        off_res[topic] = re.compile("|".join(f"(?:{p})" for p in pats), FLAGS)
    unpro_res = {
        "profanity": words_regex([*unp["profanity"], *(phrase_pattern(p) for p in unpro_extra)]),
        "slang": words_regex(unp["slang"]),
        "mild": words_regex(unp["mild"]),
    }
    return Lexicon(
        fillers=fil,
        filler_re=words_regex(filler_patterns),
        hedging=hed,
        hedge_strong_re=words_regex(hed["strong"]),
        hedge_kind_re=words_regex([hed["kind_of"]]),
        hedge_weak_re=words_regex([hed["weak"]]),
        oversell_super_re=re.compile("|".join(f"(?:{p})" for p in ovs["superlative"]), FLAGS),
        oversell_abs_re=re.compile("|".join(f"(?:{p})" for p in ovs["absolute"]), FLAGS),
        oversell_negators=tuple(ovs["negators"]),
        unpro=unp,
        unpro_res=unpro_res,
        neg_target_re=words_regex(neg["targets"]),
        neg_pronouns=frozenset(neg["pronouns"]),
        neg_disparaging_re=words_regex(neg["disparaging"]),
        neg_venting_re=words_regex(neg["venting"]),
        off_limits_res=off_res,
        questions={k: re.compile(v, FLAGS) for k, v in ques.items()},
        structure={k: re.compile(v, FLAGS) for k, v in struct.items()},
        length=load_data("length"),
        repetition=load_data("repetition"),
    )


def get_lexicon(config: AnalysisConfig) -> Lexicon:
    return _build(config.key())
