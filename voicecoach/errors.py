"""Domain errors, in one place.

Library code raises these with a message fit to show a user as one line; only the CLI edge
(`voicecoach.cli`) turns them into that line and a non-zero exit. Anything else that escapes is a
bug and is shown as a traceback only with `--debug`.
"""

from __future__ import annotations

import errno

#: OSError numbers that are the machine's state, not a bug: a full disk, a read-only or
#: forbidden folder. `voicecoach.cli` shows these as one line like domain errors.
ENVIRONMENT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM,
                                errno.EROFS})


class VoiceCoachError(Exception):
    """A problem the user can act on. `str(error)` is the one line to show."""

    exit_code = 1


class UsageError(VoiceCoachError):
    """Bad command-line input or configuration values."""

    exit_code = 2


class BankError(VoiceCoachError):
    """A question bank is missing, unknown or malformed (message names file and line)."""


class AudioFileError(VoiceCoachError):
    """An audio file is missing, unreadable, empty or not audio."""


class AudioDeviceError(VoiceCoachError):
    """No microphone/speaker, a busy device, or a device that vanished mid-answer."""


class SpeechEngineError(VoiceCoachError):
    """No text-to-speech engine could be used."""


class TranscriberError(VoiceCoachError):
    """The speech-to-text engine or model could not be loaded or run."""


class RecordingsError(VoiceCoachError):
    """The recordings folder cannot be written, or a session id is invalid or unknown."""


def os_reason(exc: OSError) -> str:
    """An OSError in a few words for a one-line message ("the disk is full" for ENOSPC)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return exc.strerror or str(exc)


def os_error_line(exc: OSError) -> str:
    """One line for an OSError that escaped to the CLI: what failed, on which file, why."""
    target = exc.filename2 if exc.filename2 is not None else exc.filename
    where = f" ({target})" if target is not None else ""
    hint = "; free some space and try again" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else ""
    return f"{os_reason(exc)}{where}{hint}"
