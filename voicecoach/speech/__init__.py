"""Speech out: a small `Speaker` interface and one module per engine (Piper, pyttsx3)."""
