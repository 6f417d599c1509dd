"""`voicecoach bench`'s measurements: does this machine cope with this model?

`run_bench(BenchOptions(...), progress)` returns one dictionary of figures; the CLI
(`voicecoach.cli.bench`) prints it. Modules: `answer` (a spoken test answer), `latency` (time from
the end of an answer to spoken feedback, streaming and plain paths), `accuracy` (WER through the
streaming path on a manifest), `runner` (all of it together). Heavy engines import lazily.
"""

from __future__ import annotations

from voicecoach.benchmarking.runner import BenchOptions, peak_rss_mb, run_bench

__all__ = ["BenchOptions", "peak_rss_mb", "run_bench"]
