"""User settings for the answer checks, read from a TOML file.

Recruiters and users differ on what counts as off-limits or too casual, so a few word lists can
be extended without editing the package. The file is `$VOICECOACH_CONFIG` if set, else
`~/.config/voicecoach/config.toml`; a missing file means no extras. Format::

    [analysis]
    # extra off-limits words or phrases, per topic (politics, religion, beliefs)
    extra_off_limits = { politics = ["brexit", "the referendum"], beliefs = ["numerology"] }
    # extra words or phrases that count as profanity or too-casual register
    extra_unprofessional = ["yolo", "sus"]
    # extra filler words or phrases
    extra_fillers = ["right", "okay so"]

Entries are plain words or phrases matched as whole words, case-insensitively. A malformed
file raises `UsageError` naming the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from voicecoach.errors import UsageError

TOPICS = ("politics", "religion", "beliefs")


@dataclass(frozen=True)
class AnalysisConfig:
    """Extra word lists layered on top of the packaged data.

    extra_off_limits: topic -> phrases that show the candidate's own politics/religion/beliefs.
    extra_unprofessional: phrases that count as profanity or very casual register.
    extra_fillers: phrases that count as filler words.
    """

    extra_off_limits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra_unprofessional: tuple[str, ...] = ()
    extra_fillers: tuple[str, ...] = ()

    def key(self) -> tuple:
        """Hashable identity, used to cache compiled patterns per configuration."""
        return (
            tuple(sorted(self.extra_off_limits.items())),
            self.extra_unprofessional,
            self.extra_fillers,
        )


def config_path() -> Path:
    env = os.environ.get("VOICECOACH_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".config" / "voicecoach" / "config.toml"


def _strings(value: object, where: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: {where} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def parse_config(data: dict, path: Path) -> AnalysisConfig:
    section = data.get("analysis", {})
    if not isinstance(section, dict):
        raise UsageError(f"{path}: [analysis] must be a table")
    off = section.get("extra_off_limits", {})
    if not isinstance(off, dict):
        raise UsageError(f"{path}: extra_off_limits must be a table of topic = [phrases]")
    extra_off: dict[str, tuple[str, ...]] = {}
    for topic, phrases in off.items():
        if topic not in TOPICS:
            raise UsageError(
                f"{path}: unknown off-limits topic {topic!r} (use {', '.join(TOPICS)})"
            )
        extra_off[topic] = _strings(phrases, f"extra_off_limits.{topic}", path)
    return AnalysisConfig(
        extra_off_limits=extra_off,
        extra_unprofessional=_strings(
            section.get("extra_unprofessional", []), "extra_unprofessional", path
        ),
        extra_fillers=_strings(section.get("extra_fillers", []), "extra_fillers", path),
    )


_cache: dict[tuple[str, float], AnalysisConfig] = {}


def load_config(path: Path | None = None) -> AnalysisConfig:
    """The user's configuration, or the empty default when the file does not exist."""
    path = config_path() if path is None else path
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return AnalysisConfig()
    key = (str(path), mtime)
    if key not in _cache:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"{path}: cannot read config: {exc}") from exc
        _cache[key] = parse_config(data, path)
    return _cache[key]
