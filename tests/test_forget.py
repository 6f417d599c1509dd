"""`voicecoach forget`: deleting sessions, and never anything outside the recordings folder."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_review_support import make_session
from voicecoach.cli import main
from voicecoach.cli.forget import forget_all
from voicecoach.review.index import INDEX_FILE

OLD, MID, NEW = "20261120-100000", "20261124-100000", "20261126-100000"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A recordings folder with three sessions, listed once so that the index exists."""
    root = tmp_path / "recordings"
    for sid in (OLD, MID, NEW):
        make_session(root, sid)
    monkeypatch.setenv("VOICECOACH_RECORDINGS", str(root))
    assert main(["review"]) == 0
    assert (root / INDEX_FILE).is_file()
    return root


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _listed(capsys: pytest.CaptureFixture[str]) -> list[str]:
    import json

    assert main(["review", "--json"]) == 0
    return [s["id"] for s in json.loads(capsys.readouterr().out)["sessions"]]


def test_forget_one_session(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out, _ = _cli(capsys, "forget", MID)
    assert code == 0 and MID in out
    assert not (root / MID).exists()
    assert (root / OLD / "session.json").is_file() and (root / NEW / "q01-a1.wav").is_file()
    assert _listed(capsys) == [NEW, OLD]


def test_forget_latest(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert _cli(capsys, "forget", "latest")[0] == 0
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == [OLD, MID]


@pytest.mark.parametrize("bad", ["..", "../recordings", "/etc", f"{NEW}/..", "20261126",
                                 f"../outside/{NEW}", "*"])
def test_bad_ids_delete_nothing(root: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    outside = make_session(root.parent / "outside", NEW)
    capsys.readouterr()
    code, out, err = _cli(capsys, "forget", bad)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("voicecoach:")
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == [OLD, MID, NEW]
    assert (outside / "session.json").is_file()


def test_unknown_session(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _cli(capsys, "forget", "20200101-000000")
    assert code == 1 and "no session 20200101-000000" in err


def test_link_leading_outside_is_refused_and_all_removes_only_the_link(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = make_session(root.parent / "elsewhere", "20250101-000000")
    link = root / "20261127-100000"
    link.symlink_to(outside, target_is_directory=True)
    code, _, err = _cli(capsys, "forget", link.name)
    assert code == 1 and "outside" in err
    assert link.is_symlink()
    assert _cli(capsys, "forget", "--all", "--yes")[0] == 0
    assert not link.exists() and not link.is_symlink()
    assert (outside / "session.json").is_file() and (outside / "q01-a1.wav").is_file()


def test_link_inside_is_removed_as_a_link(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = root / "20261127-100000"
    link.symlink_to(root / OLD, target_is_directory=True)
    assert _cli(capsys, "forget", link.name)[0] == 0
    assert not link.is_symlink() and (root / OLD / "session.json").is_file()


def test_forget_all_with_yes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keep = root / "notes.txt"
    keep.write_text("mine")
    code, out, _ = _cli(capsys, "forget", "--all", "--yes")
    assert code == 0 and "3 session(s)" in out
    assert sorted(p.name for p in root.iterdir()) == ["notes.txt"]  # index gone, notes kept
    assert _listed(capsys) == []


def test_forget_all_refuses_without_terminal_or_yes(tmp_path: Path, root: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "voicecoach", "forget", "--all"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "VOICECOACH_RECORDINGS": str(root)})
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "--yes" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == [OLD, MID, NEW]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("reply", "deleted"), [("y\n", True), ("yes\n", True), ("n\n", False),
                                                ("\n", False), ("", False)])
def test_forget_all_asks_on_a_terminal(root: Path, reply: str, deleted: bool) -> None:
    out = io.StringIO()
    code = forget_all(root, yes=False, stdin=_Terminal(reply), out=out)
    assert "[y/N]" in out.getvalue() and "3 saved session(s)" in out.getvalue()
    assert code == (0 if deleted else 1)
    assert (root / NEW).exists() is not deleted and (root / INDEX_FILE).exists() is not deleted


def test_forget_all_when_there_is_nothing(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "forget", "--all", "--recordings", str(tmp_path / "none"))
    assert code == 0 and "nothing to delete" in out


@pytest.mark.parametrize("args", [["forget"], ["forget", NEW, "--all"]])
def test_id_or_all_required(root: Path, capsys: pytest.CaptureFixture[str],
                            args: list[str]) -> None:
    code, _, err = _cli(capsys, *args)
    assert code == 2 and err.startswith("voicecoach:")
    assert (root / NEW).is_dir()


def test_undeletable_session_is_one_line(root: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    def refuse(path: object, *a: object, **k: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(shutil, "rmtree", refuse)
    code, _, err = _cli(capsys, "forget", NEW)
    assert code == 1 and err.count("\n") == 1 and "Permission denied" in err
