"""Bad input through the real CLI: one clear line, a non-zero exit, no traceback (unless --debug).

Every case runs `python -m voicecoach ...` as a user would. The machine states that cannot be
made for real in a test process (a busy microphone; a full disk where mounting a tiny tmpfs is
not permitted) are simulated in-process through `voicecoach.cli.main`, the same error edge.
"""

from __future__ import annotations

import errno
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from tests import vaudio
from voicecoach.audio.clip import Clip
from voicecoach.errors import AudioFileError, RecordingsError, UsageError

ROOT = Path(__file__).resolve().parents[1]
#: Lines that PortAudio's ALSA backend prints itself (C code writing to fd 2) when the sound
#: server vanishes; they are not voicecoach's output.
PORTAUDIO_NOISE = ("Expression '", "ALSA lib ")


def voicecoach(*args: str, stdin: str = "", env: dict[str, str] | None = None,
               prefix: tuple[str, ...] = (), python_code: str | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    launch = ["-c", python_code] if python_code else ["-m", "voicecoach"]
    return subprocess.run(
        [*prefix, sys.executable, *launch, *args], input=stdin, capture_output=True, text=True,
        timeout=timeout, env={**os.environ, **(env or {})}, cwd=ROOT,
    )


def assert_one_line(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit != 0, stderr exactly one line starting 'voicecoach:', no traceback; the line."""
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("voicecoach: "), proc.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def sparse_wav(path: Path, seconds: float, rate: int = 16_000, width: int = 2) -> Path:
    """A valid mono PCM WAV of `seconds` of silence that takes no disk space (a sparse file)."""
    data = int(seconds * rate) * width
    header = (b"RIFF" + struct.pack("<I", 36 + data) + b"WAVE" + b"fmt "
              + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * width, width, width * 8)
              + b"data" + struct.pack("<I", data))
    path.write_bytes(header)
    os.truncate(path, len(header) + data)
    return path


def tone(seconds: float = 1.0, rate: int = 16_000) -> Clip:
    t = np.arange(int(seconds * rate)) / rate
    return Clip((0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), rate)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    d = tmp_path_factory.mktemp("bad-input")
    good = tone().save_wav(d / "good.wav")
    raw = good.read_bytes()
    (d / "empty-bank.yaml").write_text("")
    (d / "malformed.yaml").write_text("name: broken\nquestions: [\n  - id: a\n")
    (d / "duplicate.yaml").write_text(
        "name: dup\ndescription: two questions with one id\nquestions:\n"
        "  - id: why\n    text: Why this job?\n    category: motivation\n"
        "  - id: why\n    text: Why now?\n    category: motivation\n")
    (d / "empty.wav").write_bytes(b"")
    (d / "notes.wav").write_text("these are my notes, not audio\n" * 40)
    (d / "cut-header.wav").write_bytes(raw[:30])
    (d / "header-only.wav").write_bytes(raw[:44])
    (d / "random.flac").write_bytes(np.random.default_rng(7).bytes(20_000))
    (d / "folder.wav").mkdir()
    sparse_wav(d / "two-hours.wav", 2 * 3600)
    sparse_wav(d / "two-hours-8bit.wav", 2 * 3600, rate=8000, width=1)  # decoded by PyAV
    sparse_wav(d / "two-minutes.wav", 120)
    (d / "no-model").mkdir()
    return SimpleNamespace(dir=d, **{p.stem.replace("-", "_"): p for p in d.iterdir()})


def _cases(f: SimpleNamespace) -> dict[str, tuple[list[str], tuple[str, ...]]]:
    """name -> (arguments, words the one line must contain)."""
    typed = ["practice", "--typed", "--no-speak", "--count", "1"]
    return {
        "missing bank": ([*typed, "--bank", str(f.dir / "nope.yaml")], ("no such",)),
        "empty bank": ([*typed, "--bank", str(f.empty_bank)], ("empty file",)),
        "malformed bank": ([*typed, "--bank", str(f.malformed)], ("malformed.yaml:", "YAML")),
        "unknown bank": ([*typed, "--bank", "no-such-bank"], ("unknown question bank",)),
        "duplicate ids": ([*typed, "--bank", str(f.duplicate)], ("duplicate id 'why'",)),
        "missing audio": (["analyze", str(f.dir / "nope.wav")], ("no such file",)),
        "empty audio": (["analyze", str(f.empty)], ("empty",)),
        "text as audio": (["analyze", str(f.notes)], ("not a readable audio file",)),
        "cut header": (["analyze", str(f.cut_header)], ("not a readable audio file",)),
        "header only": (["analyze", str(f.header_only)], ("holds no audio",)),
        "random bytes": (["analyze", str(f.random)], ("random.flac",)),
        "folder as audio": (["analyze", str(f.folder)], ("folder",)),
        "answers missing": (["practice", "--no-speak", "--answers", str(f.dir / "nope.wav")],
                            ("no such file",)),
        "answers not audio": (["practice", "--no-speak", "--answers", str(f.notes)],
                              ("not a readable audio file",)),
        "2-hour wav": (["analyze", str(f.two_hours)],
                       ("2:00:00 long", "over 30 minutes are not analysed")),
        "2-hour 8-bit wav": (["analyze", str(f.two_hours_8bit)], ("2:00:00 long",)),
        "2-hour answer": (["practice", "--no-speak", "--answers", str(f.two_hours)],
                          ("2:00:00 long",)),
        "unknown model": (["analyze", str(f.good), "--model", "enormous.en"],
                          ("unknown whisper model 'enormous.en'",)),
        "missing model folder": (["analyze", str(f.good), "--model", str(f.dir / "m")],
                                 ("does not exist",)),
        "not a model folder": (["analyze", str(f.good), "--model", str(f.no_model)],
                               ("no model.bin",)),
        "unknown model in practice": (["practice", "--no-speak", "--answers", str(f.good),
                                       "--model", "enormous.en"], ("enormous.en",)),
        "unknown engine": (["practice", "--typed", "--voice", "bogus"],
                           ("unknown speech engine 'bogus'",)),
        "negative silence": ([*typed, "--silence", "-1"], ("--silence",)),
        "zero answer cap": ([*typed, "--max-answer", "0"], ("--max-answer",)),
        "text and file": (["analyze", str(f.good), "--text", "hi"], ("not both",)),
        "nothing to analyse": (["analyze"], ("nothing to analyse",)),
    }


class _AnyFile:
    """Any attribute is a path: enough to list the case names at collection time."""

    def __getattr__(self, name: str) -> Path:
        return Path(name)


CASES = list(_cases(_AnyFile()))  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES)
def test_one_clear_line(files: SimpleNamespace, tmp_path: Path, case: str) -> None:
    args, words = _cases(files)[case]
    proc = voicecoach(*args, env={"VOICECOACH_RECORDINGS": str(tmp_path / "rec")})
    assert_one_line(proc, *words)


@pytest.mark.parametrize("case", ["malformed bank", "text as audio", "2-hour wav",
                                  "unknown model", "negative silence"])
def test_debug_shows_the_traceback(files: SimpleNamespace, tmp_path: Path, case: str) -> None:
    args, _ = _cases(files)[case]
    proc = voicecoach("--debug", *args, env={"VOICECOACH_RECORDINGS": str(tmp_path / "rec")})
    assert proc.returncode != 0
    assert "Traceback (most recent call last)" in proc.stderr


# --- unreadable files ---------------------------------------------------------------------------

def test_unreadable_file(files: SimpleNamespace) -> None:
    """A file its reader may not open (root reads everything, so run as nobody then)."""
    folder = Path(tempfile.mkdtemp(prefix="vc-unreadable-"))
    try:
        folder.chmod(0o755)
        locked = shutil.copy(files.good, folder / "locked.wav")
        os.chmod(locked, 0)
        prefix: tuple[str, ...] = ()
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: cannot drop privileges")
            prefix = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
        proc = voicecoach("analyze", str(locked), prefix=prefix,
                          env={"HOME": str(folder)})
        assert_one_line(proc, "locked.wav", "Permission denied")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_truncated_recording_gives_what_it_holds(tmp_path: Path) -> None:
    """A WAV cut short (as an interrupted recording may be) loads with the audio it has."""
    raw = tone(2.0).wav_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(raw[: 44 + 16_000 * 2 + 1])  # header says 2 s; 1 s and an odd byte follow
    assert Clip.load(cut).duration == pytest.approx(1.0, abs=0.001)


# --- long recordings: refused by the header, read in chunks -----------------------------------

def test_length_limit_is_configurable(files: SimpleNamespace) -> None:
    proc = voicecoach("analyze", str(files.two_minutes),
                      env={"VOICECOACH_MAX_AUDIO_MINUTES": "1"})
    assert_one_line(proc, "0:02:00 long", "over 1 minutes")
    proc = voicecoach("analyze", str(files.two_minutes),
                      env={"VOICECOACH_MAX_AUDIO_MINUTES": "soon"})
    assert_one_line(proc, "VOICECOACH_MAX_AUDIO_MINUTES", "'soon'")
    assert proc.returncode == UsageError.exit_code


def test_long_file_is_refused_before_decoding(files: SimpleNamespace) -> None:
    started = time.perf_counter()
    with pytest.raises(AudioFileError, match="2:00:00"):
        Clip.load(files.two_hours)
    assert time.perf_counter() - started < 0.5  # 230 MB of samples were not read


MEASURE = """
import resource, sys
from voicecoach.audio.clip import Clip
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
clip = Clip.load(sys.argv[1])
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
print(grown / clip.samples.nbytes)
"""


@pytest.mark.parametrize(("rate", "channels", "bound"), [(16_000, 1, 1.6), (44_100, 2, 6.0)])
def test_loading_works_in_chunks(tmp_path: Path, rate: int, channels: int, bound: float) -> None:
    """Peak memory of loading 10 minutes stays near the result's size.

    Reading the whole file at once peaked at 2.5x the result for 16 kHz mono and 17.8x for
    44.1 kHz stereo (bytes, then float32 copies, then a float64 resampling grid).
    """
    path = tmp_path / "ten-minutes.wav"
    frames = rate * 600
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"")
    # patch the header for 10 minutes of (sparse) frames
    data = frames * channels * 2
    raw = bytearray(path.read_bytes())
    raw[4:8], raw[40:44] = struct.pack("<I", 36 + data), struct.pack("<I", data)
    path.write_bytes(bytes(raw))
    os.truncate(path, 44 + data)
    proc = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert float(proc.stdout) < bound


# --- no speech engine -------------------------------------------------------------------------

WITHOUT_ENGINES = """
import sys
sys.modules["piper"] = None      # as if piper-tts were not installed
sys.modules["pyttsx3"] = None    # as if pyttsx3 were not installed
from voicecoach.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_no_speech_engine(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"  # a PATH without espeak-ng
    bin_dir.mkdir()
    proc = voicecoach("practice", "--typed", "--count", "1", python_code=WITHOUT_ENGINES,
                      env={"PATH": str(bin_dir)})
    assert_one_line(proc, "no text-to-speech engine")


def test_no_speech_engine_ends_with_one_clear_line(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    proc = voicecoach("practice", "--typed", "--count", "1", python_code=WITHOUT_ENGINES,
                      env={"PATH": str(bin_dir)})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    last = proc.stderr.splitlines()[-1]
    assert last.startswith("voicecoach: no text-to-speech engine") and "--no-speak" not in last


# --- the recordings folder --------------------------------------------------------------------

def test_recordings_folder_under_a_file(files: SimpleNamespace) -> None:
    proc = voicecoach("practice", "--typed", "--no-speak", "--count", "1",
                      "--recordings", str(files.good / "rec"), stdin="An answer.\n")
    assert_one_line(proc, "cannot create the recordings folder", "Not a directory")


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs root); skipped where mounting is not permitted."""
    where = tmp_path / "tmpfs"
    where.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs",
                           str(where)], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_read_only_recordings_folder(tmpfs: Path) -> None:
    (tmpfs / "rec").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    proc = voicecoach("practice", "--typed", "--no-speak", "--count", "1",
                      "--recordings", str(tmpfs / "rec"), stdin="An answer.\n")
    assert_one_line(proc, "not writable")
    proc = voicecoach("practice", "--typed", "--no-speak", "--count", "1",
                      "--recordings", str(tmpfs / "new"), stdin="An answer.\n")
    assert_one_line(proc, "Read-only file system")


def _fill(tmpfs: Path, leave: int) -> None:
    free = shutil.disk_usage(tmpfs).free
    (tmpfs / "filler").write_bytes(b"\0" * max(0, free - leave))


def test_full_disk_typed_session(tmpfs: Path) -> None:
    _fill(tmpfs, 8192)
    answers = "I led a team of five engineers and we shipped on time.\n" * 3
    proc = voicecoach("practice", "--typed", "--no-speak", "--count", "3",
                      "--recordings", str(tmpfs / "rec"), stdin=answers)
    assert_one_line(proc, "the disk is full")
    for js in (tmpfs / "rec").glob("*/session.json"):
        import json

        json.loads(js.read_text())  # what was saved before the disk filled is intact
    assert not list((tmpfs / "rec").glob("*/.session-*.tmp"))


def test_full_disk_copying_a_recorded_answer(tmpfs: Path, files: SimpleNamespace) -> None:
    big = tone(2.0).save_wav(files.dir / "big.wav")  # 64 kB: cannot fit
    _fill(tmpfs, 24_576)
    proc = voicecoach("practice", "--no-speak", "--answers", str(big),
                      "--recordings", str(tmpfs / "rec"))
    assert_one_line(proc, "the disk is full", "q01-a1.wav", "free some space")
    proc = voicecoach("--debug", "practice", "--no-speak", "--answers", str(big),
                      "--recordings", str(tmpfs / "rec"))
    assert "Traceback" in proc.stderr


def test_full_disk_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    """Where no tmpfs can be mounted: ENOSPC from the rename and from a copy, in-process."""
    from voicecoach.cli import main
    from voicecoach.session import store

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[-1]) if args else None)

    monkeypatch.setattr(store.os, "replace", full)
    with pytest.raises(RecordingsError, match="disk is full"):
        store.write_json_atomic(tmp_path / "session.json", {"a": 1})
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind
    monkeypatch.undo()
    monkeypatch.setattr(store.tempfile, "mkstemp", full)  # no room for even an empty file
    with pytest.raises(RecordingsError, match="disk is full"):
        store.write_json_atomic(tmp_path / "session.json", {"a": 1})
    monkeypatch.undo()

    import voicecoach.session.sources as sources

    monkeypatch.setattr(sources.shutil, "copyfile", full)
    answer = tone().save_wav(tmp_path / "a.wav")
    code = main(["practice", "--no-speak", "--answers", str(answer), "--recordings",
                 str(tmp_path / "rec")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "the disk is full" in err


# --- microphones: none, busy, gone mid-answer, full disk while recording ------------------------

def test_no_microphone(tmp_path: Path) -> None:
    proc = voicecoach("practice", "--no-speak", "--recordings", str(tmp_path),
                      env={"PULSE_SERVER": "unix:/nonexistent", "AUDIODEV": "null"})
    assert_one_line(proc, "no microphone", "--typed", "--answers")


class FakeSoundDevice:
    """Stands in for the sounddevice module: a default microphone that fails as told."""

    class PortAudioError(Exception):
        pass

    def __init__(self, open_error: str | None = None, blocks: int = 0) -> None:
        self.open_error = open_error
        self.blocks = blocks

    def query_devices(self, *args: object, **kwargs: object) -> dict[str, object]:
        return {"index": 0, "name": "fake mic"}

    def InputStream(self, callback: object, **kwargs: object) -> object:
        if self.open_error:
            raise self.PortAudioError(self.open_error)
        fake = self

        class Stream:
            def start(self) -> None:
                block = (0.2 * np.ones((800, 1))).astype(np.float32)
                for _ in range(fake.blocks):
                    callback(block, 800, None, None)  # type: ignore[operator]

            def stop(self) -> None:
                pass

            def close(self) -> None:
                pass

        return Stream()


def _use(monkeypatch: pytest.MonkeyPatch, fake: FakeSoundDevice) -> None:
    import voicecoach.audio.devices as devices
    import voicecoach.audio.mic as mic

    monkeypatch.setattr(devices, "sounddevice", lambda: fake)
    monkeypatch.setattr(mic, "sounddevice", lambda: fake)


def test_busy_microphone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    from voicecoach.cli import main

    _use(monkeypatch, FakeSoundDevice(
        "Error opening InputStream: Device unavailable [PaErrorCode -9985]"))
    code = main(["practice", "--no-speak", "--count", "1", "--recordings", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert err.startswith("voicecoach: the microphone is busy") and "--input-device" in err
    assert not list(tmp_path.glob("*/q01-a1.wav"))  # no empty recording left behind


def test_disk_full_while_recording(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from voicecoach.audio.mic import Recorder, RecordSettings

    _use(monkeypatch, FakeSoundDevice(blocks=40))
    real = wave.Wave_write.writeframes
    calls = {"n": 0}

    def writeframes(self: wave.Wave_write, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] > 20:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(self, data)

    monkeypatch.setattr(wave.Wave_write, "writeframes", writeframes)
    out = tmp_path / "q01-a1.wav"
    with pytest.raises(RecordingsError, match=f"disk is full.*saved in {out}"):
        Recorder(None, RecordSettings(silence_s=5, max_s=60)).record(out)
    assert Clip.load(out).duration == pytest.approx(20 * 0.05, abs=0.001)


@pytest.mark.slow
@pytest.mark.skipif(vaudio.missing() is not None, reason=str(vaudio.missing()))
def test_microphone_disappears_mid_answer(tmp_path: Path) -> None:
    """The sound server dies while an answer is recorded: sounddevice says nothing, the
    recorder notices the stall, and the CLI says where the audio so far is."""
    env = vaudio.start()
    rec = tmp_path / "rec"
    proc = subprocess.Popen(
        [sys.executable, "-m", "voicecoach", "practice", "--no-speak", "--count", "1",
         "--recordings", str(rec)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "Listening" in line:
                break
        time.sleep(1.5)  # 1.5 s of (silent) answer reaches the disk
    finally:
        vaudio.stop(env)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "Traceback" not in err
    ours = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith(PORTAUDIO_NOISE)]
    assert len(ours) == 1, err
    wav = next(rec.glob("*/q01-a1.wav"))
    assert ours[0] == (f"voicecoach: the microphone stopped sending audio; what was recorded "
                       f"is saved in {wav}")
    assert Clip.load(wav).duration >= 1.0
