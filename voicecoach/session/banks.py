"""Question banks: the YAML files of interview questions a practice session draws from.

Banks are data so that anyone can add or adapt questions without touching code, which means a
bank file is user input: loading validates it and reports every problem as one `BankError` line
naming the file and line (`question_banks/x.yaml:14: question 3 has no 'text'`).
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import voicecoach
from voicecoach.errors import BankError, UsageError

# Categories the analysis keys on (e.g. `leaving` turns on the discretion checks, `behavioral`
# the situation-task-action-result check, `small_talk` the off-limits-topic check).
CATEGORIES = (
    "intro", "motivation", "strengths", "weaknesses", "behavioral", "leaving", "gap",
    "conflict", "salary", "small_talk", "technical", "closing", "other",
)  # fmt: skip
BANK_KEYS = ("name", "description", "questions")
QUESTION_KEYS = ("id", "text", "category", "follow_ups", "strong_answer")
BANKS_ENV = "VOICECOACH_BANKS"  # os.pathsep-separated folders searched before the shipped ones
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LINE, _LINES = "__line__", "__lines__"  # bookkeeping keys added by _LineLoader
_KINDS = {"str": "text", "int": "a number", "float": "a number", "bool": "true/false",
          "list": "a list", "dict": "a mapping", "NoneType": "nothing", "bytes": "binary data",
          "date": "a date", "datetime": "a date"}  # fmt: skip


def _kind(value: object) -> str:  # how a YAML value's type reads in an error message
    return _KINDS.get(type(value).__name__, f"a {type(value).__name__}")


@dataclass(frozen=True)
class Question:
    """One interview question.

    id: slug unique within its bank (`leave-last-job`). text: the question as asked aloud.
    category: one of CATEGORIES. follow_ups: probes an interviewer might add.
    strong_answer: what a strong answer covers, in our own words ("" if the bank gives none).
    bank: name of the bank the question came from.
    """

    id: str
    text: str
    category: str
    follow_ups: tuple[str, ...]
    strong_answer: str
    bank: str


@dataclass(frozen=True)
class Bank:
    """A loaded, validated bank: name, description, questions in file order, source file."""

    name: str
    description: str
    questions: tuple[Question, ...]
    path: Path


@dataclass(frozen=True)
class BankSummary:
    """What `list_banks` shows about one bank.

    name: what to pass to `load_bank` (the file name without .yaml). description: the bank's.
    count: number of questions. path: the file it was loaded from.
    """

    name: str
    description: str
    count: int
    path: Path


class _LineLoader(yaml.SafeLoader):
    """SafeLoader noting 1-based lines: each mapping's first line under `__line__`, and under
    `__lines__` each scalar key's line (`"text"`) and each item's line in a list value
    (`("questions", 2)`), so errors can point at the line to fix."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        lines: dict[Any, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[key.value] = key.start_mark.line + 1
                items = value.value if isinstance(value, yaml.SequenceNode) else []
                lines.update({(key.value, i): v.start_mark.line + 1 for i, v in enumerate(items)})
        mapping[_LINE], mapping[_LINES] = node.start_mark.line + 1, lines
        return mapping


def bank_dirs() -> list[Path]:
    """Folders searched for bank names: $VOICECOACH_BANKS first, then the shipped banks."""
    extra = [Path(p).expanduser() for p in os.environ.get(BANKS_ENV, "").split(os.pathsep) if p]
    return [*extra, Path(voicecoach.__file__).resolve().parents[1] / "question_banks"]


def _bank_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in bank_dirs():
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        for file in files if folder.is_dir() else []:
            found.setdefault(file.stem, file)  # an earlier folder shadows a later one
    return found


def list_banks() -> list[BankSummary]:
    """Every bank reachable by name, sorted by name (a malformed one raises `BankError`)."""
    banks = {name: _load_file(path) for name, path in sorted(_bank_files().items())}
    return [BankSummary(n, b.description, len(b.questions), b.path) for n, b in banks.items()]


def load_bank(name_or_path: str) -> Bank:
    """Load a bank by name (`difficult`) or by path to a YAML file (`./my-bank.yaml`)."""
    if "/" in name_or_path or os.sep in name_or_path or name_or_path.endswith((".yaml", ".yml")):
        return _load_file(Path(name_or_path).expanduser())
    files = _bank_files()
    if name_or_path not in files:
        known = ", ".join(sorted(files)) or "none (see $VOICECOACH_BANKS)"
        raise BankError(f"unknown question bank {name_or_path!r}; available: {known}")
    return _load_file(files[name_or_path])


