"""Listing sessions: order, digests, damaged and old data, id validation, the SQLite index."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.test_review_support import answer, finding, make_session
from voicecoach.errors import RecordingsError
from voicecoach.review.catalog import audio_file, list_sessions, load_view, session_folder
from voicecoach.review.index import INDEX_FILE


def test_newest_first_with_top_habit_and_means(tmp_path: Path) -> None:
    make_session(tmp_path, "20261120-100000")
    make_session(tmp_path, "20261126-100000-2", [answer(1, findings=[])])
    make_session(tmp_path, "20261126-100000-10", [answer(1, metrics={"wpm": 100.0}),
                                                  answer(2, metrics={"wpm": 140.0})])
    listing = list_sessions(tmp_path)
    assert [d.id for d in listing.sessions] == [
        "20261126-100000-10", "20261126-100000-2", "20261120-100000"]
    newest, middle, oldest = listing.sessions
    assert newest.wpm == 120.0 and newest.answers == 2 and newest.flags == 4
    # negativity is a problem (weight 2) and fillers a warning (weight 1)
    assert oldest.top_habit == "negativity" and oldest.checks == {
        "negativity": 2, "filler_words": 2}
    assert middle.top_habit is None and middle.flags == 0


def test_retries_count_once_and_skips_are_not_answers(tmp_path: Path) -> None:
    clean = "I led a team of five."
    make_session(tmp_path, "20261126-100000", [
        answer(1), answer(1, clean, attempt=2, findings=[]), answer(2, skipped=True, audio=None)])
    (d,) = list_sessions(tmp_path).sessions
    assert d.answers == 1 and d.flags == 0 and d.warnings == []
    _, view = load_view(tmp_path, "latest")
    assert view.answers[0].attempt == 2 and view.answers[0].attempts == 2
    assert view.answers[1].skipped


def test_damaged_sessions_are_listed_with_warnings(tmp_path: Path) -> None:
    make_session(tmp_path, "20261120-100000")
    truncated = make_session(tmp_path, "20261121-100000") / "session.json"
    truncated.write_text(truncated.read_text()[:120])
    make_session(tmp_path, "20261122-100000", write_audio=False)  # audio files missing
    old = tmp_path / "20261123-100000"
    old.mkdir()
    (old / "session.json").write_text(json.dumps(
        {"bank": "general", "answers": [{"transcript": "Um well", "findings": [
            {"check": "filler_words", "evidence": "Um", "start": 0, "end": 2}]}, "junk"]}))
    (tmp_path / "20261124-100000").mkdir()  # no session.json at all
    (tmp_path / "notes.txt").write_text("not a session")
    edited = make_session(tmp_path, "20261125-100000") / "session.json"
    edited.write_text(json.dumps({"id": 5, "answers": {"x": 1}, "bank": ["?"]}))

    listing = list_sessions(tmp_path)
    by_id = {d.id: d for d in listing.sessions}
    assert set(by_id) == {"20261120-100000", "20261121-100000", "20261122-100000",
                          "20261123-100000", "20261125-100000"}
    assert by_id["20261120-100000"].warnings == []
    assert not by_id["20261121-100000"].readable
    assert "damaged" in by_id["20261121-100000"].warnings[0]
    assert any("q01-a1.wav is missing" in w for w in by_id["20261122-100000"].warnings)
    legacy = by_id["20261123-100000"]
    assert legacy.answers == 1 and legacy.checks == {"filler_words": 1}
    assert any("older session format" in w for w in legacy.warnings)
    assert any("unreadable answer" in w for w in legacy.warnings)
    assert by_id["20261125-100000"].answers == 0 and by_id["20261125-100000"].bank == "?"
    assert listing.skipped == ["20261124-100000: no session.json; skipped"]
    # 'latest' skips the unreadable newest-but-one and lands on a readable session
    assert session_folder(tmp_path, "latest").name == "20261125-100000"
    with pytest.raises(RecordingsError, match="damaged"):
        load_view(tmp_path, "20261121-100000")


def test_offsets_that_no_longer_match_are_found_again_or_dropped(tmp_path: Path) -> None:
    text = "Well, um, I think I basically did it."
    wrong = finding(text, "basically", "hedging") | {"start": 0, "end": 3}
    gone = finding(text, "think", "hedging") | {"evidence": "not in there"}
    overlap = finding(text, "I basically", "filler_words")
    make_session(tmp_path, "20261126-100000", [answer(1, text, findings=[wrong, gone, overlap])])
    _, view = load_view(tmp_path, "latest")
    (h,) = view.answers[0].highlights
    assert text[h.start:h.end] == "I basically" and h.checks == ["filler_words", "hedging"]


@pytest.mark.parametrize("bad", ["../x", "/etc", "..", "20261126-100000/../..", "2026112-1",
                                 "20261126-100000\n", ""])
def test_bad_ids_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(RecordingsError, match="not a session id"):
        session_folder(tmp_path, bad)


def test_symlinks_leading_outside_are_refused(tmp_path: Path) -> None:
    root, outside = tmp_path / "rec", tmp_path / "outside"
    make_session(outside, "20261126-100000")
    root.mkdir()
    os.symlink(outside / "20261126-100000", root / "20261126-100000")
    inner = make_session(root, "20261125-100000")
    (inner / "session.json").unlink()
    os.symlink(outside / "20261126-100000" / "session.json", inner / "session.json")
    listing = list_sessions(root)
    assert listing.sessions == []
    assert len(listing.skipped) == 2 and all("links outside" in s for s in listing.skipped)
    for sid in ("20261126-100000", "20261125-100000"):
        with pytest.raises(RecordingsError, match="links outside"):
            load_view(root, sid)
    # audio names from session.json must be plain files inside the session folder
    os.symlink(outside / "20261126-100000" / "q01-a1.wav", inner / "link.wav")
    assert audio_file(inner, "link.wav") is None
    assert audio_file(inner, "../20261126-100000/q01-a1.wav") is None
    assert audio_file(inner, str(outside / "20261126-100000" / "q01-a1.wav")) is None
    assert audio_file(inner, "q01-a1.wav") == inner / "q01-a1.wav"


def test_index_is_used_refreshed_and_rebuilt_when_corrupt(tmp_path: Path) -> None:
    folder = make_session(tmp_path, "20261126-100000", bank="general")
    assert list_sessions(tmp_path).sessions[0].bank == "general"
    index = tmp_path / INDEX_FILE
    with sqlite3.connect(index) as db:
        assert db.execute("SELECT id FROM sessions").fetchall() == [("20261126-100000",)]
        # a cached digest is trusted while the stamps match...
        db.execute("UPDATE sessions SET digest = json_set(digest, '$.bank', 'cached')")
    assert list_sessions(tmp_path).sessions[0].bank == "cached"
    # ...and recomputed when session.json changes (the files are the source of truth)
    make_session(tmp_path, "20261126-100000", bank="behavioral")
    assert list_sessions(tmp_path).sessions[0].bank == "behavioral"
    (folder / "q02-a1.wav").unlink()  # only the folder changes: still noticed
    assert list_sessions(tmp_path).sessions[0].warnings
    index.write_bytes(b"this is not a database" * 100)
    assert list_sessions(tmp_path).sessions[0].bank == "behavioral"
    with sqlite3.connect(index) as db:
        assert db.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
    import shutil

    shutil.rmtree(folder)
    assert list_sessions(tmp_path).sessions == []
    with sqlite3.connect(index) as db:
        assert db.execute("SELECT count(*) FROM sessions").fetchone() == (0,)


def test_missing_root_lists_nothing_and_creates_nothing(tmp_path: Path) -> None:
    assert list_sessions(tmp_path / "nowhere").sessions == []
    assert not (tmp_path / "nowhere").exists()
    with pytest.raises(RecordingsError, match="no saved sessions"):
        session_folder(tmp_path / "nowhere", "latest")


def test_listing_and_progress_over_1000_sessions_within_a_second(tmp_path: Path) -> None:
    import time

    from voicecoach.review.progress import compute
    from voicecoach.review.render import render_progress

    data = json.dumps({"format": 1, "bank": "general", "answers": [answer(i) for i in (1, 2, 3)]})
    for n in range(1000):
        folder = tmp_path / f"2026{1 + n // 28 % 12:02d}{1 + n % 28:02d}-{n:06d}"
        folder.mkdir()
        (folder / "session.json").write_text(data)
    list_sessions(tmp_path)  # first run parses everything and fills the index
    t0 = time.perf_counter()
    listing = list_sessions(tmp_path)
    text = render_progress(compute(listing.sessions))
    elapsed = time.perf_counter() - t0
    assert len(listing.sessions) == 1000 and "Progress over 1000 sessions" in text
    assert elapsed < 1.0, f"listing + progress took {elapsed:.2f} s"
