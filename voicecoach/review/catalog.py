"""Finding saved sessions: listing them, resolving `ID|latest`, and reading them safely.

Session ids come from the command line, and file names from session.json, which may have been
edited by hand; both are checked so that nothing outside the recordings folder can be read
through them (no `..`, no absolute paths, no symlinks leading out). Damaged sessions are listed
with a warning rather than stopping the listing.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from voicecoach.errors import RecordingsError
from voicecoach.review.index import DigestIndex, Stamp
from voicecoach.review.model import SessionView, read_session, started_from_id
from voicecoach.session.store import SESSION_FILE, SESSION_ID

#: Severity weights for ranking habits, as in the end-of-session summary.
SEVERITY_WEIGHT = {"problem": 2, "warning": 1}


@dataclass
class SessionDigest:
    """What the listing and the progress charts need from one session.

    answers: questions answered (latest attempts, skips excluded).
    checks: for each check, in how many answers it fired. flags: findings in all answers.
    fillers_per_100, wpm: means over the answers that have the metric, else None.
    top_habit: the check to work on first (problems weigh double), or None.
    """

    id: str
    started: str
    bank: str
    answers: int = 0
    flags: int = 0
    checks: dict[str, int] = field(default_factory=dict)
    fillers_per_100: float | None = None
    wpm: float | None = None
    top_habit: str | None = None
    readable: bool = True
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Listing:
    """Sessions newest first, plus folders that were skipped and why."""

    sessions: list[SessionDigest]
    skipped: list[str] = field(default_factory=list)


def sort_key(sid: str) -> tuple[str, int]:
    """Chronological order of ids ('...-2' before '...-10')."""
    suffix = sid[16:]
    return sid[:15], int(suffix) if suffix.isdigit() else 0


def _inside(path: Path, root: Path) -> bool:
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    return os.path.commonpath([real, real_root]) == real_root and real != real_root


def check_id(ident: str) -> str:
    if not isinstance(ident, str) or not SESSION_ID.fullmatch(ident):
        shown = ident if len(ident) <= 40 else ident[:40] + "..."
        raise RecordingsError(
            f"{shown!r} is not a session id (expected e.g. 20261126-003105, or 'latest')"
        )
    return ident


def session_folder(root: Path, ident: str) -> Path:
    """The folder of session `ident` ('latest' = newest readable), validated and existing."""
    if ident == "latest":
        for digest in list_sessions(root).sessions:
            if digest.readable:
                return root / digest.id
        raise RecordingsError(f"no saved sessions in {root} yet; run 'voicecoach practice'")
    folder = root / check_id(ident)
    if not folder.is_dir():
        raise RecordingsError(f"no session {ident} in {root} (see 'voicecoach review')")
    if not _inside(folder, root) or not _inside(folder / SESSION_FILE, root):
        raise RecordingsError(f"session {ident} links outside {root}; not reading it")
    return folder


def audio_file(folder: Path, name: str | None) -> Path | None:
    """The answer's audio file if `name` is a plain file name inside `folder`, else None."""
    if not name or name != os.path.basename(name) or name in (".", "..") or "\\" in name:
        return None
    path = folder / name
    return path if _inside(path, folder) and path.is_file() else None


def read_json(folder: Path) -> tuple[Any, str | None]:
    try:
        return json.loads((folder / SESSION_FILE).read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return None, f"no {SESSION_FILE}"
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{SESSION_FILE} unreadable ({exc.__class__.__name__})"
    except ValueError as exc:
        return None, f"{SESSION_FILE} is damaged (truncated or edited: {exc})"


def load_view(root: Path, ident: str) -> tuple[Path, SessionView]:
    """Read one session for review; damage becomes warnings, a bad id or no JSON an error."""
    folder = session_folder(root, ident)
    data, problem = read_json(folder)
    if problem:
        raise RecordingsError(f"session {folder.name}: {problem}")
    view = read_session(folder.name, data)
    view.warnings += _audio_warnings(folder, view)
    return folder, view


def _audio_warnings(folder: Path, view: SessionView) -> list[str]:
    return [f"question {a.index}: audio file {a.audio[:60]} is missing"
            for a in view.answers if a.audio and audio_file(folder, a.audio) is None]


def digest(folder: Path) -> SessionDigest:
    """Summarise one session folder (never raises)."""
    sid = folder.name
    data, problem = read_json(folder)
    if problem:
        return SessionDigest(sid, started_from_id(sid), "?", readable=False, warnings=[problem])
    view = read_session(sid, data)
    answered = [a for a in view.answers if not a.skipped]
    checks: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    for answer in answered:
        for check in {f["check"] for f in answer.findings}:
            checks[check] += 1
            weight[check] += max(SEVERITY_WEIGHT[f["severity"]]
                                 for f in answer.findings if f["check"] == check)
    return SessionDigest(
        id=sid,
        started=view.started,
        bank=view.bank,
        answers=len(answered),
        flags=sum(len(a.findings) for a in answered),
        checks=dict(checks),
        fillers_per_100=_mean(a.metrics.get("fillers_per_100_words") for a in answered),
        wpm=_mean(a.metrics.get("wpm") for a in answered),
        top_habit=min(weight, key=lambda c: (-weight[c], -checks[c], c)) if weight else None,
        warnings=view.warnings + _audio_warnings(folder, view),
    )


def _mean(values: Any) -> float | None:
    got = [v for v in values if v is not None]
    return round(sum(got) / len(got), 2) if got else None


def list_sessions(root: Path) -> Listing:
    """All sessions under `root`, newest first, using and refreshing the SQLite index."""
    found: dict[str, tuple[Path, Stamp]] = {}
    skipped: list[str] = []
    try:
        entries = list(os.scandir(root))
    except FileNotFoundError:
        return Listing([])
    except OSError as exc:
        raise RecordingsError(f"cannot read the recordings folder {root}: {exc.strerror}") from exc
    for entry in entries:
        if not SESSION_ID.fullmatch(entry.name):
            continue
        folder = Path(entry.path)
        try:
            if entry.is_symlink() and not _inside(folder, root):
                skipped.append(f"{entry.name}: links outside the recordings folder; skipped")
                continue
            if not entry.is_dir():
                continue
            js = folder / SESSION_FILE
            if js.is_symlink() and not _inside(js, root):
                skipped.append(f"{entry.name}: {SESSION_FILE} links outside; skipped")
                continue
            st = js.stat()
            found[entry.name] = (folder, Stamp(st.st_mtime_ns, st.st_size,
                                               entry.stat().st_mtime_ns))
        except FileNotFoundError:
            skipped.append(f"{entry.name}: no {SESSION_FILE}; skipped")
        except OSError as exc:
            skipped.append(f"{entry.name}: unreadable ({exc.strerror}); skipped")
    with DigestIndex(root) as index:
        cached = index.cached()
        digests: list[SessionDigest] = []
        fresh: list[tuple[str, Stamp, dict[str, Any]]] = []
        for sid, (folder, stamp) in found.items():
            hit = cached.get(sid)
            d = _from_cache(hit[1]) if hit and hit[0] == stamp else None
            if d is None:
                d = digest(folder)
                fresh.append((sid, stamp, d.to_dict()))
            digests.append(d)
        gone = [sid for sid in cached if sid not in found]
        if fresh or gone:
            index.update(fresh, gone)
    digests.sort(key=lambda d: sort_key(d.id), reverse=True)
    return Listing(digests, skipped)


def _from_cache(raw: dict[str, Any]) -> SessionDigest | None:
    try:
        return SessionDigest(**raw)
    except TypeError:
        return None
