"""Concurrency: sessions started together get their own folders; review works mid-session.

Sessions are real `voicecoach practice` subprocesses started at the same moment, so they race
for the same second-resolution session id; `voicecoach review` runs while they are writing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from voicecoach.session.store import SESSION_FILE, SessionStore

ROOT = Path(__file__).resolve().parents[1]


def practice(recordings: Path, answers: list[str] | None = None) -> subprocess.Popen[str]:
    """A typed session; with `answers` they are all given at once, else stdin stays open."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "voicecoach", "practice", "--typed", "--no-speak", "--count",
         "13", "--recordings", str(recordings)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    if answers is not None:
        assert proc.stdin is not None
        proc.stdin.write("".join(a + "\n" for a in answers))
        proc.stdin.close()
        proc.stdin = None
    return proc


def review(recordings: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "voicecoach", "review", *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={**os.environ, "VOICECOACH_RECORDINGS": str(recordings)})


def answers_of(label: str) -> list[str]:
    return [f"{label} answer {n}: I led a team and we shipped on time." for n in range(13)]


def test_sessions_started_together_write_separate_folders(tmp_path: Path) -> None:
    root = tmp_path / "recordings"
    same_second = 0
    for round_ in range(3):
        labels = [f"r{round_}a", f"r{round_}b"]
        procs = [practice(root, answers_of(label)) for label in labels]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        folders = sorted(p for p in root.iterdir() if p.is_dir())[-2:]
        ids = [f.name for f in folders]
        same_second += ids[0][:15] == ids[1][:15]
        got = {}
        for folder in folders:
            data = json.loads((folder / SESSION_FILE).read_text())
            assert data["id"] == folder.name and data["ended"]
            transcripts = [a["transcript"] for a in data["answers"]]
            got[transcripts[0].split()[0]] = transcripts
        # each session holds exactly its own answers, none of the other's
        assert got == {label: answers_of(label) for label in labels}
    assert len([p for p in root.iterdir() if p.is_dir()]) == 6
    assert same_second >= 1  # the race for one id really happened


def test_many_stores_created_at_once_in_one_process(tmp_path: Path) -> None:
    barrier = threading.Barrier(8)
    made: list[SessionStore] = []

    def create() -> None:
        barrier.wait()
        made.append(SessionStore.create(tmp_path, "general"))

    threads = [threading.Thread(target=create) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({s.folder for s in made}) == 8
    for store in made:
        assert json.loads(store.path.read_text())["id"] == store.id


def test_review_while_a_session_is_in_progress(tmp_path: Path) -> None:
    root = tmp_path / "recordings"
    proc = practice(root)
    assert proc.stdin is not None
    try:
        proc.stdin.write(answers_of("first")[0] + "\n")
        proc.stdin.flush()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            found = list(root.glob(f"*/{SESSION_FILE}"))
            if found and json.loads(found[0].read_text())["answers"]:
                break
            time.sleep(0.05)
        sid = found[0].parent.name
        listing = review(root)
        assert listing.returncode == 0, listing.stderr
        assert sid in listing.stdout
        latest = review(root, "latest", "--json")
        assert latest.returncode == 0, latest.stderr
        shown = json.loads(latest.stdout)
        assert shown["id"] == sid and len(shown["answers"]) == 1
        assert proc.poll() is None  # the session is still waiting for the next answer
        proc.stdin.write(answers_of("first")[1] + "\n")
    finally:
        proc.stdin.close()
        proc.stdin = None
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    # the listing's cache notices the finished session
    again = json.loads(review(root, "--json").stdout)["sessions"]
    assert [(s["id"], s["answers"]) for s in again] == [(sid, 2)]


def test_reviews_while_two_sessions_write(tmp_path: Path) -> None:
    root = tmp_path / "recordings"
    root.mkdir(mode=0o700)
    # the listing index exists before the race (two reviews creating it at the same moment can
    # log a spurious "damaged" warning: voicecoach/review/index.py, reported separately)
    assert review(root).returncode == 0
    procs = [practice(root, answers_of(label)) for label in ("left", "right")]
    results = []
    while any(p.poll() is None for p in procs) or len(results) < 4:
        pair = [subprocess.Popen([sys.executable, "-m", "voicecoach", "review", *args],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 cwd=ROOT,
                                 env={**os.environ, "VOICECOACH_RECORDINGS": str(root)})
                for args in ([], ["--json"])]
        results += [(p, *p.communicate(timeout=60)) for p in pair]
    for proc in procs:
        assert proc.communicate(timeout=60)[0] and proc.returncode == 0
    for proc, _, err in results:
        assert proc.returncode == 0, err
        assert err == ""  # no warnings about a damaged or locked index
    final = json.loads(review(root, "--json").stdout)["sessions"]
    assert sorted(s["answers"] for s in final) == [13, 13]
