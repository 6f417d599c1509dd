#!/usr/bin/env bash
# Runs lint and the test suite inside .venv (./run test calls this after set-up).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
.venv/bin/ruff check voicecoach tests benchmarks
scripts/offline-check.sh  # the CLI with no network at all (unshare -n); skips where not permitted
exec .venv/bin/python -m pytest "$@"
