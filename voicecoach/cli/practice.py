"""`voicecoach practice`: a spoken mock interview in the terminal."""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path
from typing import Any

HELP = """\
Asks interview questions aloud, records your spoken answer (it ends after a pause of about
2.5 s, on Enter, or at 3 minutes), transcribes it offline, and reads back a recruiter's
feedback. After each answer: Enter for the next question, r to retry (both attempts are kept),
s to skip the next question, q to quit. Everything is saved under the recordings folder.

examples:
  voicecoach practice --bank behavioral --count 3 --shuffle
  voicecoach practice --typed --no-speak          type answers (or pipe them, one per line)
  voicecoach practice --answers a1.wav a2.flac     use answers you recorded earlier
  voicecoach practice --voice pyttsx3 --rate 150
"""


# The coach's own pace: inside the 120 to 160 wpm band the guidance sets for answers would be
# slow for listening; 165 is the top of the comfortable range and well below Piper's joe voice at
# its natural length scale (about 223 wpm, measured).
DEFAULT_RATE = 165


def register(sub: Any) -> None:
    p = sub.add_parser(
        "practice",
        help="spoken mock interview: ask aloud, listen, transcribe, coach aloud, save",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--bank", default="general",
                   help="question bank name (general, behavioral, difficult, small-talk, it) or "
                   "a path to your own YAML file (default: general)")
    p.add_argument("--count", type=_positive_int, default=None,
                   help="how many questions to ask (default: all in the bank)")
    p.add_argument("--shuffle", action="store_true", help="ask the questions in random order")
    p.add_argument("--seed", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--voice", default=os.environ.get("VOICECOACH_VOICE", "auto"),
                   help="speech engine, optionally with a voice: auto (best available), piper, "
                   "pyttsx3 or pyttsx3:VOICE_ID (default: auto, env VOICECOACH_VOICE)")
    p.add_argument("--rate", type=_positive_int, default=None,
                   help="speaking rate of the coach in words per minute (default: "
                   f"{DEFAULT_RATE})")
    p.add_argument("--no-speak", dest="speak", action="store_false",
                   help="print questions and feedback without speaking them")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--typed", action="store_true",
                     help="type answers instead of speaking (one per line when piped)")
    how.add_argument("--answers", nargs="+", type=Path, metavar="FILE",
                     help="use recorded answers (WAV, FLAC, MP3...) in order instead of the mic")
    p.add_argument("--recordings", type=Path, default=None,
                   help="where sessions are saved (default: ./recordings, env "
                   "VOICECOACH_RECORDINGS)")
    p.add_argument("--engine", default="whisper", choices=["whisper", "sphinx", "google"],
                   help="speech-to-text engine (default: whisper, offline; google sends audio to "
                   "Google's web service)")
    p.add_argument("--model", default=None,
                   help="faster-whisper model: base.en, small.en (if installed) or a model folder "
                   "(default: the bundled tiny.en)")
    p.add_argument("--input-device", default=None,
                   help="microphone index or name (see 'voicecoach devices')")
    p.add_argument("--company", default="", help="the company you are interviewing with; "
                   "questions mention it and answers are checked for specifics about it")
    p.add_argument("--role", default="", help="the role you are interviewing for")
    p.add_argument("--job-description", type=Path, default=None, metavar="FILE",
                   help="a job ad as a text file: its key terms are tracked in your answers")
    p.add_argument("--follow-ups", action=argparse.BooleanOptionalAction, default=None,
                   help="let the interviewer ask one follow-up after an answer when the "
                   "analysis calls for it (default: on for live sessions, off with --answers "
                   "or piped input)")
    p.add_argument("--silence", type=float, default=2.5, metavar="SECONDS",
                   help="seconds of silence after speech that end an answer (default: 2.5)")
    p.add_argument("--max-answer", type=float, default=180.0, metavar="SECONDS",
                   help="hard cap on one answer in seconds (default: 180)")
    p.set_defaults(run=run)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    from voicecoach.cli.terminal import TerminalUI
    from voicecoach.errors import UsageError
    from voicecoach.interview.tailor import tailor
    from voicecoach.session.banks import load_bank, select_questions
    from voicecoach.session.judge import Judge, TranscriberLoader
    from voicecoach.session.practice import Practice
    from voicecoach.session.store import SessionStore, recordings_root

    if args.silence <= 0 or args.max_answer <= 0:
        raise UsageError("--silence and --max-answer must be positive numbers of seconds")
    interactive = sys.stdin.isatty()
    ui = TerminalUI(interactive=interactive, color=sys.stdout.isatty())
    context = interview_context(args)
    bank = load_bank(args.bank)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    questions = tailor(select_questions(bank, shuffle=args.shuffle, seed=seed), context,
                       args.count)
    if not args.typed and args.engine == "whisper":
        from voicecoach.stt.whisper import resolve_model

        resolve_model(args.model)  # an unknown model fails now, not after the first answer
    loader = None if args.typed else TranscriberLoader(args.engine, args.model)
    source = _make_source(args, interactive, loader)
    voice = make_voice(args, ui)
    follow_ups = args.follow_ups
    if follow_ups is None:
        follow_ups = not args.answers and interactive
    settings = {"voice": args.voice if args.speak else None, "engine": args.engine,
                "model": args.model, "count": len(questions), "shuffle": args.shuffle,
                "source": type(source).__name__, "follow_ups": follow_ups,
                "company": context.company, "role": context.role,
                "job_terms": list(context.job_terms)}
    store = SessionStore.create(recordings_root(args.recordings), bank.name, settings)
    ui.status(f"Session {store.id}: {len(questions)} questions from '{bank.name}'. "
              f"Saving to {store.folder}")
    practice = Practice(source, store, ui, voice, Judge(loader), context, follow_ups)
    result = practice.run(questions)
    if result.interrupted:
        ui.warn(f"stopped; the session so far is saved in {store.folder}")
        return 130
    return 0


