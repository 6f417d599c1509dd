"""Transcribing an answer while it is spoken, so feedback does not wait for a whole-answer decode.

Why it exists: decoding a 60 s answer after it ends takes about 3 s on 2 cores. Here the recording
thread hands each block to `StreamingTranscriber.feed` (a queue put, nothing else); one
background worker cuts the audio into stretches of speech at pauses (`Segmenter`) and transcribes
each stretch as soon as it closes. The end of an answer is 2.5 s of silence, and the last stretch
closes about 1 s into it, so by the time the recorder says "ended", `finish()` usually has nothing
left to decode but silence.

Stretches tile the audio with no gaps or overlaps. They are cut in the middle of a pause of at
least 0.6 s, so words are not split and keep 0.3 s of silence on each side; only a stretch that
reaches 20 s without such a pause is cut at its quietest 150 ms instead.
One worker thread serves the whole process (see `_Worker`): faster-whisper's model is not safe
for concurrent calls.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from voicecoach.audio import vad
from voicecoach.audio.clip import STT_RATE, Clip
from voicecoach.audio.vad import level_dbfs
from voicecoach.errors import TranscriberError
from voicecoach.stt.base import Transcriber, Transcript, Word

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SegmenterSettings:
    """Where the worker cuts the audio.

    min_pause_s: a quiet run this long closes a stretch of at least `min_stretch_s`. Pauses
        inside a sentence are mostly under 0.5 s; 0.6 s cuts between sentences or clauses.
    long_pause_s: a quiet run this long closes any stretch holding speech (the end of an answer
        is 2.5 s of silence, so its last stretch closes 0.9 s in, leaving 1.6 s to decode it).
    min_stretch_s: every decode costs ~0.4 s whatever its length (Whisper encodes a padded 30 s
        window; measured with tiny.en on 2 cores), so short stretches are merged up to this.
    max_stretch_s: a stretch this long is cut at its quietest 150 ms in the second half, keeping
        one decode near 1 s (tiny.en decodes 12 s in ~0.9 s, 18 s in ~1.3 s here).
    frame_s, start_margin_db, stay_margin_db, min_level_dbfs, floor_rise_s: the energy test,
        the same as voicecoach.audio.vad.EndOfSpeechDetector's (see its docstring for why).
    min_speech_s: loud time a stretch needs before a pause may close it.
    """

    min_pause_s: float = 0.6
    long_pause_s: float = 0.9
    min_stretch_s: float = 5.0
    max_stretch_s: float = 20.0
    frame_s: float = vad.FRAME_S
    start_margin_db: float = vad.START_MARGIN_DB
    stay_margin_db: float = vad.STAY_MARGIN_DB
    min_level_dbfs: float = vad.MIN_LEVEL_DBFS
    floor_rise_s: float = vad.FLOOR_RISE_S
    min_speech_s: float = vad.MIN_SPEECH_S


@dataclass(frozen=True)
class Stretch:
    """A closed piece of the answer: samples from `start` (a sample index in the answer)."""

    start: int
    samples: np.ndarray


@dataclass
class Segmenter:
    """Cuts a stream of float32 blocks into `Stretch`es at pauses (energy-based, adaptive floor)."""

    sample_rate: int = STT_RATE
    settings: SegmenterSettings = field(default_factory=SegmenterSettings)
    _audio: list[np.ndarray] = field(default_factory=list, init=False)
    _levels: list[float] = field(default_factory=list, init=False)
    _flags: list[bool] = field(default_factory=list, init=False)  # loud or not, per frame
    _start: int = field(default=0, init=False)  # answer sample index of the open stretch
    _framed: int = field(default=0, init=False)  # samples of the open stretch already framed
    _size: int = field(default=0, init=False)  # samples held in _audio
    _floor: float | None = field(default=None, init=False)
    _loud: bool = field(default=False, init=False)
    _quiet_run: int = field(default=0, init=False)

    def push(self, block: np.ndarray) -> list[Stretch]:
        """Take the next block; return the stretches it closed (usually none)."""
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        self._audio.append(block)
        self._size += len(block)
        frame = self._frame_len
        closed: list[Stretch] = []
        if self._size - self._framed < frame:
            return closed
        joined = self._joined()
        while self._size - self._framed >= frame:
            self._frame(level_dbfs(joined[self._framed : self._framed + frame]))
            self._framed += frame
            cut = self._cut_frame()
            if cut is not None:
                closed.append(self._cut(joined, cut))
                joined = self._joined()
        return closed

    def flush(self) -> Stretch | None:
        """Close whatever is open (the end of the answer); None when nothing was fed since."""
        if self._size == 0:
            return None
        stretch = Stretch(self._start, self._joined())
        self._start += self._size
        self._audio, self._levels, self._flags, self._size, self._framed = [], [], [], 0, 0
        return stretch

    @property
    def _frame_len(self) -> int:
        return max(1, int(self.settings.frame_s * self.sample_rate))

    def _joined(self) -> np.ndarray:
        if len(self._audio) != 1:
            self._audio = [np.concatenate(self._audio) if self._audio else np.zeros(0, np.float32)]
        return self._audio[0]

    def _frame(self, level: float) -> None:
        s = self.settings
        floor = level if self._floor is None else self._floor
        margin = s.stay_margin_db if self._loud else s.start_margin_db
        self._loud = level >= floor + margin and level >= s.min_level_dbfs
        if self._loud:
            self._quiet_run = 0
        else:
            self._quiet_run += 1
            alpha = min(1.0, s.frame_s / s.floor_rise_s)
            floor = level if level < floor else floor + alpha * (level - floor)
        self._floor = floor
        self._levels.append(level)
        self._flags.append(self._loud)

    def _cut_frame(self) -> int | None:
        """Frame index (in the open stretch) to cut at now, or None to keep going."""
        s, n = self.settings, len(self._levels)
        length_s, pause_s = n * s.frame_s, self._quiet_run * s.frame_s
        if sum(self._flags) * s.frame_s >= s.min_speech_s and self._quiet_run < n and (
            (pause_s >= s.min_pause_s and length_s >= s.min_stretch_s)
            or pause_s >= s.long_pause_s
        ):
            return n - self._quiet_run // 2  # the middle of the pause
        if length_s >= s.max_stretch_s:
            width = max(1, round(0.15 / s.frame_s))
            smooth = np.convolve(self._levels, np.ones(width) / width, mode="same")
            half = n // 2
            return half + int(np.argmin(smooth[half:]))
        return None

    def _cut(self, joined: np.ndarray, frame_index: int) -> Stretch:
        at = frame_index * self._frame_len
        stretch = Stretch(self._start, joined[:at])
        self._start += at
        self._audio, self._size, self._framed = [joined[at:]], len(joined) - at, self._framed - at
        self._levels, self._flags = self._levels[frame_index:], self._flags[frame_index:]
        return stretch


_END = object()


class _Worker:
    """The one thread that segments and decodes for every StreamingTranscriber in the process.

    One thread, kept between answers: decodes never overlap (the model is not safe for concurrent
    calls, even when a cancelled answer is still decoding as the next starts), and its memory
    (allocator arena, CTranslate2's thread team) is reused instead of growing with every answer.
    """

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[tuple[StreamingTranscriber, object]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def ensure_running(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="stt-stream", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            stream, item = self.jobs.get()
            stream._handle(item)


_WORKER = _Worker()


class StreamingTranscriber:
    """Transcribes one answer as it is recorded: `feed` every block, then `finish()`.

    transcriber: a loaded Transcriber, or a callable returning one (e.g. TranscriberLoader.get),
        called in the worker so a model still loading never blocks the recording thread.
    """

    def __init__(
        self,
        transcriber: Transcriber | Callable[[], Transcriber],
        sample_rate: int = STT_RATE,
        settings: SegmenterSettings | None = None,
    ) -> None:
        self._source = transcriber
        self._transcriber: Transcriber | None = None
        self.sample_rate = sample_rate
        self._segmenter = Segmenter(sample_rate, settings or SegmenterSettings())
        self._parts: list[Transcript] = []
        self._error: BaseException | None = None
        self._fed = 0
        self._finished: Transcript | None = None
        self._closed = False
        self._cancelled = False
        self._done = threading.Event()
        #: seconds the worker spent decoding, and how many stretches it decoded (for the bench)
        self.decode_seconds = 0.0
        self.stretches = 0
        _WORKER.ensure_running()

    def feed(self, block: np.ndarray) -> None:
        """Queue one block of mono float32 samples (cheap; safe from the recording thread)."""
        if not self._closed:
            self._fed += len(block)
            _WORKER.jobs.put((self, np.array(block, dtype=np.float32).reshape(-1)))

    def finish(self, timeout: float | None = None) -> Transcript:
        """Close the last stretch, wait for the worker, return the whole answer's transcript.

        Raises TranscriberError if any stretch failed to decode (or the wait timed out)."""
        if self._cancelled:
            raise TranscriberError("this answer's transcription was cancelled")
        if self._finished is None:
            if not self._closed:
                self._closed = True
                _WORKER.jobs.put((self, _END))
            if not self._done.wait(timeout):
                raise TranscriberError("speech-to-text did not finish in time")
            if self._error is not None:
                if isinstance(self._error, TranscriberError):
                    raise self._error
                raise TranscriberError(f"speech-to-text failed: {self._error}".splitlines()[0]) \
                    from self._error
            self._finished = self._combine()
        return self._finished

    def cancel(self) -> None:
        """Stop without a result (recording aborted): what is still queued is dropped."""
        self._cancelled = True
        if not self._closed:
            self._closed = True
            _WORKER.jobs.put((self, _END))

    def _handle(self, item: object) -> None:
        """Runs in the worker: one block (or the end) of this answer. Never raises."""
        try:
            if self._cancelled or self._error is not None:
                return
            if item is _END:
                stretches = [s for s in [self._segmenter.flush()] if s is not None]
            else:
                stretches = self._segmenter.push(item)  # type: ignore[arg-type]
            for stretch in stretches:
                self._transcriber = self._transcriber or self._resolve()
                self._decode(self._transcriber, stretch)
        except Exception as exc:  # surfaced by finish()
            log.debug("streaming transcription failed", exc_info=True)
            self._error = exc
        finally:
            if item is _END:
                self._done.set()

    def _resolve(self) -> Transcriber:
        source = self._source
        return source if isinstance(source, Transcriber) else source()

    def _decode(self, transcriber: Transcriber, stretch: Stretch) -> None:
        clip = Clip(stretch.samples, self.sample_rate)
        direct = getattr(transcriber, "transcribe_clip", None)  # skips an int16 round trip
        started = time.perf_counter()
        part = direct(clip) if callable(direct) else transcriber.transcribe(clip.to_audio_data())
        self.decode_seconds += time.perf_counter() - started
        self.stretches += 1
        offset = stretch.start / self.sample_rate
        words = [Word(w.word, round(w.start + offset, 3), round(w.end + offset, 3), w.probability)
                 for w in part.words]
        self._parts.append(Transcript(part.text.strip(), words, clip.duration, part.engine))
        log.debug("stretch at %.2f s (%.2f s): %r", offset, clip.duration, part.text)

    def _combine(self) -> Transcript:
        engine = next((p.engine for p in self._parts if p.engine), "")
        return Transcript(
            text=" ".join(p.text for p in self._parts if p.text),
            words=[w for p in self._parts for w in p.words],
            duration=self._fed / self.sample_rate,
            engine=engine,
        )