def select_questions(
    bank: Bank, count: int | None = None, shuffle: bool = False, seed: int | None = None
) -> list[Question]:
    """The first `count` questions (all if None), in file order or shuffled (repeatable by seed)."""
    if count is not None and count < 1:
        raise UsageError(f"question count must be at least 1, got {count}")
    questions = list(bank.questions)
    if shuffle:
        random.Random(seed).shuffle(questions)
    return questions[:count]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError, RuntimeError):  # outside cwd, or a path that cannot resolve
        return str(path)


def _load_file(path: Path) -> Bank:
    where = _shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BankError(f"{where}: no such question bank file") from None
    except UnicodeDecodeError as exc:
        raise BankError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except (OSError, ValueError) as exc:  # a folder, no permission, a NUL in the path...
        raise BankError(f"{where}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BankError(f"{where}{line}: invalid YAML: {problem}") from None
    except RecursionError:
        raise BankError(f"{where}: YAML nested too deeply") from None
    if data is None:
        raise BankError(f"{where}: empty file (expected 'name', 'description' and 'questions')")
    return _parse(data, path, where)


def _at(where: str, item: dict[Any, Any], key: Any = None) -> str:
    """`file:line` of `key` in `item` (of the mapping itself if the key has no line)."""
    return f"{where}:{item[_LINES].get(key, item[_LINE])}"


def _check_keys(item: dict[Any, Any], allowed: tuple[str, ...], what: str, at: str) -> None:
    unknown = sorted(str(k) for k in item if k not in (*allowed, _LINE, _LINES))
    if unknown:
        raise BankError(f"{at}: {what} has unknown key(s) {', '.join(unknown)}; "
                        f"allowed: {', '.join(allowed)}")  # fmt: skip


def _string(item: dict[Any, Any], key: str, what: str, where: str, default: str | None) -> str:
    """item[key] as stripped text; a missing/null key gives `default` (None: required)."""
    value = item.get(key)
    if value is None and default is not None:
        return default
    at = _at(where, item, key)
    if value is None:
        raise BankError(f"{at}: {what} has no {key!r}")
    if not isinstance(value, str):
        raise BankError(f"{at}: {what}: {key!r} must be text, not {_kind(value)}")
    if not value.strip() and default is None:
        raise BankError(f"{at}: {what} has an empty {key!r}")
    return value.strip()


def _parse(data: Any, path: Path, where: str) -> Bank:
    if not isinstance(data, dict):
        raise BankError(f"{where}:1: top level must be a mapping with 'name', 'description' "
                        f"and 'questions', not {_kind(data)}")  # fmt: skip
    _check_keys(data, BANK_KEYS, "the bank", _at(where, data))
    name = _string(data, "name", "the bank", where, "") or path.stem
    description = _string(data, "description", "the bank", where, "")
    items = data.get("questions")
    if not isinstance(items, list) or not items:
        got = "an empty list" if items == [] else _kind(items)
        raise BankError(f"{_at(where, data, 'questions')}: no questions "
                        f"(expected 'questions:' with a list of questions, got {got})")  # fmt: skip
    questions: list[Question] = []
    for n, item in enumerate(items, start=1):
        what = f"question {n}"
        if not isinstance(item, dict):
            raise BankError(f"{_at(where, data, ('questions', n - 1))}: {what} must be a mapping "
                            f"with 'id' and 'text', not {_kind(item)}")  # fmt: skip
        _check_keys(item, QUESTION_KEYS, what, _at(where, item))
        qid = _string(item, "id", what, where, None)
        if not _SLUG.fullmatch(qid):
            raise BankError(f"{_at(where, item, 'id')}: {what}: id {qid!r} must be a slug of "
                            "lowercase letters, digits and hyphens")  # fmt: skip
        if any(q.id == qid for q in questions):
            raise BankError(f"{_at(where, item)}: {what}: duplicate id {qid!r}")
        text = _string(item, "text", what, where, None)
        category = _string(item, "category", what, where, "other")
        if category not in CATEGORIES:
            raise BankError(f"{_at(where, item, 'category')}: {what}: unknown category "
                            f"{category!r}; allowed: {', '.join(CATEGORIES)}")  # fmt: skip
        follow_ups = item.get("follow_ups", [])
        if not isinstance(follow_ups, list) or not all(isinstance(f, str) for f in follow_ups):
            raise BankError(f"{_at(where, item, 'follow_ups')}: {what}: 'follow_ups' must be "
                            "a list of strings")  # fmt: skip
        strong = _string(item, "strong_answer", what, where, "")
        ups = tuple(f.strip() for f in follow_ups if f.strip())
        questions.append(Question(qid, text, category, ups, strong, name))
    return Bank(name, description, tuple(questions), path)
