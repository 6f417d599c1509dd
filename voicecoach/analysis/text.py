"""Tokens, sentences and clauses with character offsets, without NLTK.

Every check reports evidence as exact slices of the transcript, so everything here keeps
offsets into the original string. Speech-to-text output often has no punctuation at all, so
sentence splitting falls back to clause cues and fixed-size word windows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Apostrophe variants are mapped to "'" one-for-one, so offsets never shift.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_WORD_RE = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)
_SENT_END_RE = re.compile(r"[.!?\u2026]+[\"')\]]*(?=\s|$)|\n\s*\n|\n")
_CLAUSE_CUE_RE = re.compile(r"[,;:\u2014\u2013]|\s-\s|\s--\s")
# Words that usually open a new clause in unpunctuated speech.
CLAUSE_OPENERS = frozenset([
    "and", "but", "so", "because", "then", "which", "when", "while", "although", "though",
    "whereas", "since", "after", "before", "until", "unless",
])
MAX_SENTENCE_WORDS = 30
WINDOW_WORDS = 18


@dataclass(frozen=True)
class Token:
    """One word: `text` as written, `norm` lower-cased with plain apostrophes."""

    text: str
    start: int
    end: int
    norm: str


@dataclass(frozen=True)
class Span:
    """A sentence or clause: [start, end) offsets and the tokens inside it."""

    start: int
    end: int
    tokens: tuple[Token, ...]

    def text(self, transcript: str) -> str:
        return transcript[self.start : self.end]


def normalize(text: str) -> str:
    """Same-length copy with typographic apostrophes made plain (offsets stay valid)."""
    return text.translate(_APOSTROPHES)


def tokenize(text: str) -> list[Token]:
    norm = normalize(text)
    return [
        Token(m.group(), m.start(), m.end(), m.group().lower()) for m in _WORD_RE.finditer(norm)
    ]


def _spans_from_breaks(tokens: list[Token], breaks: list[int]) -> list[Span]:
    """Group tokens into spans, breaking before any token starting at or after each offset."""
    spans: list[Span] = []
    current: list[Token] = []
    bi = 0
    for tok in tokens:
        while bi < len(breaks) and tok.start >= breaks[bi]:
            if current:
                spans.append(Span(current[0].start, current[-1].end, tuple(current)))
                current = []
            bi += 1
        current.append(tok)
    if current:
        spans.append(Span(current[0].start, current[-1].end, tuple(current)))
    return spans


def _window(span: Span, size: int) -> list[Span]:
    """Split a long span at clause openers near `size` words, else at fixed windows."""
    out: list[Span] = []
    toks = list(span.tokens)
    while len(toks) > MAX_SENTENCE_WORDS:
        cut = size
        for i in range(size // 2, min(len(toks), size + size // 2)):
            if toks[i].norm in CLAUSE_OPENERS:
                cut = i
                break
        head, toks = toks[:cut], toks[cut:]
        out.append(Span(head[0].start, head[-1].end, tuple(head)))
    if toks:
        out.append(Span(toks[0].start, toks[-1].end, tuple(toks)))
    return out


def sentences(text: str, tokens: list[Token] | None = None) -> list[Span]:
    """Sentences by end punctuation; long runs without it become ~18-word windows."""
    tokens = tokenize(text) if tokens is None else tokens
    breaks = [m.end() for m in _SENT_END_RE.finditer(text)]
    result: list[Span] = []
    for span in _spans_from_breaks(tokens, breaks):
        if len(span.tokens) > MAX_SENTENCE_WORDS:
            result.extend(_window(span, WINDOW_WORDS))
        else:
            result.append(span)
    return result


def clauses(text: str, sentence: Span) -> list[Span]:
    """Clauses of one sentence: split at commas, semicolons, dashes and clause openers."""
    breaks = [sentence.start + m.end() for m in _CLAUSE_CUE_RE.finditer(sentence.text(text))]
    breaks += [t.start for t in sentence.tokens[1:] if t.norm in CLAUSE_OPENERS]
    return _spans_from_breaks(list(sentence.tokens), sorted(set(breaks)))


def word_count(tokens: list[Token]) -> int:
    return len(tokens)
