"""The practice loop: ask, listen, transcribe, analyse, coach, save; question after question.

The loop holds no terminal code: it talks to a `PracticeUI` (the CLI's terminal UI, or a test's),
an `AnswerSource` (microphone, files, typed) and a `Voice`, so each stage is replaceable alone.
The speech-to-text model loads in the background while the first question is spoken.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from voicecoach.analysis.report import AnswerReport
from voicecoach.session.banks import Question
from voicecoach.session.sources import Answer, AnswerSource
from voicecoach.session.store import SessionStore
from voicecoach.session.summary import SessionSummary, summarize
from voicecoach.session.voice import Voice
from voicecoach.stt.base import Transcriber, Transcript

log = logging.getLogger(__name__)

MAX_SPOKEN_TIPS = 2


class PracticeUI(Protocol):
    def show_question(self, number: int, total: int, question: Question, attempt: int) -> None: ...
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


class TranscriberLoader:
    """Loads the transcriber once, in a background thread, so start-up does not wait for it."""

    def __init__(self, engine: str, model: str | None) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt-load")
        self._future: Future[Transcriber] = self._pool.submit(self._load, engine, model)

    @staticmethod
    def _load(engine: str, model: str | None) -> Transcriber:
        from voicecoach.stt import load_transcriber

        transcriber = load_transcriber(engine, model)
        warm = getattr(transcriber, "load", None)
        if callable(warm):
            warm()
        return transcriber

    def get(self) -> Transcriber:
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=False)


def spoken_feedback(report: AnswerReport, heard_speech: bool = True) -> str:
    """The summary plus the top tips not already in it, ready to be read aloud."""
    if not heard_speech:
        return "I didn't hear an answer that time."
    parts = [report.summary.strip()]
    for finding in report.findings[:MAX_SPOKEN_TIPS]:
        if finding.tip and finding.tip not in report.summary:
            parts.append(finding.tip.strip())
    return " ".join(p for p in parts if p)


def run_practice(
    questions: list[Question],
    source: AnswerSource,
    store: SessionStore,
    ui: PracticeUI,
    voice: Voice,
    transcriber: TranscriberLoader | None,
) -> SessionResult:
    from voicecoach.analysis import analyze_answer

    latest: dict[int, AnswerReport] = {}
    index, attempt = 0, 1
    skip_next = False
    interrupted = False
    try:
        while index < len(questions):
            question = questions[index]
            number = index + 1
            if skip_next:
                skip_next = False
                store.add_answer(_skipped_entry(number, question))
                index, attempt = index + 1, 1
                continue
            ui.show_question(number, len(questions), question, attempt)
            voice.say(question.text)
            audio_path = store.audio_path(number, attempt)
            try:
                answer = source.next_answer(audio_path)
            except KeyboardInterrupt:
                _keep_partial(store, number, attempt, question, audio_path)
                raise
            if answer is None:
                ui.status("No more answers to use; ending the session.")
                break
            transcript = _transcribe(answer, transcriber, ui)
            report = analyze_answer(transcript.text, question=question.text)
            store.add_answer(_entry(number, attempt, question, answer, transcript, report))
            latest[number] = report
            ui.show_report(report, transcript.heard_speech)
            voice.say(spoken_feedback(report, transcript.heard_speech))
            choice = ui.ask_next()
            if choice == "quit":
                break
            if choice == "retry":
                attempt += 1
                continue
            skip_next = choice == "skip"
            index, attempt = index + 1, 1
    except KeyboardInterrupt:
        interrupted = True
    reports = [latest[k] for k in sorted(latest)]
    summary = summarize(reports)
    store.data["interrupted"] = interrupted
    store.finish(summary.to_dict())
    ui.show_summary(summary, store.folder)
    if not interrupted:
        voice.say(summary.text)
    return SessionResult(store, summary, reports, interrupted)


def _transcribe(answer: Answer, loader: TranscriberLoader | None, ui: PracticeUI) -> Transcript:
    if answer.text is not None:
        return Transcript(text=answer.text, engine="typed")
    assert answer.clip is not None and loader is not None
    ui.status("Transcribing...")
    return loader.get().transcribe(answer.clip.to_audio_data())


def _question_dict(question: Question) -> dict[str, Any]:
    return {"id": question.id, "text": question.text, "category": question.category}


def _skipped_entry(number: int, question: Question) -> dict[str, Any]:
    return {"index": number, "attempt": 1, "question": _question_dict(question), "skipped": True,
            "audio": None, "source": None, "transcript": "", "words": [], "report": None}


def _keep_partial(
    store: SessionStore, number: int, attempt: int, question: Question, audio_path: Path
) -> None:
    """Ctrl-C mid-answer: the audio so far is on disk; list it in the session, untranscribed."""
    if audio_path.exists():
        store.add_answer({"index": number, "attempt": attempt,
                          "question": _question_dict(question), "skipped": False,
                          "interrupted": True, "audio": audio_path.name, "source": "microphone",
                          "transcript": None, "words": [], "report": None})


def _entry(
    number: int,
    attempt: int,
    question: Question,
    answer: Answer,
    transcript: Transcript,
    report: AnswerReport,
) -> dict[str, Any]:
    audio = answer.audio_path.name if answer.audio_path else None
    return {
        "index": number,
        "attempt": attempt,
        "question": _question_dict(question),
        "skipped": False,
        "audio": audio,
        "source": answer.source,
        "ended_by": answer.ended_by,
        "duration_s": round(answer.clip.duration, 3) if answer.clip is not None else None,
        "transcript": transcript.text,
        "words": transcript.to_dict()["words"],
        "engine": transcript.engine,
        "report": report.to_dict(),
    }
