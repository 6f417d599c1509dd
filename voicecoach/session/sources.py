"""Where answers come from: the microphone, recorded files, or typed text.

Each source hands the practice loop one `Answer` per call, as data; the rest of the pipeline
(transcribe, analyse, coach, save) does not care which source it was.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from voicecoach.audio.clip import Clip
from voicecoach.errors import AudioFileError, TranscriberError
from voicecoach.stt.base import Transcriber, Transcript

if TYPE_CHECKING:
    from voicecoach.audio.mic import Recorder

log = logging.getLogger(__name__)


@dataclass
class Answer:
    """One attempt at a question.

    clip: the audio (None for typed answers). text: the typed answer (None for audio).
    source: "microphone", "file" or "typed". audio_path: where the audio is saved.
    ended_by: how recording ended ("silence", "enter", "cap", "no_speech", "file", "typed").
    """

    source: str
    clip: Clip | None = None
    text: str | None = None
    audio_path: Path | None = None
    ended_by: str = ""
    transcript: Transcript | None = None  # already transcribed while it was being recorded


class AnswerSource(Protocol):
    needs_transcriber: bool
    live: bool  # answers are spoken now, at the microphone

    def next_answer(self, audio_path: Path) -> Answer | None:
        """The next answer, saving its audio at `audio_path` (suffix may change); None = no more."""


class FileSource:
    """Answers from recordings the user made earlier, used in order."""

    needs_transcriber = True
    live = False

    def __init__(self, paths: list[Path]) -> None:
        missing = [p for p in paths if not Path(p).is_file()]
        if missing:
            raise AudioFileError(f"{missing[0]}: no such file")
        self._paths: Iterator[Path] = iter(Path(p) for p in paths)

    def next_answer(self, audio_path: Path) -> Answer | None:
        path = next(self._paths, None)
        if path is None:
            return None
        clip = Clip.load(path)
        saved = audio_path.with_suffix(path.suffix.lower() or ".wav")
        shutil.copyfile(path, saved)  # keep the user's original file, untouched
        return Answer("file", clip=clip, audio_path=saved, ended_by="file")


class TypedSource:
    """Typed answers: one line each from standard input."""

    needs_transcriber = False
    live = False

    def __init__(self, stdin: TextIO, prompt: TextIO | None = None) -> None:
        self.stdin = stdin
        self.prompt = prompt

    def next_answer(self, audio_path: Path) -> Answer | None:
        if self.prompt is not None:
            self.prompt.write("  Type your answer, then Enter:\n  > ")
            self.prompt.flush()
        line = self.stdin.readline()
        if not line:
            return None
        return Answer("typed", text=line.rstrip("\r\n"), ended_by="typed")


class MicrophoneSource:
    """Live answers from the microphone (see voicecoach.audio.mic).

    With a transcriber, each stretch of speech is transcribed in the background as soon as a
    pause closes it, so only the last stretch is left when the answer ends.
    """

    needs_transcriber = True
    live = True

    def __init__(
        self, recorder: Recorder, transcriber: Callable[[], Transcriber] | None = None
    ) -> None:
        self.recorder = recorder
        self.transcriber = transcriber

    def next_answer(self, audio_path: Path) -> Answer | None:
        from voicecoach.stt.streaming import StreamingTranscriber

        stream = StreamingTranscriber(self.transcriber) if self.transcriber else None
        try:
            rec = self.recorder.record(audio_path, on_block=stream.feed if stream else None)
        except BaseException:
            if stream is not None:
                stream.cancel()
            raise
        transcript = None
        if stream is not None:
            try:
                transcript = stream.finish()
            except TranscriberError as exc:  # the judge transcribes the whole answer instead
                log.warning("streaming transcription failed (%s); using the whole answer", exc)
        return Answer("microphone", clip=rec.clip, audio_path=rec.path, ended_by=rec.ended_by,
                      transcript=transcript)