def interview_context(args: argparse.Namespace) -> Any:
    """The company, role and job-description terms given on the command line."""
    from voicecoach.interview.preparation import InterviewContext

    terms: tuple[str, ...] = ()
    if getattr(args, "job_description", None):
        from voicecoach.interview.job_terms import extract_terms, read_job_description

        terms = tuple(extract_terms(read_job_description(args.job_description)))
    return InterviewContext(args.company.strip(), args.role.strip(), terms)


def _make_source(args: argparse.Namespace, interactive: bool, loader: Any) -> Any:
    from voicecoach.session.sources import FileSource, MicrophoneSource, TypedSource

    if args.answers:
        return FileSource(args.answers)
    if args.typed:
        return TypedSource(sys.stdin, prompt=sys.stdout if interactive else None)
    from voicecoach.audio.mic import Recorder, RecordSettings, default_meter_stream

    settings = RecordSettings(silence_s=args.silence, max_s=args.max_answer)
    recorder = Recorder(args.input_device, settings, meter=default_meter_stream(),
                        stdin=sys.stdin if interactive else None)
    # transcribe while the candidate speaks (whisper only: online engines would send one request
    # per stretch of speech)
    stream_from = loader.get if loader is not None and args.engine == "whisper" else None
    return MicrophoneSource(recorder, transcriber=stream_from)


def make_voice(args: argparse.Namespace, ui: Any) -> Any:
    from voicecoach.session.voice import Voice

    if not args.speak:
        return Voice(None, None)
    from voicecoach.audio.playback import Player
    from voicecoach.session.fastvoice import FastVoice
    from voicecoach.speech import load_speaker

    engine, _, voice_id = args.voice.partition(":")
    ui.status("Loading the coach's voice...")
    speaker = load_speaker(engine or "auto", voice=voice_id or None,
                           rate=args.rate or DEFAULT_RATE)
    return FastVoice(speaker, Player(), warn=ui.warn)  # speaks each sentence as it is ready
