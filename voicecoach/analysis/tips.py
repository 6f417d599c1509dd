"""Messages and spoken tips for findings, plus the answer summary.

Wording lives in data/tips.yaml (our own words, grounded in guidance.md). Each check has several
tip variants; the variant is chosen from a checksum of the evidence, so the same answer always
gets the same tip but different answers hear different phrasings.
"""

from __future__ import annotations

import zlib
from typing import Any

from voicecoach.analysis.lexicon import load_data

MAX_QUOTE = 60


class _Fill(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _quote(evidence: str) -> str:
    text = " ".join(evidence.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 3].rstrip() + "..."


def _entry(check: str, variant: str) -> dict[str, Any]:
    tips = load_data("tips")
    per_check = tips.get(check, {})
    return per_check.get(variant) or per_check.get("default") or {"message": "", "tips": [""]}


def _fill(template: str, evidence: str, detail: dict[str, Any]) -> str:
    values = _Fill({k: v for k, v in detail.items() if isinstance(v, str | int | float)})
    values["evidence"] = _quote(evidence)
    text = template.format_map(values)
    if not evidence:
        text = text.replace(" ''", "").replace("''", "")
    return text


def message_for(check: str, variant: str, evidence: str, detail: dict[str, Any]) -> str:
    return _fill(_entry(check, variant)["message"], evidence, detail)


def tip_for(check: str, variant: str, evidence: str, detail: dict[str, Any]) -> str:
    options = _entry(check, variant)["tips"]
    index = zlib.crc32(f"{check}|{evidence.lower()}".encode()) % len(options)
    return _fill(options[index], evidence, detail)
