"""The before-the-interview checklist (`voicecoach prepare`), filled in with company and role."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from voicecoach.interview.preparation import InterviewContext

DATA = Path(__file__).with_name("data") / "checklist.yaml"
_SLOT = re.compile(r"\{(company|role)\|([^}]*)\}")


def checklist(context: InterviewContext | None = None) -> list[tuple[str, str]]:
    """(topic, text) items, with {company|fallback} and {role|fallback} filled in."""
    context = context or InterviewContext()
    values = {"company": context.company, "role": f"{context.role} job" if context.role else ""}
    items = yaml.safe_load(DATA.read_text(encoding="utf-8"))["items"]
    return [
        (item["topic"], _SLOT.sub(lambda m: values[m.group(1)] or m.group(2), item["text"]))
        for item in items
    ]
