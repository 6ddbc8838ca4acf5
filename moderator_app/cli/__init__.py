"""Headless commands. Never imports PySide6 (a test checks it in a subprocess)."""
