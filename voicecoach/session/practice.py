"""The practice loop: ask, listen, transcribe, analyse, coach, save; question after question.

The loop holds no terminal code: it talks to a `PracticeUI` (the CLI's terminal UI, or a test's),
an `AnswerSource` (microphone, files, typed) and a `Voice`, so each stage is replaceable alone.
The speech-to-text model loads in the background while the first question is spoken.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from voicecoach.analysis.report import AnswerReport
from voicecoach.errors import VoiceCoachError
from voicecoach.interview.followups import choose_follow_up
from voicecoach.interview.preparation import InterviewContext
from voicecoach.session.banks import Question
from voicecoach.session.judge import Judge
from voicecoach.session.sources import Answer, AnswerSource
from voicecoach.session.store import SessionStore
from voicecoach.session.summary import SessionSummary, summarize
from voicecoach.session.voice import Voice
from voicecoach.stt.base import Transcript

log = logging.getLogger(__name__)

MAX_SPOKEN_TIPS = 2


class PracticeUI(Protocol):
    def show_question(self, number: int, total: int, question: Question, attempt: int) -> None: ...
    def show_follow_up(self, text: str) -> None: ...
    def status(self, message: str) -> None: ...
    def show_report(self, report: AnswerReport, heard_speech: bool) -> None: ...
    def ask_next(self) -> str:
        """One of "next", "retry", "skip", "quit"."""
        ...
    def show_summary(self, summary: SessionSummary, folder: Path) -> None: ...


@dataclass
class SessionResult:
    store: SessionStore
    summary: SessionSummary
    reports: list[AnswerReport] = field(default_factory=list)
    interrupted: bool = False


def spoken_feedback(report: AnswerReport, heard_speech: bool = True) -> str:
    """The summary plus the top tips not already in it, ready to be read aloud."""
    if not heard_speech:
        return "I didn't hear an answer that time."
    parts = [report.summary.strip()]
    if report.metrics.get("wpm"):
        from voicecoach.delivery import spoken_delivery_sentence

        parts.append(spoken_delivery_sentence(report.metrics))
    tips = 0
    for finding in report.findings:
        tip = finding.tip.strip()
        if tips == MAX_SPOKEN_TIPS:
            break
        if tip and tip not in report.summary and tip not in parts:
            parts.append(tip)
            tips += 1
    return " ".join(p for p in parts if p)


@dataclass
class Practice:
    """One practice session's collaborators. `run(questions)` drives the interview."""

    source: AnswerSource
    store: SessionStore
    ui: PracticeUI
    voice: Voice
    judge: Judge
    context: InterviewContext = field(default_factory=InterviewContext)
    follow_ups: bool = False

    def run(self, questions: list[Question]) -> SessionResult:
        latest: dict[int, AnswerReport] = {}
        transcripts: list[str] = []
        index, attempt, skip_next, interrupted = 0, 1, False, False
        try:
            while index < len(questions):
                question, number = questions[index], index + 1
                if skip_next:
                    skip_next = False
                    self.store.add_answer(_skipped_entry(number, question))
                    index, attempt = index + 1, 1
                    continue
                self.ui.show_question(number, len(questions), question, attempt)
                entry = self._ask(question.text, self.store.audio_path(number, attempt),
                                  {"index": number, "attempt": attempt,
                                   "question": _question_dict(question)})
                if entry is None:
                    self.ui.status("No more answers to use; ending the session.")
                    break
                latest[number] = entry["_report"]
                transcripts.append(entry["transcript"] or "")
                if self.follow_ups and entry["_heard"]:
                    self._follow_up(entry, number, attempt, transcripts)
                choice = self.ui.ask_next()
                if choice == "quit":
                    break
                if choice == "retry":
                    attempt += 1
                    continue
                skip_next = choice == "skip"
                index, attempt = index + 1, 1
        except KeyboardInterrupt:
            interrupted = True
        except VoiceCoachError:  # e.g. the microphone vanished: save what we have, then report
            self._finish(latest, transcripts, interrupted=True)
            raise
        return self._finish(latest, transcripts, interrupted)

    def _ask(self, text: str, audio_path: Path, base: dict[str, Any]) -> dict[str, Any] | None:
        """Speak `text`, take one answer, judge it, save it, coach it. None = no more answers."""
        self.voice.say(text)
        if self.source.live:
            self.ui.status("Listening... answer now; a pause ends the answer (or press Enter).")
        try:
            answer = self.source.next_answer(audio_path)
        except (KeyboardInterrupt, VoiceCoachError):
            if audio_path.exists():  # the audio so far is on disk: list it, untranscribed
                self.store.add_answer({**base, "skipped": False, "interrupted": True,
                                       "audio": audio_path.name, "source": "microphone",
                                       "transcript": None, "words": [], "report": None})
            raise
        if answer is None:
            return None
        if answer.clip is not None:
            self.ui.status("Transcribing...")
        transcript, report = self.judge(answer, text, self.context)
        entry = {**base, **_answer_fields(answer, transcript, report)}
        self.store.add_answer(entry)
        self.ui.show_report(report, transcript.heard_speech)
        self.voice.say(spoken_feedback(report, transcript.heard_speech))
        return {**entry, "_report": report, "_heard": transcript.heard_speech}

    def _follow_up(
        self, entry: dict[str, Any], number: int, attempt: int, transcripts: list[str]
    ) -> None:
        chosen = choose_follow_up(entry["_report"])
        if chosen is None:
            return
        reason, text = chosen
        self.ui.show_follow_up(text)
        path = self.store.audio_path(number, attempt).with_name(f"q{number:02d}-a{attempt}-f.wav")
        follow = self._ask(text, path, {"index": number, "attempt": attempt, "follow_up_of":
                                        entry["question"]["id"], "reason": reason,
                                        "question": {"id": f"{entry['question']['id']}-follow-up",
                                                     "text": text, "category": "follow_up"}})
        if follow is not None:
            transcripts.append(follow["transcript"] or "")

    def _finish(
        self, latest: dict[int, AnswerReport], transcripts: list[str], interrupted: bool
    ) -> SessionResult:
        reports = [latest[k] for k in sorted(latest)]
        summary = summarize(reports)
        self.store.data["interrupted"] = interrupted
        if self.context.job_terms:
            from voicecoach.interview.job_terms import coverage

            self.store.data["job_terms"] = coverage(list(self.context.job_terms), transcripts)
        self.store.finish(summary.to_dict())
        self.ui.show_summary(summary, self.store.folder)
        if not interrupted:
            self.voice.say(summary.text)
        return SessionResult(self.store, summary, reports, interrupted)


def _question_dict(question: Question) -> dict[str, Any]:
    return {"id": question.id, "text": question.text, "category": question.category}


def _skipped_entry(number: int, question: Question) -> dict[str, Any]:
    return {"index": number, "attempt": 1, "question": _question_dict(question), "skipped": True,
            "audio": None, "source": None, "transcript": "", "words": [], "report": None}


def _answer_fields(answer: Answer, transcript: Transcript, report: AnswerReport) -> dict[str, Any]:
    return {
        "skipped": False,
        "audio": answer.audio_path.name if answer.audio_path else None,
        "source": answer.source,
        "ended_by": answer.ended_by,
        "duration_s": round(answer.clip.duration, 3) if answer.clip is not None else None,
        "transcript": transcript.text,
        "words": transcript.to_dict()["words"],
        "engine": transcript.engine,
        "report": report.to_dict(),
    }
