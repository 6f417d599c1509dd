"""Question banks: the shipped banks meet the content brief, and malformed files fail cleanly.

Malformed banks are real files in a temporary folder; every error must be one `BankError` line
naming the file and the line to fix.
"""

from __future__ import annotations

import os
import textwrap
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voicecoach.errors import BankError, UsageError
from voicecoach.session.banks import (
    CATEGORIES,
    Bank,
    bank_dirs,
    list_banks,
    load_bank,
    select_questions,
)

SHIPPED = Path(__file__).resolve().parents[1] / "question_banks"
MINIMUM = {"general": 10, "behavioral": 10, "difficult": 10, "small-talk": 8, "it": 10}
VALID_QUESTION = "  - id: q-one\n    text: Why this job?\n    category: motivation\n"


@pytest.fixture(autouse=True)
def _no_user_banks(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own $VOICECOACH_BANKS must not change what the tests see.
    monkeypatch.delenv("VOICECOACH_BANKS", raising=False)


def write(folder: Path, text: str, name: str = "bank.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- the shipped banks -------------------------------------------------------------------------


def test_shipped_banks_are_listed_and_meet_minimum_counts() -> None:
    summaries = {s.name: s for s in list_banks()}
    assert set(MINIMUM) <= set(summaries)
    for name, minimum in MINIMUM.items():
        assert summaries[name].count >= minimum, name
        assert summaries[name].path == SHIPPED / f"{name}.yaml"
        assert summaries[name].description


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_shipped_bank_content_is_complete(name: str) -> None:
    bank = load_bank(name)
    assert bank.name == name
    assert len({q.id for q in bank.questions}) == len(bank.questions)
    for q in bank.questions:
        assert q.bank == name
        assert q.category in CATEGORIES
        assert q.text.strip() and q.text == q.text.strip()
        assert len(q.strong_answer.split()) >= 15, q.id  # a real note, not a placeholder
        assert all(f.strip() for f in q.follow_ups)


def categories(name: str) -> Counter[str]:
    return Counter(q.category for q in load_bank(name).questions)


def test_each_bank_covers_its_brief() -> None:
    assert {"intro", "strengths", "weaknesses", "motivation", "closing"} <= set(
        categories("general")
    )
    assert categories("behavioral")["behavioral"] >= 10
    assert all(q.text.startswith("Tell me about a time") for q in load_bank("behavioral").questions)
    assert {"leaving", "salary", "gap", "conflict"} <= set(categories("difficult"))
    assert set(categories("small-talk")) == {"small_talk"}
    assert {"technical", "behavioral"} <= set(categories("it"))


def test_tell_me_about_a_time_is_always_behavioral_and_leaving_questions_are_leaving() -> None:
    for name in MINIMUM:
        for q in load_bank(name).questions:
            if q.text.lower().startswith("tell me about a time"):
                assert q.category == "behavioral", q.id
            if "why did you leave" in q.text.lower() or "looking to leave" in q.text.lower():
                assert q.category == "leaving", q.id
    ids = {q.id for q in load_bank("difficult").questions}
    assert {"leave-last-job", "why-looking", "resume-gap", "salary-expectations"} <= ids


def test_small_talk_has_openers_and_political_bait() -> None:
    texts = " ".join(q.text.lower() for q in load_bank("small-talk").questions)
    for topic in ("week", "find us", "news", "election", "holidays", "economy"):
        assert topic in texts, topic
    bait = [q for q in load_bank("small-talk").questions if q.id in {"election", "economy"}]
    assert all("neutral" in q.strong_answer or "politic" in q.strong_answer for q in bait)


def test_it_bank_has_the_classic_it_stories() -> None:
    texts = " ".join(q.text.lower() for q in load_bank("it").questions)
    for topic in ("outage", "non-technical", "bug"):
        assert topic in texts, topic


def test_shipped_bank_files_use_only_the_documented_keys() -> None:
    # Guards against a stray key that the loader would reject only once someone loads the bank.
    for path in SHIPPED.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(data) == {"name", "description", "questions"}
        for q in data["questions"]:
            assert {"id", "text", "category", "strong_answer"} <= set(q), (path.name, q)


# --- finding banks -----------------------------------------------------------------------------


def test_unknown_bank_name_lists_available_banks() -> None:
    with pytest.raises(BankError, match=r"unknown question bank 'nope'; available: .*difficult"):
        load_bank("nope")


def test_user_path_loads(tmp_path: Path) -> None:
    path = write(tmp_path, f"name: mine\ndescription: My own\nquestions:\n{VALID_QUESTION}")
    bank = load_bank(str(path))
    assert bank == load_bank(str(tmp_path / "bank.yaml"))
    assert (bank.name, bank.path, len(bank.questions)) == ("mine", path, 1)
    question = bank.questions[0]
    assert (question.id, question.category, question.follow_ups, question.strong_answer) == (
        "q-one", "motivation", (), "",
    )  # fmt: skip


def test_relative_user_path_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "questions:\n  - id: a\n    text: Hello?\n", name="solo.yml")
    bank = load_bank("solo.yml")
    assert (bank.name, bank.description, bank.questions[0].category) == ("solo", "", "other")


def test_voicecoach_banks_folders_come_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write(first, f"name: general\nquestions:\n{VALID_QUESTION}", name="general.yaml")
    write(second, f"name: extra\nquestions:\n{VALID_QUESTION}", name="extra.yaml")
    monkeypatch.setenv("VOICECOACH_BANKS", os.pathsep.join([str(first), str(second)]))
    assert bank_dirs()[:2] == [first, second]
    assert load_bank("general").path == first / "general.yaml"  # shadows the shipped one
    assert load_bank("extra").name == "extra"
    names = [s.name for s in list_banks()]
    assert names.count("general") == 1 and "extra" in names and "difficult" in names


# --- malformed banks: one line naming file, line and problem -----------------------------------

MALFORMED = [
    ("", None, "empty file"),
    ("# only a comment\n", None, "empty file"),
    ("name: x\nquestions: [\n", 3, "invalid YAML"),
    ("name: x\n  bad: indent\n", 2, "invalid YAML"),
    ("- just\n- a list\n", 1, "top level must be a mapping"),
    ("name: x\n", 1, "no questions"),
    ("name: x\ndescription: y\nquestions: []\n", 3, "no questions"),
    ("name: x\nquestions: lots\n", 2, "no questions"),
    ("questions:\n" + VALID_QUESTION + "  - just text\n", 5, "question 2 must be a mapping"),
    ("questions:\n  - text: Why?\n", 2, "question 1 has no 'id'"),
    ("questions:\n  - id: ''\n    text: Why?\n", 2, "question 1 has an empty 'id'"),
    ("questions:\n  - id: Not A Slug\n    text: Why?\n", 2, "must be a slug"),
    ("questions:\n  - id: a\n    category: intro\n", 2, "question 1 has no 'text'"),
    ("questions:\n  - id: a\n    text:\n", 3, "question 1 has no 'text'"),
    ("questions:\n  - id: a\n    text: '  '\n", 3, "question 1 has an empty 'text'"),
    ("questions:\n  - id: a\n    text: 42\n", 3, "'text' must be text, not a number"),
    ("questions:\n  - id: 7\n    text: Hi?\n", 2, "'id' must be text, not a number"),
    ("name: [x]\nquestions:\n" + VALID_QUESTION, 1, "'name' must be text, not a list"),
    ("questions:\n  - id: a\n    text: Hi?\n    strong_answer: {x: 1}\n", 4, "'strong_answer'"),
    ("questions:\n  - id: a\n    text: Hi?\n    category: chitchat\n", 4,
     "unknown category 'chitchat'; allowed: intro, motivation"),
    ("questions:\n" + VALID_QUESTION + VALID_QUESTION, 5, "question 2: duplicate id 'q-one'"),
    ("questions:\n  - id: a\n    text: Hi?\n    follow_ups: Why?\n", 4, "'follow_ups' must be"),
    ("questions:\n  - id: a\n    text: Hi?\n    follow_ups: [ok, 3]\n", 4, "'follow_ups' must be"),
    ("questions:\n  - id: a\n    text: Hi?\n    strong_anwser: typo\n", 2,
     "question 1 has unknown key(s) strong_anwser; allowed: id, text, category"),
    ("name: x\ndescripton: typo\nquestions:\n" + VALID_QUESTION, 1,
     "the bank has unknown key(s) descripton; allowed: name, description, questions"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "line", "message"), MALFORMED)
def test_malformed_bank_reports_file_line_and_problem(
    tmp_path: Path, text: str, line: int | None, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(BankError) as caught:
        load_bank(str(path))
    error = str(caught.value)
    where = f"{path}:{line}: " if line else f"{path}: "
    assert error.startswith(where), error
    assert message in error
    assert "\n" not in error


def test_error_shows_path_relative_to_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "question_banks").mkdir()
    write(tmp_path / "question_banks", "name: x\nquestions:\n  - id: a\n", name="x.yaml")
    with pytest.raises(BankError, match=r"^question_banks/x\.yaml:3: question 1 has no 'text'$"):
        load_bank(str(tmp_path / "question_banks" / "x.yaml"))


def test_missing_unreadable_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(BankError, match=r"nope\.yaml: no such question bank file$"):
        load_bank(str(tmp_path / "nope.yaml"))
    (tmp_path / "dir.yaml").mkdir()
    with pytest.raises(BankError, match=r"dir\.yaml: cannot read"):
        load_bank(str(tmp_path / "dir.yaml"))
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe\x00name")
    with pytest.raises(BankError, match=r"bin\.yaml: not UTF-8 text"):
        load_bank(str(tmp_path / "bin.yaml"))


def test_yaml_tags_that_build_python_objects_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "questions: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(BankError, match=r":1: invalid YAML"):
        load_bank(str(path))


# --- selecting questions -----------------------------------------------------------------------


def test_select_questions_count_order_and_seeded_shuffle() -> None:
    bank = load_bank("behavioral")
    assert select_questions(bank) == list(bank.questions)
    assert select_questions(bank, count=3) == list(bank.questions[:3])
    assert select_questions(bank, count=999) == list(bank.questions)
    first = select_questions(bank, count=5, shuffle=True, seed=7)
    assert first == select_questions(bank, count=5, shuffle=True, seed=7)
    assert len(first) == 5 and len(set(first)) == 5
    orders = {tuple(q.id for q in select_questions(bank, shuffle=True, seed=s)) for s in range(5)}
    assert len(orders) > 1
    assert sorted(select_questions(bank, shuffle=True, seed=1), key=bank.questions.index) == list(
        bank.questions
    )
    with pytest.raises(UsageError):
        select_questions(bank, count=0)


# --- arbitrary input never crashes the loader --------------------------------------------------

YAML_TOKENS = st.sampled_from(
    [*"abx:-[]{}#&*!|>'\"%@`,? \n\t", "questions", "id", "text", "  - ", "\n  ", "!!binary"]
)
yaml_like = st.lists(YAML_TOKENS, max_size=40).map("".join)
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "text", "category", "follow_ups", "x"]), inner)
    ),
    max_leaves=12,
)


def check_loads_or_bank_error(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        result = load_bank(str(path))
    except BankError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(result, Bank)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=(st.text() | yaml_like).map(lambda t: t.encode("utf-8", "surrogatepass")) | st.binary())
def test_arbitrary_text_gives_bank_or_bank_error(
    data: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # function_scoped_fixture: only the autouse env fixture is function-scoped, and it is
    # harmless to share across examples.
    check_loads_or_bank_error(tmp_path_factory.mktemp("fuzz") / "bank.yaml", data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(questions=st.lists(yaml_values, max_size=4), extra=yaml_values)
def test_arbitrary_bank_shaped_yaml_gives_bank_or_bank_error(
    questions: list[object], extra: object, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "bank.yaml"
    document = {"name": "fuzz", "questions": questions, "description": extra}
    check_loads_or_bank_error(path, yaml.safe_dump(document).encode("utf-8"))
