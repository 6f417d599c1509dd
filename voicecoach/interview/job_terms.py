"""Key terms of a job description (skills, tools, duties) and which ones an answer covered.

Extraction uses YAKE, an unsupervised keyword extractor that works offline from the text alone,
instead of a hand-made skills list. Coverage is a word match tolerant to case, plural `s` and
punctuation: a term is covered when all of its content words appear in the answer.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from voicecoach.errors import UsageError

DATA = Path(__file__).with_name("data") / "job_terms.yaml"
_WORD = re.compile(r"[a-z0-9][a-z0-9+#.\-]*[a-z0-9+#]|[a-z0-9]")


@cache
def _settings() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _norm(word: str) -> str:
    word = word.lower()
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_norm(w) for w in _WORD.findall(text.lower())]


def extract_terms(job_description: str) -> list[str]:
    """The job description's key terms, most relevant first, without near-duplicates."""
    text = job_description.strip()
    if not text:
        return []
    try:
        import yake
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise UsageError("job-description terms need YAKE: pip install yake") from exc
    settings = _settings()
    boiler = {_norm(w) for w in settings["boilerplate"]}
    joiners = set(settings["joiners"])
    extractor = yake.KeywordExtractor(lan="en", n=settings["max_ngram"], top=60, dedupLim=0.7)
    terms: list[str] = []
    contents: list[set[str]] = []
    for phrase, _score in extractor.extract_keywords(text):
        for term in _clean(phrase, boiler, joiners):
            content = set(_words(term))
            if any(content <= kept for kept in contents):
                continue  # "Nurse" after "Registered Nurse"
            wider = [i for i, kept in enumerate(contents) if kept < content]
            if wider:  # "Registered Nurse" after "Nurse": keep the more specific term
                terms[wider[0]], contents[wider[0]] = term, content
                continue
            terms.append(term)
            contents.append(content)
        if len(terms) >= settings["max_terms"]:
            break
    return terms[: settings["max_terms"]]


def _clean(phrase: str, boiler: set[str], joiners: set[str]) -> list[str]:
    """Split a phrase at joining words ("BLS and ACLS") and trim boilerplate at its edges."""
    parts: list[list[str]] = [[]]
    for token in phrase.split():
        if token.lower() in joiners:
            parts.append([])
        else:
            parts[-1].append(token)
    out = []
    for part in parts:
        while part and _norm(part[0].strip(".,;:()")) in boiler:
            part = part[1:]
        while part and _norm(part[-1].strip(".,;:()")) in boiler:
            part = part[:-1]
        term = " ".join(part).strip(".,;:()")
        if len(term) >= 2 and _words(term):
            out.append(term)
    return out


def term_covered(term: str, answer: str) -> bool:
    """All of the term's words appear in the answer (generic words like "certification" aside)."""
    answer_words = set(_words(answer))
    generic = {_norm(w) for w in _settings()["generic"]}
    words = _words(term)
    needed = [w for w in words if w not in generic] or words
    return bool(needed) and all(w in answer_words for w in needed)


def coverage(terms: list[str], answers: list[str] | str) -> dict[str, list[str]]:
    """{"covered": [...], "missed": [...]} for one answer or a whole session's answers."""
    text = answers if isinstance(answers, str) else " ".join(answers)
    covered = [t for t in terms if term_covered(t, text)]
    return {"covered": covered, "missed": [t for t in terms if t not in covered]}


def read_job_description(path: str | Path) -> str:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError as exc:
        raise UsageError(f"{path}: no such job-description file") from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the job description ({exc.strerror})") from exc
    if not text.strip():
        raise UsageError(f"{path}: the job description is empty")
    return text
