"""Any input gives a valid report with exact offsets; imports stay light; analysis is fast."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voicecoach.analysis import analyze_answer
from voicecoach.analysis.config import AnalysisConfig
from voicecoach.analysis.report import AnswerReport
from voicecoach.analysis.text import sentences, tokenize

CFG = AnalysisConfig()
CHECK_NAMES = {"negativity", "off_limits_topic", "overselling", "unprofessional_language",
               "hedging", "filler_words", "leaving_discretion", "structure", "length",
               "repetition"}


def assert_valid(report: AnswerReport, text: str) -> None:
    assert report.transcript == text
    assert isinstance(report.summary, str) and report.summary
    for f in report.findings:
        assert f.check in CHECK_NAMES
        assert f.severity in ("problem", "warning")
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.evidence
        assert f.tip and f.message
        for s, e in f.detail.get("spans", []):
            assert 0 <= s < e <= len(text)
    json.dumps(report.to_dict())


WORDS = st.sampled_from(["um", "like", "my", "manager", "had", "no", "clue", "I", "guess",
                         "damn", "God", "never", "made", "a", "mistake", ",", ".", "you",
                         "know", "the", "best", "ever", "\u2019", "\U0001f600", "\x00", "\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text_gives_a_valid_report(text: str) -> None:
    assert_valid(analyze_answer(text, config=CFG), text)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=80).map(" ".join), st.one_of(st.none(), st.text(max_size=40)))
def test_trigger_word_soup_keeps_offsets_exact(text: str, question: str | None) -> None:
    assert_valid(analyze_answer(text, question, config=CFG), text)


def test_edge_inputs() -> None:
    for text in ["", "   \n\t ", "?!...,,;", "\x00\x01\x1b[31m", "😀🎉👍" * 50,
                 "Je suis ingénieur et j'aime mon travail.", "私はエンジニアです。",
                 "I\u2019m the best you\u2019ll ever meet."]:
        report = analyze_answer(text, config=CFG)
        assert_valid(report, text)
    assert analyze_answer("", config=CFG).findings == []


def test_huge_input() -> None:
    sentence = "Um, my manager had no clue, and I guess I'm the best you'll ever meet. "
    text = (sentence * 2000)[:100_000]
    report = analyze_answer(text, config=CFG)
    assert_valid(report, text)
    assert {"negativity", "overselling", "length"} <= report.checks_fired()


def test_curly_apostrophes_match_and_keep_offsets() -> None:
    text = "I\u2019ve never made a mistake, and I\u2019m the best you\u2019ll ever hire."
    report = analyze_answer(text, config=CFG)
    assert "overselling" in report.checks_fired()
    assert_valid(report, text)


def test_sentences_without_punctuation_fall_back_to_windows() -> None:
    text = " ".join(["and then we shipped the order and i called the client"] * 10)
    spans = sentences(text)
    assert len(spans) >= 4
    assert all(len(s.tokens) <= 30 for s in spans)
    assert sum(len(s.tokens) for s in spans) == len(tokenize(text))


def test_tone_metrics_equal_textblob_sentiment() -> None:
    text = "My manager was terrible. I loved the team, and the work was great!"
    tone = analyze_answer(text, config=CFG).metrics["tone"]
    code = ("import json,sys; from textblob import TextBlob; t=sys.argv[1]; "
            "s=TextBlob(t).sentiment; print(json.dumps([s.polarity, s.subjectivity]))")
    out = subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True,
                         check=True)
    polarity, subjectivity = json.loads(out.stdout)
    assert abs(tone["polarity"] - polarity) < 1e-3
    assert abs(tone["subjectivity"] - subjectivity) < 1e-3
    assert len(tone["sentences"]) == 2
    assert tone["sentences"][0]["polarity"] < 0 < tone["sentences"][1]["polarity"]


def test_no_audio_or_numeric_packages_imported() -> None:
    code = (
        "import sys, voicecoach\n"
        "from voicecoach import analyze_answer\n"
        "analyze_answer('Um, my boss had no clue, I guess. I am the best ever.', 'Why?')\n"
        "heavy = ['numpy', 'sounddevice', 'faster_whisper', 'speech_recognition', 'piper',\n"
        "         'pyttsx3', 'nltk', 'sklearn']\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
