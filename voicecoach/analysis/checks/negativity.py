"""negativity: venting about or disparaging employers, managers, colleagues or clients.

Sad words are not the signal (a terrible outage told factually is fine). The signal is WHO is
judged. A clause-level model looks for a TARGET (boss, client, coworker, any job title, "the
auditor before me", or a pronoun once such a person was mentioned here or in the question) and,
close after it:
- an evaluative word predicated of it: VADER's strongly negative words plus a curated list,
  attached directly ("management was so disorganised", "lazy coworkers");
- a disparaging phrase, an incompetence/laziness frame ("couldn't plan a route to save his
  life", "napped through his shifts"), or a sarcasm/understatement marker ("oh sure",
  "wasn't exactly their strong suit", "his idea of mentorship was").
Venting patterns ("let's just say") and implied contrasts ("somewhere that actually plans
ahead") count without a named target. Self-criticism ("I micromanaged at first") does not
count (guidance.md section 3; data/negativity.yaml).
"""

from __future__ import annotations

import bisect
import re

from voicecoach.analysis.checks.base import CheckResult, Context, preceding_words

MAX_GAP = 70  # characters between target and predicate still quoted as one piece of evidence
SELF = {"i", "i'm", "i've", "i'd", "me", "myself", "we", "we're", "we'd", "im", "ive", "id"}
NEGATORS = {"not", "never", "wasn't", "weren't", "isn't", "aren't", "wasnt", "werent", "isnt",
            "arent", "no", "hardly", "barely"}
POSSESSIVES = {"their", "his", "her"}
NOT_SELF_BEFORE_ME = {"before", "after", "than", "replaced", "preceded"}
_SENT_END = re.compile(r"[.!?]")
MAX_LINK = 5  # words allowed between a target and the evaluative word predicated of it
AFTER_CHARS = 60  # "that kind of delusion, you just wait for the market to humble them"


def _selves(words: list[str]) -> set[str]:
    """First-person words, except "me" as an object of position ("the person before me")."""
    return {
        w for k, w in enumerate(words)
        if w in SELF and not (w == "me" and k and words[k - 1] in NOT_SELF_BEFORE_ME)
    }


def _self_directed(ctx: Context, start: int, target_end: int = -1) -> bool:
    """'I (used to) micromanage' is self-criticism, not a dig at someone else.

    True when "I"/"we" stands in the few words before `start` and after the target's end.
    """
    if target_end < 0:  # target after the marker: "micromanage my analysts" vs "... by customers"
        after = ctx.norm[start : start + 80].lower().split()
        if "by" in after[:6]:
            return False
        return bool(_selves(preceding_words(ctx.norm, start, 4)))
    if not _selves(preceding_words(ctx.norm, start, 4)):
        return False
    return bool(_selves(ctx.norm[target_end:start].lower().split()))


