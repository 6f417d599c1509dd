"""End to end through the real CLI: practice sessions from recorded and typed answers.

Answers are synthesized with the real Piper voice and transcribed with the real bundled
faster-whisper model; only the microphone and speakers are absent (--answers/--typed,
--no-speak).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from voicecoach.audio.clip import Clip

GOOD = (
    "In my last role I led a team of five engineers. We rebuilt the billing system and cut "
    "invoice errors by forty percent in six months."
)
BAD = (
    "Honestly my last manager was clueless. He had no idea what he was doing and the whole "
    "company was a joke."
)


def voicecoach(*args: str, stdin: str = "", env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "voicecoach", *args],
        input=stdin, capture_output=True, text=True, timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def recorded_answers(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from voicecoach.speech import load_speaker

    folder = tmp_path_factory.mktemp("answers")
    speaker = load_speaker("piper")
    good = speaker.synthesize(GOOD).save_wav(folder / "good.wav")
    bad_clip = speaker.synthesize(BAD)
    bad = folder / "bad.flac"
    _write_flac(bad_clip.resampled(16000), bad)
    return [good, bad]


def _write_flac(clip: Clip, path: Path) -> None:
    import av

    with av.open(str(path), "w") as out:
        stream = out.add_stream("flac", rate=clip.sample_rate, layout="mono")
        frame = av.AudioFrame.from_ndarray(clip.to_int16().reshape(1, -1), format="s16",
                                           layout="mono")
        frame.sample_rate = clip.sample_rate
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)


def _only_session(root: Path) -> dict:
    folders = [p for p in root.iterdir() if p.is_dir()]
    assert len(folders) == 1
    return json.loads((folders[0] / "session.json").read_text()) | {"_folder": folders[0]}


@pytest.mark.slow
def test_practice_from_recorded_answers(recorded_answers: list[Path], tmp_path: Path) -> None:
    rec = tmp_path / "rec"
    proc = voicecoach("practice", "--answers", *map(str, recorded_answers), "--no-speak",
                      "--bank", "general", "--count", "2", "--recordings", str(rec))
    assert proc.returncode == 0, proc.stderr
    session = _only_session(rec)
    assert session["bank"] == "general" and session["summary"]["answered"] == 2
    first, second = session["answers"]
    assert first["source"] == "file" and first["audio"] == "q01-a1.wav"
    assert second["audio"] == "q02-a1.flac"
    for answer in (first, second):
        assert (session["_folder"] / answer["audio"]).stat().st_size > 1000
        assert answer["question"]["id"] and answer["question"]["text"]
        assert answer["words"] and answer["words"][0]["start"] < answer["words"][-1]["end"]
    assert "five engineers" in first["transcript"].lower()
    assert "billing system" in first["transcript"].lower()
    assert "manager" in second["transcript"].lower()
    checks = {f["check"] for f in second["report"]["findings"]}
    assert "negativity" in checks
    assert "negativity" not in {f["check"] for f in first["report"]["findings"]}
    assert "Saved to" in proc.stdout and str(session["_folder"]) in proc.stdout
    assert session["summary"]["text"] in " ".join(proc.stdout.split())


def test_practice_from_typed_answers(tmp_path: Path) -> None:
    rec = tmp_path / "rec"
    proc = voicecoach("practice", "--typed", "--no-speak", "--bank", "general", "--count", "3",
                      "--recordings", str(rec), stdin=f"{GOOD}\n{BAD}\n")
    assert proc.returncode == 0, proc.stderr
    session = _only_session(rec)
    # two answers were typed for three questions: the session ends when input ends
    assert [a["transcript"] for a in session["answers"]] == [GOOD, BAD]
    assert all(a["audio"] is None and a["source"] == "typed" for a in session["answers"])
    assert "negativity" in {f["check"] for f in session["answers"][1]["report"]["findings"]}
    assert session["summary"]["practise_next"][0]["check"] == "negativity"
    assert session["ended"]


def test_recordings_folder_from_environment(tmp_path: Path) -> None:
    proc = voicecoach("practice", "--typed", "--no-speak", "--count", "1", stdin=GOOD + "\n",
                      env={"VOICECOACH_RECORDINGS": str(tmp_path / "env-rec")})
    assert proc.returncode == 0, proc.stderr
    assert _only_session(tmp_path / "env-rec")["answers"][0]["transcript"] == GOOD


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bank", "no-such-bank"], "no-such-bank"),
        (["--answers", "/nonexistent/answer.wav"], "no such file"),
        (["--count", "0"], "at least 1"),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    proc = voicecoach("practice", "--no-speak", "--recordings", str(tmp_path), *args)
    assert proc.returncode != 0
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_no_microphone_suggests_alternatives(tmp_path: Path) -> None:
    # no PulseAudio server and no sound hardware on test machines: PortAudio sees no input
    env = {"PULSE_SERVER": "unix:/nonexistent", "AUDIODEV": "null"}
    proc = voicecoach("practice", "--no-speak", "--recordings", str(tmp_path), env=env)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "--typed" in lines[0] and "--answers" in lines[0]
    assert "--input-device" in lines[0]


@pytest.mark.slow
def test_analyze_one_recording(recorded_answers: list[Path]) -> None:
    from voicecoach import analyze_recording

    report = analyze_recording(recorded_answers[1], question="Why did you leave your last job?")
    assert "manager" in report.transcript.lower()
    assert "negativity" in report.checks_fired()
    f = next(f for f in report.findings if f.check == "negativity")
    assert report.transcript[f.start:f.end] == f.evidence
    assert report.metrics["duration_s"] > 3

    proc = voicecoach("analyze", str(recorded_answers[0]), "--json",
                      "--question", "Tell me about a project you led.")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert "five engineers" in data["transcript"].lower()
    assert "negativity" not in {f["check"] for f in data["findings"]}
    readable = voicecoach("analyze", str(recorded_answers[1]))
    assert readable.returncode == 0 and "[[" in readable.stdout  # evidence marked when piped


def test_analyze_text_with_job_description_and_company(tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text("We need a forklift operator with OSHA certification, inventory control and "
                  "cycle counting experience, and shipping and receiving with RF scanners.")
    proc = voicecoach("analyze", "--json", "--job-description", str(jd), "--company", "Acme",
                      "--question", "Why do you want to work at Acme?",
                      "--text", "It's a great company. I did cycle counting for three years.")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert "cycle counting" in data["job_terms"]["covered"]
    assert "forklift operator" in data["job_terms"]["missed"]
    # a job term is a specific detail: the preparation check stays quiet
    assert "preparation" not in {f["check"] for f in data["findings"]}
    vague = voicecoach("analyze", "--json", "--company", "Acme", "--question",
                       "Why do you want to work at Acme?", "--text", "It's a great company.")
    findings = json.loads(vague.stdout)["findings"]
    assert findings[0]["check"] == "preparation"  # ranked first and leads the summary
    assert "company" in json.loads(vague.stdout)["summary"].lower()


def test_tailored_session_with_follow_ups_and_job_terms(tmp_path: Path) -> None:
    jd = tmp_path / "ad.txt"
    jd.write_text("Registered Nurse for our cardiac step-down unit: telemetry monitoring, "
                  "medication administration, discharge planning and patient education.")
    answers = [
        "It's a great hospital with a good reputation.",              # vague: preparation
        "I read that you opened a step-down unit last year.",          # follow-up answer
        "I have done telemetry monitoring and discharge planning for six years on a cardiac "
        "floor, and I taught patient education classes to new graduates every month.",
    ]
    rec = tmp_path / "rec"
    proc = voicecoach("practice", "--typed", "--no-speak", "--count", "2", "--follow-ups",
                      "--company", "Northwind Health", "--role", "charge nurse",
                      "--job-description", str(jd), "--recordings", str(rec),
                      stdin="\n".join(answers) + "\n")
    assert proc.returncode == 0, proc.stderr
    session = _only_session(rec)
    first, follow, second = session["answers"]
    assert first["question"]["text"] == "Why do you want to work at Northwind Health?"
    assert first["report"]["findings"][0]["check"] == "preparation"
    # the interviewer asked one follow-up, chosen from the analysis, saved with the question
    assert follow["follow_up_of"] == first["question"]["id"]
    assert follow["question"]["text"] == "What specifically about us made you apply?"
    assert follow["transcript"] == answers[1]
    assert "Northwind Health" in second["question"]["text"]
    covered = set(session["job_terms"]["covered"])
    assert {"telemetry monitoring", "discharge planning"} <= {t.lower() for t in covered}
    assert "medication administration" in session["job_terms"]["missed"]
    assert set(second["report"]["job_terms"]["covered"]) <= covered
    plan = session["summary"]["practise_next"]
    assert plan and all(p["drill"] for p in plan)
    assert session["summary"]["text"].endswith(session["summary"]["closing"])


def test_prepare_checklist_is_tailored() -> None:
    proc = voicecoach("prepare", "--no-speak", "--company", "Northwind Health",
                      "--role", "charge nurse")
    assert proc.returncode == 0, proc.stderr
    assert "Northwind Health" in proc.stdout and "charge nurse job description" in proc.stdout
    for topic in ("early", "Dress", "questions to ask them", "politics"):
        assert topic in proc.stdout
