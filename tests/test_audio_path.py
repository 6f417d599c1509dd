"""A real practice session through a real sound card (the shared virtual one).

`voicecoach practice` runs exactly as a user would start it: real Piper playback through
PortAudio, real capture from the default microphone. The test plays a recorded answer into the
microphone once the app says it is listening, records everything the app says, and checks the
whole loop: question heard before recording, silence ended the answer, transcript and findings
right, feedback heard, session saved, and the app's own voice not in the answer.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from tests import vaudio
from voicecoach.audio.clip import Clip

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(vaudio.missing() is not None, reason=str(vaudio.missing())),
]

ANSWER = ("Honestly, my last manager was clueless, and the whole company was a joke. "
          "I still shipped the new billing system on time.")


def _active(clip: Clip, start: float, end: float, threshold: float = 0.01) -> float:
    """Seconds of audible sound (RMS over 50 ms frames above threshold) between start and end."""
    a = clip.samples[int(max(0, start) * clip.sample_rate): int(end * clip.sample_rate)]
    frame = clip.sample_rate // 20
    n = len(a) // frame
    if n == 0:
        return 0.0
    rms = np.sqrt(np.mean(a[: n * frame].reshape(n, frame) ** 2, axis=1))
    return float(np.sum(rms > threshold)) * 0.05


def test_spoken_session_end_to_end(sound_card: dict[str, str], tmp_path: Path) -> None:
    from voicecoach.speech import load_speaker

    answer_wav = load_speaker("piper").synthesize(ANSWER).save_wav(tmp_path / "answer.wav")
    answer_s = Clip.load(answer_wav).duration
    app_out = tmp_path / "app_out.wav"
    rec = tmp_path / "rec"
    env = {**sound_card, "PYTHONUNBUFFERED": "1"}
    recorder = subprocess.Popen(
        ["parecord", "--device=app_out.monitor", "--channels=1", "--rate=16000",
         "--file-format=wav", str(app_out)], env=env)
    time.sleep(0.3)
    t0 = time.monotonic()
    app = subprocess.Popen(
        [sys.executable, "-m", "voicecoach", "practice", "--count", "1", "--voice", "piper",
         "--silence", "1.5", "--max-answer", "60", "--recordings", str(rec)],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    try:
        listening_at = None
        lines = []
        assert app.stdout is not None
        for line in app.stdout:
            lines.append(line)
            if line.startswith("Listening"):
                listening_at = time.monotonic() - t0
                break
        assert listening_at is not None, "".join(lines) + (app.stderr.read() if app.stderr else "")
        time.sleep(0.5)
        subprocess.run(["paplay", "--device=mic_feed", str(answer_wav)], env=env, check=True)
        out, err = app.communicate(timeout=240)
        assert app.returncode == 0, err
        done_at = time.monotonic() - t0
    finally:
        if app.poll() is None:
            app.kill()
        time.sleep(0.3)
        recorder.send_signal(signal.SIGINT)
        recorder.wait(timeout=10)
    heard = Clip.load(app_out)
    offset = 0.3  # parecord started this long before the app
    # the question was spoken before recording began
    assert _active(heard, 0, offset + listening_at) > 1.0
    # nothing was spoken while the answer was being recorded
    answer_end = offset + listening_at + 0.5 + answer_s
    assert _active(heard, offset + listening_at + 0.2, answer_end) < 0.3
    # the feedback (and session summary) was spoken after the answer
    assert _active(heard, answer_end + 1.0, offset + done_at + 1) > 3.0

    folder = next(p for p in rec.iterdir() if p.is_dir())
    session = json.loads((folder / "session.json").read_text())
    entry = session["answers"][0]
    assert entry["source"] == "microphone" and entry["ended_by"] == "silence"
    # the answer ended about 1.5 s after the speech, not at the cap
    assert entry["duration_s"] < 0.5 + answer_s + 1.5 + 2.0
    transcript = entry["transcript"].lower()
    # the first sentence carries the finding; tiny.en now and then mishears the second one
    assert "manager" in transcript and "clueless" in transcript
    assert "yourself" not in transcript  # the question was not picked up by the microphone
    assert "negativity" in {f["check"] for f in entry["report"]["findings"]}
    saved = Clip.load(folder / entry["audio"])
    assert _active(saved, 0, 0.4, threshold=0.005) == 0.0  # no app voice as recording started
    assert session["summary"]["answered"] == 1
    assert str(folder) in out
    assert os.stat(folder).st_mode & 0o077 == 0
