"""The answer checks, in the order they run (later checks may read what earlier ones shared)."""

from __future__ import annotations

from collections.abc import Callable

from voicecoach.analysis.checks import (
    discretion,
    fillers,
    hedging,
    language,
    negativity,
    off_limits,
    overselling,
    shape,
)
from voicecoach.analysis.checks.base import CheckResult, Context

CheckFn = Callable[[Context], CheckResult]

CHECKS: dict[str, CheckFn] = {
    "negativity": negativity.check,
    "off_limits_topic": off_limits.check,
    "overselling": overselling.check,
    "unprofessional_language": language.check,
    "hedging": hedging.check,
    "filler_words": fillers.check,
    "leaving_discretion": discretion.check,
    "structure": shape.check_structure,
    "length": shape.check_length,
    "repetition": shape.check_repetition,
}

# The six checks with labels in the eval sets.
LABELED_CHECKS = (
    "negativity",
    "off_limits_topic",
    "overselling",
    "unprofessional_language",
    "hedging",
    "filler_words",
)

__all__ = ["CHECKS", "LABELED_CHECKS", "CheckFn", "CheckResult", "Context"]
