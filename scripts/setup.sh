#!/usr/bin/env bash
# Installs VoiceCoach's system and Python packages when they are missing. Safe to run repeatedly.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# System packages (Debian/Ubuntu names):
#   espeak-ng       the portable speech engine behind pyttsx3 on Linux
#   libportaudio2   PortAudio, which sounddevice needs for the microphone and speakers
#   alsa-utils      aplay, which pyttsx3's espeak driver plays through
#   python3-venv    to create .venv
#   pulseaudio, pulseaudio-utils, sox: the virtual sound card used by the audio-path test
#   chromium, chromium-driver: the headless browser that tests the HTML report
apt_packages=(espeak-ng libportaudio2 alsa-utils python3-venv pulseaudio pulseaudio-utils sox
  chromium chromium-driver)
if [[ "${VOICECOACH_SKIP_APT:-}" != "1" ]] && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing system packages: ${missing[*]}"
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
elif [[ "$(uname)" == "Darwin" ]]; then
  : # macOS: PortAudio ships in sounddevice's wheel; pyttsx3 uses NSSpeechSynthesizer.
fi

python="${PYTHON:-python3}"
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
stamp=.venv/.voicecoach-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  echo "setup: installing Python packages into .venv (first time takes a few minutes)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi
