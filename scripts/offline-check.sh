#!/usr/bin/env bash
# Privacy check for CI: voicecoach's default paths work with no network at all.
# Runs `voicecoach analyze` (typed text and a real recording) and practice sessions (typed and
# recorded answers) inside a new network namespace (`unshare -n`: no interfaces but a downed
# loopback), after checking that the namespace really cannot reach anything. The recording is
# synthesized before going offline. Where unshare is not permitted (not root, no user
# namespaces), prints one skip line and exits 0. scripts/test.sh calls this before pytest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py="$root/.venv/bin/python"

if ! command -v unshare >/dev/null 2>&1 || ! unshare -n true 2>/dev/null; then
  echo "offline-check: SKIPPED: 'unshare -n' is not permitted here (needs root or user namespaces)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export VOICECOACH_RECORDINGS="$work/recordings"
offline() { unshare -n "$@"; }
fail() { echo "offline-check: FAILED: $*" >&2; exit 1; }

# 0. the namespace must really be offline, or the rest proves nothing
offline "$py" - <<'EOF' || fail "the network is reachable inside 'unshare -n'"
import socket, sys
for host in [("1.1.1.1", 53), ("127.0.0.1", 9)]:
    try:
        socket.create_connection(host, timeout=2).close()
    except OSError:
        continue
    sys.exit(1)
EOF

# 1. typed text
offline "$py" -m voicecoach analyze --text "Um, I guess I'm kind of a team player." --json \
  > "$work/text.json" || fail "voicecoach analyze --text"
"$py" -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if r["findings"] else 1)' \
  "$work/text.json" || fail "analyze --text found nothing to say"

# 2. typed practice session
printf '%s\n' "I led a team of five engineers and we shipped on time." \
  "Honestly my last manager was clueless." \
  | offline "$py" -m voicecoach practice --typed --no-speak --count 2 > "$work/typed.out" \
  || fail "voicecoach practice --typed"

# 3. a real recording: analysed, and used as a practice answer (transcribed offline)
answer="$work/answer.wav"
if command -v espeak-ng >/dev/null 2>&1; then
  espeak-ng -w "$answer" "I led a team of five engineers and we shipped the project on time."
else
  "$py" -c 'import sys; from voicecoach.speech import load_speaker
load_speaker("piper").synthesize("I led a team of five engineers and we shipped the project on time.").save_wav(sys.argv[1])' "$answer"
fi
offline "$py" -m voicecoach analyze "$answer" --json > "$work/recording.json" \
  || fail "voicecoach analyze FILE"
"$py" -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if "team" in r["transcript"].lower() else 1)' \
  "$work/recording.json" || fail "the recording was not transcribed offline"
offline "$py" -m voicecoach practice --no-speak --count 1 --answers "$answer" > "$work/rec.out" \
  || fail "voicecoach practice --answers"

# what was saved: two sessions, complete
"$py" - "$VOICECOACH_RECORDINGS" <<'EOF' || fail "the offline sessions were not saved completely"
import json, sys
from pathlib import Path
sessions = [json.loads(p.read_text()) for p in sorted(Path(sys.argv[1]).glob("*/session.json"))]
assert len(sessions) == 2, sessions
typed, recorded = sorted(sessions, key=lambda s: s["settings"]["source"] != "TypedSource")
assert len(typed["answers"]) == 2 and typed["ended"]
assert "team" in recorded["answers"][0]["transcript"].lower() and recorded["ended"]
EOF
echo "offline-check: ok: analyze (text, recording) and practice (typed, recorded) with no network"
