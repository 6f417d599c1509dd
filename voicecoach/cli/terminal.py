"""The practice session's terminal UI: questions, findings with highlighted evidence, prompts.

Prompts only appear when standard input is a terminal; otherwise the session runs straight
through (Enter is assumed after every answer).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import TextIO

from voicecoach.analysis.report import AnswerReport
from voicecoach.session.banks import Question
from voicecoach.session.summary import SessionSummary

CHOICES = {"": "next", "n": "next", "r": "retry", "s": "skip", "q": "quit"}


class TerminalUI:
    def __init__(
        self,
        interactive: bool,
        color: bool,
        out: TextIO | None = None,
        stdin: TextIO | None = None,
    ) -> None:
        self.interactive = interactive
        self.color = color
        self.out = out or sys.stdout
        self.stdin = stdin or sys.stdin

    def _print(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def _bold(self, text: str) -> str:
        return f"\033[1m{text}\033[0m" if self.color else text

    def show_question(self, number: int, total: int, question: Question, attempt: int) -> None:
        again = f" (attempt {attempt})" if attempt > 1 else ""
        self._print()
        self._print(self._bold(f"Question {number} of {total}{again}"))
        self._print(textwrap.fill(question.text, 88, initial_indent="  ",
                                  subsequent_indent="  "))

    def show_follow_up(self, text: str) -> None:
        self._print()
        self._print(self._bold("Follow-up"))
        self._print(textwrap.fill(text, 88, initial_indent="  ", subsequent_indent="  "))

    def status(self, message: str) -> None:
        self._print(message)

    def warn(self, message: str) -> None:
        print(f"voicecoach: {message}", file=sys.stderr, flush=True)

    def show_report(self, report: AnswerReport, heard_speech: bool) -> None:
        from voicecoach.analysis.render import render_report

        self._print()
        if not heard_speech:
            self._print("  No speech heard. Check your microphone, or press r to try again.")
            return
        self._print(render_report(report, color=self.color))

    def ask_next(self) -> str:
        if not self.interactive:
            return "next"
        while True:
            self.out.write("\n[Enter] next question · r retry · s skip next · q quit > ")
            self.out.flush()
            line = self.stdin.readline()
            if not line:
                return "quit"
            choice = CHOICES.get(line.strip().lower()[:1])
            if choice:
                return choice

    def show_summary(self, summary: SessionSummary, folder: Path) -> None:
        self._print()
        self._print(self._bold("Session summary"))
        self._print(textwrap.fill(summary.text, 88, initial_indent="  ", subsequent_indent="  "))
        self._print()
        self._print(f"Saved to {folder}")
