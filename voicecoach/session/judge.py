"""Judging one answer: transcribe it (if spoken), analyse the words, add the interview context.

The speech-to-text model loads once, in a background thread started with the session, so the
first question can be spoken while it loads.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from voicecoach.analysis.report import AnswerReport
from voicecoach.audio.clip import Clip
from voicecoach.interview.preparation import InterviewContext, preparation_findings
from voicecoach.session.sources import Answer
from voicecoach.stt.base import Transcriber, Transcript


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
        # the first analysis loads word lists and lexicons (100-200 ms): do it now, in the
        # background, rather than at the end of the first answer
        from voicecoach.analysis import analyze_answer

        analyze_answer("Warming up the answer checks.")
        return transcriber

    def get(self) -> Transcriber:
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=False)


class Judge:
    """Turns an `Answer` into (transcript, report)."""

    def __init__(self, transcriber: TranscriberLoader | None = None) -> None:
        self.transcriber = transcriber

    def transcribe(self, answer: Answer) -> Transcript:
        if answer.text is not None:
            return Transcript(text=answer.text, engine="typed")
        if answer.transcript is not None:  # transcribed while it was recorded
            return answer.transcript
        if answer.clip is None or self.transcriber is None:
            raise ValueError("an audio answer needs a transcriber")
        return self.transcriber.get().transcribe(answer.clip.to_audio_data())

    def __call__(
        self, answer: Answer, question: str, context: InterviewContext
    ) -> tuple[Transcript, AnswerReport]:
        transcript = self.transcribe(answer)
        report = judge_transcript(transcript, answer.clip, question)
        add_context(report, question, context)
        return transcript, report


def judge_transcript(
    transcript: Transcript, clip: Clip | None, question: str | None
) -> AnswerReport:
    """Analyse the words; with audio, add delivery (pace, pauses, fillers, volume, monotone)."""
    from voicecoach.analysis import analyze_answer

    if clip is None:
        return analyze_answer(transcript.text, question=question)
    from voicecoach.delivery import apply_delivery

    report = analyze_answer(transcript.text, question=question,
                            metrics={"duration_s": round(clip.duration, 2)})
    return apply_delivery(report, clip, transcript)


def add_context(report: AnswerReport, question: str, context: InterviewContext) -> None:
    """Add the preparation check and job-description term coverage to a report."""
    from voicecoach.analysis.summary import refresh

    extra = preparation_findings(report.transcript, question, context)
    if extra:
        report.findings.extend(extra)
        refresh(report)
    if context.job_terms:
        from voicecoach.interview.job_terms import coverage

        report.job_terms = coverage(list(context.job_terms), report.transcript)
