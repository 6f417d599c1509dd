"""Saving sessions: folder layout, permissions, atomic JSON, recordings root resolution."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from voicecoach.errors import RecordingsError
from voicecoach.session.store import SessionStore, load_session, recordings_root


def test_recordings_root_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("VOICECOACH_RECORDINGS", raising=False)
    assert recordings_root() == Path("recordings")
    monkeypatch.setenv("VOICECOACH_RECORDINGS", str(tmp_path / "env"))
    assert recordings_root() == tmp_path / "env"
    assert recordings_root(tmp_path / "flag") == tmp_path / "flag"


def test_create_writes_private_folder_and_valid_json(tmp_path: Path) -> None:
    store = SessionStore.create(tmp_path / "rec", "general", {"voice": "piper"})
    assert store.folder.parent == tmp_path / "rec"
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(tmp_path / "rec").st_mode) == 0o700
    data = load_session(store.folder)
    assert data["id"] == store.id and data["bank"] == "general"
    assert data["answers"] == [] and data["summary"] is None and data["ended"] is None


def test_answers_are_saved_as_they_come(tmp_path: Path) -> None:
    store = SessionStore.create(tmp_path, "general")
    store.add_answer({"index": 1, "transcript": "first"})
    assert [a["transcript"] for a in load_session(store.folder)["answers"]] == ["first"]
    store.add_answer({"index": 2, "transcript": "second"})
    store.finish({"text": "done"})
    data = json.loads((store.folder / "session.json").read_text())
    assert [a["index"] for a in data["answers"]] == [1, 2]
    assert data["summary"] == {"text": "done"} and data["ended"]
    # no temporary files are left behind by the atomic writes
    assert sorted(p.name for p in store.folder.iterdir()) == ["session.json"]


def test_two_sessions_in_the_same_second_get_separate_folders(tmp_path: Path) -> None:
    a = SessionStore.create(tmp_path, "general")
    b = SessionStore.create(tmp_path, "general")
    assert a.folder != b.folder and a.id != b.id


def test_audio_path_names(tmp_path: Path) -> None:
    store = SessionStore.create(tmp_path, "general")
    assert store.audio_path(3, 2).name == "q03-a2.wav"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_root_is_one_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(RecordingsError, match=r"not writable|cannot create"):
        SessionStore.create(locked / "rec", "general")


def test_root_that_is_a_file_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(RecordingsError, match="cannot create"):
        SessionStore.create(blocker / "rec", "general")
