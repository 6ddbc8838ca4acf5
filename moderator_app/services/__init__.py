"""Use cases: blocking, Qt-free; bootstrap.py is the composition root."""
