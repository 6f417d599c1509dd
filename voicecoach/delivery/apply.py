"""Merge delivery metrics and findings into a text-based `AnswerReport`.

Why it exists: the practice loop and `analyze FILE` build a report from the transcript first;
when audio is available the audio-based checks replace the text guesses for fillers and length
(the verbatim transcript and the clock know better than a word count).
"""

from __future__ import annotations

from dataclasses import replace

from voicecoach.analysis.report import AnswerReport
from voicecoach.analysis.summary import refresh
from voicecoach.audio.clip import Clip
from voicecoach.delivery.checks import DELIVERY_CHECKS, delivery_findings
from voicecoach.delivery.metrics import delivery_metrics, spoken_words
from voicecoach.stt.base import Transcript

NO_SPEECH = ("I didn't hear any speech in that recording. Check that the microphone is on "
             "and try the answer again.")
#: Text-check strengths that an audio finding of the same kind would contradict.
_CONTRADICTED = {"filler_words": "filler", "length": "length"}


def apply_delivery(report: AnswerReport, clip: Clip, transcript: Transcript) -> AnswerReport:
    """A copy of `report` with delivery metrics, findings and a delivery clause in the summary.

    No speech (empty transcript, or words timed by the engine but none of them real): a report
    that says so, with no findings. Text without word timings (engines such as Google's give
    none) is speech we cannot time: the report is returned with only the duration added.
    """
    duration = round(clip.duration, 2)
    if transcript.text.strip() and not transcript.words:
        return replace(report, metrics=dict(report.metrics) | {
            "heard_speech": True, "duration_s": duration, "word_timings": False})
    if not transcript.text.strip() or not spoken_words(transcript.words):
        metrics = {"heard_speech": False, "duration_s": duration, "word_count": 0}
        return replace(report, transcript="", findings=[], strengths=[],
                       metrics=dict(report.metrics) | metrics, summary=NO_SPEECH)
    text = report.transcript or transcript.text
    metrics = delivery_metrics(clip, transcript.words, text)
    audio = delivery_findings(metrics, text)
    kept = [f for f in report.findings if f.check not in DELIVERY_CHECKS]
    fired = {f.check for f in audio}
    strengths = [s for s in report.strengths
                 if not any(c in fired and word in s.lower() for c, word in _CONTRADICTED.items())]
    merged = replace(report, findings=kept + audio, strengths=strengths,
                     metrics=dict(report.metrics) | {"heard_speech": True} | metrics)
    return refresh(merged)  # re-rank so the summary leads with the most important point
