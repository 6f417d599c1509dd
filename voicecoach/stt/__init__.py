"""Speech in: a small `Transcriber` interface and one module per engine.

Pick an engine with `voicecoach.stt.load_transcriber(name)`; heavy engines import lazily.
"""
