"""The microphone path for real: PortAudio capture from the virtual sound card.

A speech file is played into the virtual microphone while `Recorder` listens; the answer must
end on the silence after it, hold the speech, and be on disk as it was recorded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from tests import vaudio
from voicecoach.audio.clip import Clip

pytestmark = pytest.mark.skipif(vaudio.missing() is not None, reason=str(vaudio.missing()))

RECORD = """
import json, subprocess, sys, threading, time
from pathlib import Path
from voicecoach.audio.mic import Recorder, RecordSettings
wav, out, silence = sys.argv[1], sys.argv[2], float(sys.argv[3])
def feed():
    time.sleep(0.6)
    subprocess.run(["paplay", "--device=mic_feed", wav], check=True)
threading.Thread(target=feed, daemon=True).start()
rec = Recorder(None, RecordSettings(silence_s=silence, max_s=20)).record(Path(out))
print(json.dumps({"ended_by": rec.ended_by, "duration": rec.clip.duration}))
"""


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("speech") / "answer.wav"
    subprocess.run(
        ["espeak-ng", "-w", str(path), "I led a team of five engineers and we shipped on time."],
        check=True,
    )
    return path


def test_answer_ends_on_silence_after_speech(
    sound_card: dict[str, str], spoken: Path, tmp_path: Path
) -> None:
    out = tmp_path / "q01-a1.wav"
    proc = subprocess.run(
        [sys.executable, "-c", RECORD, str(spoken), str(out), "1.0"],
        env=sound_card, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    speech_s = Clip.load(spoken).duration
    assert result["ended_by"] == "silence"
    # 0.6 s lead-in + the speech + about 1 s of silence (plus playback start-up slack)
    assert speech_s + 1.0 <= result["duration"] <= speech_s + 0.6 + 1.0 + 1.5
    saved = Clip.load(out)
    with wave.open(str(out)) as w:
        assert w.getframerate() == 16000 and w.getnchannels() == 1
    assert saved.duration == pytest.approx(result["duration"], abs=0.06)
    rms = lambda a: float(np.sqrt(np.mean(a**2)))  # noqa: E731
    assert rms(saved.samples[: int(0.3 * 16000)]) < 0.005  # before the speech: silence
    assert rms(saved.samples) > 0.02  # the speech was captured