class _Targets:
    """Target mentions as token indices, for 'is a target in scope before offset x?'."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.starts = [t.start for t in ctx.tokens]
        spans = [(m.start(), m.end()) for m in ctx.lex.neg_target_re.finditer(ctx.norm)]
        asked_about = bool(ctx.question and ctx.lex.neg_target_re.search(ctx.question))
        if spans or asked_about:  # "he"/"they" refer to someone named here or in the question
            spans += [(t.start, t.end) for t in ctx.tokens if t.norm in ctx.lex.neg_pronouns]
        self.spans = sorted(set(spans))
        self.idx = sorted({self.token_index(s) for s, _ in self.spans})
        self.ends = {self.token_index(s): e for s, e in self.spans}
        self.index_set = frozenset(self.idx)
        self.pronoun_starts = {t.start for t in ctx.tokens if t.norm in ctx.lex.neg_pronouns}

    def token_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def before(self, start: int) -> tuple[int, int] | None:
        """Nearest target that precedes `start` in its sentence or within scope_words."""
        ti = self.token_index(start)
        sent = self.ctx.sentence_at(start)
        for (s, e) in reversed(self.spans):
            if s >= start:
                continue
            if sent is not None and s >= sent.start:
                return (s, e)
            # across a sentence window only when no end punctuation separates them (raw ASR)
            near = ti - self.token_index(s) <= self.ctx.lex.neg_scope_words
            if near and not _SENT_END.search(self.ctx.norm, e, start):
                return (s, e)
            break
        return None

    def in_scope(self, start: int, end: int) -> tuple[int, int] | None:
        """A target before the marker, inside it ("typical corporate"), or right after it."""
        hit = self.before(start)
        if hit:
            return hit
        sent = self.ctx.sentence_at(start)
        for (s, e) in self.spans:
            if start <= s < end and s not in self.pronoun_starts:
                return (s, e)
            if s >= end and sent is not None and s < sent.end and s - end <= AFTER_CHARS:
                return (s, e)
        return None


def _predicated(ctx: Context, targets: _Targets, i: int) -> int:
    """1 + index of the target that token i is predicated of ("the owner was cheap"), else 0."""
    toks, lex = ctx.tokens, ctx.lex
    for j in range(i - 1, max(-1, i - 1 - MAX_LINK), -1):
        if j in targets.index_set:
            between = {t.norm for t in toks[j + 1 : i]}
            return j + 1 if between & lex.neg_copulas and not between & NEGATORS else 0
        if toks[j].norm not in lex.neg_link_words:
            return 0
    return 0


def _evaluative(ctx: Context, targets: _Targets) -> list[tuple[int, int, str]]:
    """Evaluative words predicated of a target: 'target (was so) WORD' or 'WORD target'."""
    lex = ctx.lex
    out: list[tuple[int, int, str]] = []
    toks = ctx.tokens
    tset = targets.index_set
    for i, tok in enumerate(toks):
        if tok.norm not in lex.neg_eval_words:
            continue
        # attributive: "lazy coworkers", "a clueless manager"
        if (i + 1 in tset and toks[i + 1].norm not in lex.neg_pronouns
                and not SELF.intersection(t.norm for t in toks[max(0, i - 2) : i])):
            out.append((tok.start, targets.ends.get(i + 1, toks[i + 1].end), "disparaging"))
            continue
        # predicative: target, then only link words (one a copula), then the evaluative word
        if _predicated(ctx, targets, i):
            out.append((toks[_predicated(ctx, targets, i) - 1].start, tok.end, "disparaging"))
            continue
        # "that kind of delusion", "sheer incompetence" aimed at someone in scope
        prev = " ".join(t.norm for t in toks[max(0, i - 2) : i])
        if any(prev.endswith(w) for w in lex.neg_intensifiers):
            hit = targets.in_scope(tok.start, tok.end)
            if hit and hit[0] > tok.start and ctx.norm[hit[0] : hit[1]].lower() in POSSESSIVES:
                hit = None  # "that kind of crap on their shift": not aimed at them
            if hit and not _self_directed(ctx, tok.start, hit[1] if hit[0] < tok.start else -1):
                out.append((tok.start, tok.end, "disparaging"))
    return out


def _with_target(
    ctx: Context, pattern: re.Pattern[str], targets: _Targets, kind: str
) -> list[tuple[int, int, str]]:
    out = []
    for m in pattern.finditer(ctx.norm):
        hit = targets.in_scope(m.start(), m.end())
        if hit is None or _self_directed(ctx, m.start(), hit[1] if hit[0] < m.start() else -1):
            continue
        start = hit[0] if hit[0] < m.start() and m.start() - hit[1] <= MAX_GAP else m.start()
        out.append((start, m.end(), kind))
    return out


def _about_politics(ctx: Context, start: int, end: int) -> bool:
    """A dig at politicians is off_limits_topic, not negativity (they are not colleagues).

    True when the sentence names a political actor or issue and no employer, boss, colleague
    or client comes before the dig ("my last firm turned into HR pushing their woke agenda"
    stays negativity).
    """
    sent = ctx.sentence_at(start)
    if sent is None or not ctx.lex.political_terms_re.search(ctx.norm, sent.start, sent.end):
        return False
    return not ctx.lex.neg_employer_re.search(ctx.norm, sent.start, end)


def hits(ctx: Context) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each dig; kind is 'disparaging' or 'venting'."""
    lex = ctx.lex
    found: list[tuple[int, int, str]] = []
    for m in lex.neg_venting_re.finditer(ctx.norm):
        found.append((m.start(), m.end(), "venting"))
    if ctx.question_is("leaving") or lex.neg_workplace_re.search(ctx.norm):
        for m in lex.neg_contrast_re.finditer(ctx.norm):
            found.append((m.start(), m.end(), "venting"))
    targets = _Targets(ctx)
    if targets.spans:
        found += _with_target(ctx, lex.neg_disparaging_re, targets, "disparaging")
        found += _with_target(ctx, lex.neg_frames_re, targets, "disparaging")
        found += _with_target(ctx, lex.neg_sarcasm_re, targets, "venting")
        found += _evaluative(ctx, targets)
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for s, e, kind in found:
        if kept and s < kept[-1][1]:
            continue
        if _about_politics(ctx, s, e):
            continue
        kept.append((s, e, kind))
    return kept


def check(ctx: Context) -> CheckResult:
    found = hits(ctx)
    ctx.shared["negativity"] = found
    result = CheckResult(metrics={"negativity_hits": len(found)})
    if found:
        start, end, kind = found[0]
        detail = {"kind": kind, "count": len(found), "spans": [[s, e] for s, e, _ in found]}
        result.findings.append(ctx.finding("negativity", "problem", start, end, detail))
    return result
