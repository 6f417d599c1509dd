"""Saving a practice session: `<recordings>/<session-id>/` with the answers' audio and
`session.json`.

`session.json` is rewritten after every answer through a temporary file and a rename, so it is
always valid JSON and a crash loses at most the answer in progress. Folders are created readable
by their owner only: interview answers are personal.

Format (version 1):
    {"format": 1, "id": "20261126-003105", "started": ISO-8601, "ended": ISO-8601|null,
     "bank": "general", "settings": {...},
     "answers": [{"index": 1, "attempt": 1, "question": {"id", "text", "category"},
                  "audio": "q01-a1.wav"|null, "source": "microphone"|"file"|"typed",
                  "skipped": false, "transcript": "...", "words": [{"word","start","end",
                  "probability"}], "report": AnswerReport.to_dict()}],
     "summary": {"text": ..., "went_well": [...], "practise_next": [...], "closing": ...}|null}
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from voicecoach.errors import RecordingsError, os_reason

FORMAT_VERSION = 1
SESSION_FILE = "session.json"
SESSION_ID = re.compile(r"^\d{8}-\d{6}(-\d+)?$")


def recordings_root(explicit: str | Path | None = None) -> Path:
    """--recordings, else $VOICECOACH_RECORDINGS, else ./recordings."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("VOICECOACH_RECORDINGS")
    return Path(env).expanduser() if env else Path("recordings")


def _private_dir(path: Path) -> None:
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise RecordingsError(
            f"cannot create the recordings folder {path}: {os_reason(exc)}"
        ) from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise RecordingsError(f"the recordings folder {path} is not writable")


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that `path` is always either the old or the new complete file.

    Any OSError (a full disk, a folder made read-only) becomes a one-line RecordingsError and
    leaves the old file and no temporary file behind.
    """
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".session-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise RecordingsError(f"cannot save {path}: {os_reason(exc)}") from exc


class SessionStore:
    """One session's folder. Create with `SessionStore.create(root, bank)`."""

    def __init__(self, folder: Path, data: dict[str, Any]) -> None:
        self.folder = folder
        self.data = data

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def path(self) -> Path:
        return self.folder / SESSION_FILE

    @classmethod
    def create(
        cls, root: Path, bank: str, settings: dict[str, Any] | None = None
    ) -> SessionStore:
        _private_dir(root)
        now = datetime.now().astimezone()
        base = now.strftime("%Y%m%d-%H%M%S")
        for n in range(1000):
            sid = base if n == 0 else f"{base}-{n}"
            folder = root / sid
            try:
                folder.mkdir(mode=0o700)
                break
            except FileExistsError:
                continue
            except OSError as exc:
                raise RecordingsError(f"cannot create {folder}: {os_reason(exc)}") from exc
        else:  # pragma: no cover - a thousand sessions in one second
            raise RecordingsError(f"cannot find a free session folder under {root}")
        data = {
            "format": FORMAT_VERSION,
            "id": sid,
            "started": now.isoformat(timespec="seconds"),
            "ended": None,
            "bank": bank,
            "settings": settings or {},
            "answers": [],
            "summary": None,
        }
        store = cls(folder, data)
        store.save()
        return store

    def audio_path(self, index: int, attempt: int, suffix: str = ".wav") -> Path:
        return self.folder / f"q{index:02d}-a{attempt}{suffix}"

    def add_answer(self, entry: dict[str, Any]) -> None:
        self.data["answers"].append(entry)
        self.save()

    def finish(self, summary: dict[str, Any]) -> None:
        self.data["summary"] = summary
        self.data["ended"] = datetime.now().astimezone().isoformat(timespec="seconds")
        self.save()

    def save(self) -> None:
        write_json_atomic(self.path, self.data)


def load_session(folder: Path) -> dict[str, Any]:
    try:
        return json.loads((folder / SESSION_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RecordingsError(f"{folder}: no {SESSION_FILE} here") from exc
    except (OSError, ValueError) as exc:
        raise RecordingsError(f"{folder / SESSION_FILE}: unreadable ({exc})") from exc
