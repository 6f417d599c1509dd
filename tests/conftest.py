"""Shared pytest fixtures."""

from __future__ import annotations

import pytest

# --- speech engines (tests/test_stt.py, test_speech.py, test_vad.py) ------------------------
# Loaded once per test session: the whisper model and the Piper voice take ~0.5 s each.


@pytest.fixture(scope="session")
def whisper():
    """faster-whisper tiny.en (the default model), loaded once."""
    pytest.importorskip("faster_whisper")
    from voicecoach.stt.whisper import WhisperTranscriber

    return WhisperTranscriber()


@pytest.fixture(scope="session")
def piper_speaker():
    """The Piper joe voice, loaded once."""
    pytest.importorskip("piper")
    from voicecoach.speech.piper import PiperSpeaker

    speaker = PiperSpeaker()
    speaker.load()
    return speaker
