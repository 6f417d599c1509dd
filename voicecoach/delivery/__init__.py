"""Delivery coaching from the audio itself: pace, pauses, fillers, volume, monotone, length.

The text checks judge what was said; this package judges how it sounded, from the recording and
the transcriber's word timestamps. `apply_delivery` merges both into one `AnswerReport`.
"""

from voicecoach.delivery.apply import apply_delivery
from voicecoach.delivery.checks import delivery_findings, spoken_delivery_sentence
from voicecoach.delivery.metrics import delivery_metrics

__all__ = ["apply_delivery", "delivery_findings", "delivery_metrics", "spoken_delivery_sentence"]
