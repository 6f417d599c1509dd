"""Audio as data: clips, files, voice activity, microphone capture and playback."""
