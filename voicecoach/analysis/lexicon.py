"""Packaged word lists and patterns (data/*.yaml), compiled once per user configuration.

Checks never hold word lists themselves: they read them from here, so the data files stay the
one place to review what VoiceCoach listens for and where each threshold comes from.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from voicecoach.analysis.config import TOPICS, AnalysisConfig

FLAGS = re.IGNORECASE | re.UNICODE
log = logging.getLogger(__name__)


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


def targets_regex(patterns: list[str]) -> re.Pattern[str]:
    """Like `words_regex`, but a possessive ending ("the manager's", "PI's") still matches."""
    body = "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"
    return re.compile(rf"(?<![\w'])(?:{body})(?:'s|s'|')?(?![\w'])", FLAGS)


@cache
def vader_words(max_valence: float) -> frozenset[str]:
    """Single words rated at or below `max_valence` in VADER's lexicon (vader_lexicon.txt).

    The file is read as text from the installed vaderSentiment package, without importing it;
    an absent package gives an empty set (the curated lists still apply).
    """
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"
    words = set()
    try:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) < 2 or not parts[0].isalpha():
                continue
            try:
                if float(parts[1]) <= max_valence:
                    words.add(parts[0].lower())
            except ValueError:
                continue
    except OSError:
        log.warning("VADER lexicon unreadable at %s; using curated words only", path)
    return frozenset(words)


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
    neg_employer_re: re.Pattern[str]
    neg_pronouns: frozenset[str]
    neg_disparaging_re: re.Pattern[str]
    neg_venting_re: re.Pattern[str]
    neg_eval_words: frozenset[str]
    neg_link_words: frozenset[str]
    neg_sarcasm_re: re.Pattern[str]
    neg_frames_re: re.Pattern[str]
    neg_contrast_re: re.Pattern[str]
    neg_scope_words: int
    neg_workplace_re: re.Pattern[str]
    neg_copulas: frozenset[str]
    neg_intensifiers: frozenset[str]
    off_limits_res: dict[str, re.Pattern[str]]
    political_terms_re: re.Pattern[str]
    political_opinion_re: re.Pattern[str]
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
        neg_target_re=targets_regex([*neg["targets"], *neg["roles"], *neg.get("roles_served", [])]),
        neg_employer_re=targets_regex(neg["targets"]),
        neg_pronouns=frozenset(neg["pronouns"]),
        neg_disparaging_re=words_regex(neg["disparaging"]),
        neg_venting_re=words_regex([*neg["venting"], *neg.get("venting_forms", [])]),
        neg_eval_words=frozenset(
            w for w in vader_words(float(neg["vader_max_valence"])) | set(neg["evaluative_extra"])
            if w not in set(neg["vader_exclude"])
        ),
        neg_link_words=frozenset(neg["link_words"]),
        neg_sarcasm_re=words_regex([*neg["sarcasm"], *neg.get("sarcasm_forms", [])]),
        neg_frames_re=words_regex([*neg["frames"], *neg.get("frames_forms", [])]),
        neg_contrast_re=words_regex(neg["contrast"]),
        neg_scope_words=int(neg["scope_words"]),
        neg_workplace_re=re.compile(neg["workplace_ref"], FLAGS),
        neg_copulas=frozenset(neg["copulas"]),
        neg_intensifiers=frozenset(neg["intensifiers"]),
        off_limits_res=off_res,
        political_terms_re=re.compile(off["political_terms"], FLAGS),
        political_opinion_re=re.compile(off["opinion"], FLAGS),
        questions={k: re.compile(v, FLAGS) for k, v in ques.items()},
        structure={k: re.compile(v, FLAGS) for k, v in struct.items()},
        length=load_data("length"),
        repetition=load_data("repetition"),
    )


def get_lexicon(config: AnalysisConfig) -> Lexicon:
    return _build(config.key())
