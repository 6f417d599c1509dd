"""A small SQLite cache of session digests, so listing 1,000 sessions needs no JSON parsing.

The session folders stay the source of truth: each row is keyed by session id and remembers the
session.json mtime and size plus the folder's mtime (which changes when an audio file is added or
deleted); a row that no longer matches is recomputed. The file is disposable: a corrupt or
unreadable index is deleted and rebuilt, and a read-only recordings folder just means no cache.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

INDEX_FILE = ".index.sqlite3"
#: Bump when the digest's shape changes; an index with another version is rebuilt.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Stamp:
    """What must match for a cached digest to be trusted."""

    mtime_ns: int
    size: int
    dir_mtime_ns: int


class DigestIndex:
    """`<recordings>/.index.sqlite3`: session id -> (stamp, digest as JSON)."""

    def __init__(self, root: Path) -> None:
        self.path = root / INDEX_FILE
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> DigestIndex:
        self._db = self._open()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _open(self) -> sqlite3.Connection | None:
        for attempt in (1, 2):
            try:
                return self._connect()
            except sqlite3.DatabaseError as exc:  # includes "file is not a database"
                if isinstance(exc, sqlite3.OperationalError) and _busy(exc):
                    log.debug("session index busy (%s); listing without it", exc)
                    return None
                log.warning("session index %s is damaged (%s); rebuilding it", self.path, exc)
                with contextlib.suppress(OSError):
                    self.path.unlink()
                if attempt == 2:
                    return None
            except OSError as exc:
                log.debug("no session index: %s", exc)
                return None
        return None  # pragma: no cover - the loop always returns

    def _connect(self) -> sqlite3.Connection:
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        db = sqlite3.connect(self.path, timeout=2.0)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                db.execute("DROP TABLE IF EXISTS sessions")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, mtime_ns INTEGER,"
                    " size INTEGER, dir_mtime_ns INTEGER, digest TEXT NOT NULL)"
                )
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.commit()
            db.execute("SELECT count(*) FROM sessions").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def cached(self) -> dict[str, tuple[Stamp, dict[str, Any]]]:
        """Every row whose digest still parses."""
        if self._db is None:
            return {}
        rows: dict[str, tuple[Stamp, dict[str, Any]]] = {}
        try:
            for sid, mtime, size, dmtime, digest in self._db.execute(
                "SELECT id, mtime_ns, size, dir_mtime_ns, digest FROM sessions"
            ):
                with contextlib.suppress(ValueError, TypeError):
                    rows[sid] = (Stamp(mtime, size, dmtime), json.loads(digest))
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and _busy(exc):
                return {}  # another process is writing it: list from the files this time
            log.warning("session index %s is damaged (%s); rebuilding it", self.path, exc)
            self._reset()
            return {}
        return rows

    def update(
        self, fresh: Iterable[tuple[str, Stamp, dict[str, Any]]], gone: Iterable[str]
    ) -> None:
        """Store recomputed digests and forget sessions whose folders went away."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO sessions VALUES (?, ?, ?, ?, ?)",
                    [(sid, s.mtime_ns, s.size, s.dir_mtime_ns, json.dumps(d))
                     for sid, s, d in fresh],
                )
                self._db.executemany("DELETE FROM sessions WHERE id = ?", [(g,) for g in gone])
        except sqlite3.Error as exc:  # read-only folder, full disk, damage: the cache is optional
            log.debug("cannot update the session index: %s", exc)

    def _reset(self) -> None:
        if self._db is not None:
            self._db.close()
        with contextlib.suppress(OSError):
            self.path.unlink()
        self._db = self._open()


def _busy(exc: sqlite3.OperationalError) -> bool:
    """A concurrent writer ("database is locked"), not a damaged file."""
    text = str(exc).lower()
    return "locked" in text or "busy" in text
