"""Word error rate, with the text normalisation that makes it fair.

Engines and references disagree on things no listener would call an error: case, punctuation,
"Mr." against "mister", "forty-two" against "42", "counselled" against "counseled", fillers.
`normalize` maps both sides to one plain form, and `wer`/`word_errors` count substitutions,
deletions and insertions by edit distance over words. Used by `benchmarks/wer.py`, the tests and
(later) `voicecoach bench`. The rules follow /work/shared/speech-eval/README.md ("Notes for
scoring"): same rule on both sides, fillers dropped on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Spelling variants mapped to one form (US spelling; the abbreviations spoken in full).
VARIANTS: dict[str, str] = {
    "mr": "mister",
    "mrs": "missus",
    "dr": "doctor",
    "'em": "them",
    "em": "them",
    "ok": "okay",
    "counselled": "counseled",
    "colour": "color",
    "favourite": "favorite",
    "organise": "organize",
    "organised": "organized",
    "realise": "realize",
    "realised": "realized",
}

#: Hesitation sounds; dropped from both sides (the speech-eval README allows it, same rule twice).
FILLERS = frozenset({"uh", "um", "er", "erm", "ah", "hmm", "mm", "uhm"})

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_FIX = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def number_words(n: int) -> str:
    """Spoken English for 0..999999; four-digit numbers 1100-1999 are read as years."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    if 1100 <= n <= 1999 and n % 100:  # "fourteen fifty five"
        hi, lo = divmod(n, 100)
        return f"{number_words(hi)} {'oh ' if lo < 10 else ''}{number_words(lo)}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return f"{number_words(thousands)} thousand" + (f" {number_words(rest)}" if rest else "")
    return str(n)


def _ordinal_words(n: int) -> str:
    words = number_words(n).split()
    last = words[-1]
    if last in _ORDINAL_FIX:
        words[-1] = _ORDINAL_FIX[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def _spell_numbers(text: str) -> str:
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 1,000 -> 1000
    text = re.sub(r"\b(\d+)(st|nd|rd|th)\b", lambda m: _ordinal_words(int(m[1])), text)
    return re.sub(r"\b\d+\b", lambda m: number_words(int(m[0])), text)


def normalize(text: str) -> str:
    """Lower case, numbers spelled out, hyphens split, punctuation dropped, variants mapped."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<!\w)'em\b", "them", text)
    text = _spell_numbers(text)
    text = text.replace("-", " ").replace("%", " percent")
    text = re.sub(r"[^\w\s']", " ", text)  # keep apostrophes inside words (i'm, who's)
    words: list[str] = []
    for raw in text.split():
        word = raw.strip("'")
        if not word or word in FILLERS:
            continue
        words.extend(VARIANTS.get(word, word).split())
    return " ".join(words)


@dataclass(frozen=True)
class WordErrors:
    """Edit-distance counts for one hypothesis against one reference (after normalising)."""

    substitutions: int
    deletions: int
    insertions: int
    reference_words: int

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        """Errors per reference word; an empty reference scores 0 if the hypothesis is empty too."""
        if self.reference_words == 0:
            return 0.0 if self.errors == 0 else 1.0
        return self.errors / self.reference_words


def word_errors(reference: str, hypothesis: str, *, normalise: bool = True) -> WordErrors:
    """Count substitutions, deletions and insertions (Levenshtein over words)."""
    ref = (normalize(reference) if normalise else reference).split()
    hyp = (normalize(hypothesis) if normalise else hypothesis).split()
    # each cell holds (cost, subs, dels, ins); ties prefer substitution, as jiwer does
    prev = [(j, 0, 0, j) for j in range(len(hyp) + 1)]
    for i in range(1, len(ref) + 1):
        cur = [(i, 0, i, 0)]
        for j in range(1, len(hyp) + 1):
            if ref[i - 1] == hyp[j - 1]:
                cur.append(prev[j - 1])
                continue
            s, d, n = prev[j - 1], prev[j], cur[j - 1]
            cur.append(min(
                (s[0] + 1, s[1] + 1, s[2], s[3]),
                (d[0] + 1, d[1], d[2] + 1, d[3]),
                (n[0] + 1, n[1], n[2], n[3] + 1),
            ))
        prev = cur
    _, subs, dels, ins = prev[-1]
    return WordErrors(subs, dels, ins, len(ref))


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate of `hypothesis` against `reference`, both normalised."""
    return word_errors(reference, hypothesis).wer
