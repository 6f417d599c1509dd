"""Speech out: real Piper and pyttsx3 engines render short sentences to clips."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from voicecoach.errors import SpeechEngineError
from voicecoach.speech import available_speakers, load_speaker
from voicecoach.speech.pyttsx3_engine import split_text

SENTENCE = "I led a team of five engineers."


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples))))


@pytest.mark.slow
def test_piper_synthesizes_a_sentence(piper_speaker):
    clip = piper_speaker.synthesize(SENTENCE)
    assert clip.sample_rate == 22050
    assert 1.0 < clip.duration < 4.0
    assert rms(clip.samples) > 0.05


@pytest.mark.slow
def test_piper_rate_changes_pace(piper_speaker):
    from voicecoach.speech.piper import PiperSpeaker

    text = "Tell me about a time you disagreed with your manager. How did you handle it?"
    slow = PiperSpeaker(rate=140)
    slow._voice = piper_speaker.load()  # share the loaded voice: only the pace differs
    fast = PiperSpeaker(rate=260)
    fast._voice = piper_speaker.load()
    assert slow.synthesize(text).duration > 1.3 * fast.synthesize(text).duration


def test_pyttsx3_synthesizes_a_sentence():
    pytest.importorskip("pyttsx3")
    from voicecoach.speech.pyttsx3_engine import Pyttsx3Speaker

    clip = Pyttsx3Speaker().synthesize(SENTENCE)
    assert 1.0 < clip.duration < 4.0
    assert rms(clip.samples) > 0.02


def test_pyttsx3_rate_voice_and_long_text():
    pytest.importorskip("pyttsx3")
    from voicecoach.speech.pyttsx3_engine import Pyttsx3Speaker

    text = " ".join(["Walk me through a project you are proud of, and what went wrong."] * 8)
    assert len(split_text(text)) > 1  # exercises the several-pieces path
    fast = Pyttsx3Speaker(rate=300).synthesize(text).duration
    slow = Pyttsx3Speaker(rate=150, voice="en-us").synthesize(text).duration
    assert fast > 10 and slow > 1.6 * fast
    assert any("en-us" in v.languages for v in Pyttsx3Speaker().voices())


def test_pyttsx3_unknown_voice():
    pytest.importorskip("pyttsx3")
    with pytest.raises(SpeechEngineError, match="no system voice"):
        load_speaker("pyttsx3", voice="klingon-xx")


def test_split_text_keeps_sentences_whole():
    pieces = split_text("One. Two! " + "word " * 200, limit=100)
    assert all(len(p) <= 100 for p in pieces)
    assert pieces[0].startswith("One. Two!")
    assert " ".join(pieces).split() == ("One. Two! " + "word " * 200).split()


@pytest.mark.slow
def test_auto_picks_piper():
    speaker = load_speaker("auto")
    assert speaker.name == "piper"
    assert "piper" in available_speakers()


def test_auto_falls_back_to_pyttsx3_when_piper_fails():
    pytest.importorskip("pyttsx3")
    speaker = load_speaker("auto", voice="/nonexistent/voice.onnx")  # Piper cannot load it
    assert speaker.name == "pyttsx3"


def test_unknown_engine():
    with pytest.raises(SpeechEngineError, match="unknown speech engine 'festival'"):
        load_speaker("festival")


def test_missing_piper_voice_file():
    with pytest.raises(SpeechEngineError, match="does not exist"):
        load_speaker("piper", voice="/nonexistent/voice.onnx")


def test_importing_engines_is_lazy():
    code = (
        "import sys, voicecoach.speech, voicecoach.stt;"
        "print(sorted(m for m in ('piper', 'pyttsx3', 'faster_whisper', 'onnxruntime')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
