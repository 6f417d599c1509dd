"""Decode settings that keep "um" and "uh" in the transcript (verbatim fillers).

Why this module exists: Whisper learned from cleaned-up subtitles, so it leaves hesitation
sounds out; tiny.en with the stock settings wrote 4 of 60 spoken fillers in our synthesized
answers. Filler coaching needs them. The known remedy is a disfluent prompt: the decoder
continues in the style of the text before it (OpenAI's speech-to-text prompting guide;
SYSTRAN/faster-whisper#319; m-bain/whisperX#293).

Choices, measured with `benchmarks/fillers.py` (tiny.en int8, beam 5, 2 threads, VAD on):
- `hotwords`, not `initial_prompt`: with `condition_on_previous_text=False` (our setting)
  faster-whisper drops the initial prompt after the first 30 s window, so a 45 s answer lost
  the fillers in its second half (recall 58 % against 80 % or more with `hotwords`, which is
  sent before every window and is otherwise the same prompt).
- A short sentence, punctuated: a lower-case, unpunctuated prompt ("um uh") made the whole
  transcript lower-case and unpunctuated, which the text checks rely on; the long OpenAI
  example prompt found 60 %; a bare list ("Um, uh, hmm, er, ah.") invited the model to keep
  listing fillers after the speech ended (3 s of decoding for a 1.8 s clip).
- `max_new_tokens` scaled to the audio (`verbatim_decode`): the prompt sometimes makes the
  decoder run on past the last word into the padding; capping the tokens at what fast speech
  could need bounds that cost.

Figures for `verbatim_decode` (`benchmarks/fillers.py --configs plain hotwords_sentence chosen
--wer-configs plain chosen`, one run, nothing else running): filler recall 48/60 (80 %) against
4/60 plain, 3 fillers written that were not spoken (trailing "uh" after the last word); RTF
0.124 on the filler set (plain 0.068; the same prompt without the token cap 0.162); speech-eval
WER 4.4 % at RTF 0.119 (plain 4.6 % at 0.104). Piper varies its timing run to run, so recall
moved between 80 % and 92 % across runs.
The lead wires it in as `DECODE_OPTIONS | verbatim_decode(clip.duration)`.
"""

from __future__ import annotations

import math
from typing import Any

#: Short, disfluent, punctuated sentence the decoder imitates.
VERBATIM_PROMPT = "So, um, I think, uh, we did it."

#: Extra faster-whisper `transcribe` keyword arguments for verbatim decoding.
VERBATIM_DECODE: dict[str, Any] = {"hotwords": VERBATIM_PROMPT}

#: Tokens per second of audio that even fast speech stays under (about 4 words a second at
#: 240 wpm, 1.3 tokens a word, plus timestamp tokens), and a floor for very short clips.
TOKENS_PER_SECOND = 7
MIN_NEW_TOKENS = 24
#: faster-whisper's own cap: half of the 448-token context.
MAX_NEW_TOKENS = 223


def verbatim_decode(duration_s: float) -> dict[str, Any]:
    """VERBATIM_DECODE plus a `max_new_tokens` cap suited to `duration_s` seconds of audio."""
    window = min(max(duration_s, 0.0), 30.0)  # Whisper decodes at most 30 s per window
    cap = max(MIN_NEW_TOKENS, math.ceil(TOKENS_PER_SECOND * window))
    return VERBATIM_DECODE | {"max_new_tokens": min(cap, MAX_NEW_TOKENS)}


#: Settings measured against the chosen one (name -> extra kwargs), for the benchmark.
CANDIDATES: dict[str, dict[str, Any]] = {
    "plain": {},
    "openai_prompt": {
        "initial_prompt": "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
    },
    "initial_list": {"initial_prompt": "Um, uh, hmm, er, ah."},
    "hotwords_lower": {"hotwords": "um uh"},
    "hotwords_list": {"hotwords": "Um, uh, hmm, er, ah."},
    "hotwords_sentence": VERBATIM_DECODE,
    "hotwords_openai": {
        "hotwords": "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."
    },
}
