"""Speech in: real faster-whisper (tiny.en) on synthesized and recorded speech, silence, noise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voicecoach.audio.clip import Clip
from voicecoach.errors import TranscriberError
from voicecoach.stt import load_transcriber
from voicecoach.stt.wer import normalize, wer, word_errors

#: The shared English evaluation clips (/work/shared/speech-eval), beside the checkout.
SPEECH_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "speech-eval"
JFK = (
    "And so my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)


@pytest.mark.slow
def test_round_trip_piper_to_whisper(whisper, piper_speaker):
    said = "I led a team of five engineers"
    clip = piper_speaker.synthesize(said)
    heard = whisper.transcribe(clip.to_audio_data())
    assert wer(said, heard.text) <= 0.15, heard.text
    assert heard.engine == "whisper"
    assert abs(heard.duration - clip.duration) < 0.01
    assert len(heard.words) >= 5
    starts = [w.start for w in heard.words]
    assert starts == sorted(starts)
    assert all(0 <= w.start <= w.end <= clip.duration + 0.05 for w in heard.words)


@pytest.mark.slow
def test_silence_gives_empty_text(whisper):
    heard = whisper.transcribe(Clip.silence(3.0).to_audio_data())
    assert heard.text == "" and heard.words == [] and not heard.heard_speech


@pytest.mark.slow
@pytest.mark.parametrize("amplitude", [0.01, 0.05, 0.3])
def test_white_noise_gives_empty_text(whisper, amplitude):
    noise = np.random.default_rng(7).standard_normal(3 * 16000) * amplitude
    clip = Clip(np.clip(noise, -1, 1).astype(np.float32), 16000)
    assert whisper.transcribe(clip.to_audio_data()).text == ""


@pytest.mark.slow
def test_real_recording_jfk(whisper):
    clip_path = SPEECH_EVAL / "clip30.wav"
    if not clip_path.exists():
        pytest.skip("speech-eval set not present")
    heard = whisper.transcribe(Clip.load(clip_path).to_audio_data())
    assert wer(JFK, heard.text) < 0.2, heard.text


def test_unknown_model():
    with pytest.raises(TranscriberError, match=r"unknown whisper model 'huge\.en'"):
        load_transcriber("whisper", "huge.en")


def test_size_name_not_cached_here(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))  # an empty cache: nothing is installed
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(TranscriberError, match=r"model 'small\.en' is not installed here"):
        load_transcriber("whisper", "small.en")


def test_missing_model_folder(tmp_path):
    with pytest.raises(TranscriberError, match="does not exist"):
        load_transcriber("whisper", str(tmp_path / "nope"))
    with pytest.raises(TranscriberError, match=r"no model\.bin"):
        load_transcriber("whisper", str(tmp_path))


def test_unknown_engine():
    with pytest.raises(TranscriberError, match="unknown speech-to-text engine 'vosk'"):
        load_transcriber("vosk")


def test_sphinx_ignores_silence():
    pytest.importorskip("pocketsphinx")
    sphinx = load_transcriber("sphinx")
    assert sphinx.transcribe(Clip.silence(2.0).to_audio_data()).text == ""


def test_normalize_variants():
    assert normalize("Mr. Quilter's 42-line Bible, 1455!") == (
        "mister quilter's forty two line bible fourteen fifty five"
    )
    assert normalize("God bless 'em; uh, the 20th time") == "god bless them the twentieth time"
    assert normalize("COUNSELLED") == normalize("counseled")


def test_word_errors_counts():
    errs = word_errors("ask not what your country can do", "ask what your county can do for")
    assert (errs.substitutions, errs.deletions, errs.insertions) == (1, 1, 1)
    assert errs.reference_words == 7
    assert wer("", "") == 0.0 and wer("", "hello") == 1.0


def test_prompt_echo_is_recognised() -> None:
    from voicecoach.stt.whisper import echoes_prompt

    prompt = "So, um, I think, uh, we did it."
    assert echoes_prompt("So, uh, we did it.", prompt)
    assert echoes_prompt(" uh, uh, we did it", prompt)
    assert not echoes_prompt("So we shipped it.", prompt)  # a real ending
    assert not echoes_prompt("Um.", prompt)  # a lone filler is left to the filler checks
    assert not echoes_prompt("So, uh, we did it.", "")
