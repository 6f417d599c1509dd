"""Looking back at saved sessions: listing, one session in detail, reports and progress.

Everything here reads the session folders written by `voicecoach.session.store` and never
changes them; the only file it writes is the disposable index `<recordings>/.index.sqlite3`.
"""

from voicecoach.review.catalog import Listing, SessionDigest, list_sessions, load_view
from voicecoach.review.model import AnswerView, SessionView
from voicecoach.review.progress import Progress, compute

__all__ = [
    "AnswerView",
    "Listing",
    "Progress",
    "SessionDigest",
    "SessionView",
    "compute",
    "list_sessions",
    "load_view",
]
