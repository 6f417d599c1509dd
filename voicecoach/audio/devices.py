"""Sound devices through sounddevice (PortAudio): listing, choosing, and clear errors.

sounddevice is imported lazily and its failures (no PortAudio library, no devices, a busy device)
become `AudioDeviceError` lines that say what to do instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

from voicecoach.errors import AudioDeviceError

NO_MIC_HINT = (
    "answer without a microphone with --typed or --answers FILE..., "
    "or pick one with --input-device (see 'voicecoach devices')"
)


def sounddevice() -> ModuleType:
    """Import sounddevice, turning a missing PortAudio into a one-line error."""
    try:
        import sounddevice as sd
    except OSError as exc:  # "PortAudio library not found"
        raise AudioDeviceError(
            "PortAudio is not installed (Debian/Ubuntu: sudo apt-get install libportaudio2); "
            + NO_MIC_HINT
        ) from exc
    return sd


@dataclass(frozen=True)
class Device:
    index: int
    name: str
    inputs: int
    outputs: int
    default_rate: float
    is_default_input: bool
    is_default_output: bool


def list_devices() -> list[Device]:
    sd = sounddevice()
    default_in, default_out = _defaults(sd)
    out = []
    for i, d in enumerate(sd.query_devices()):
        out.append(
            Device(
                index=i,
                name=str(d["name"]),
                inputs=int(d["max_input_channels"]),
                outputs=int(d["max_output_channels"]),
                default_rate=float(d["default_samplerate"]),
                is_default_input=i == default_in,
                is_default_output=i == default_out,
            )
        )
    return out


def _defaults(sd: Any) -> tuple[int, int]:
    dev = sd.default.device
    try:
        return int(dev[0]), int(dev[1])
    except (TypeError, ValueError, IndexError):
        return -1, -1


def resolve_input(device: str | int | None) -> int | None:
    """Return a PortAudio input device index (None = the default), or raise AudioDeviceError."""
    sd = sounddevice()
    try:
        if device is None or device == "":
            sd.query_devices(kind="input")  # raises when there is no default microphone
            return None
        key: str | int = int(device) if str(device).isdigit() else str(device)
        info = sd.query_devices(key, kind="input")
        return int(info["index"])
    except (ValueError, sd.PortAudioError) as exc:
        if device is None or device == "":
            raise AudioDeviceError(f"no microphone found; {NO_MIC_HINT}") from exc
        raise AudioDeviceError(
            f"no input device matches {device!r}; see 'voicecoach devices', or {NO_MIC_HINT}"
        ) from exc
