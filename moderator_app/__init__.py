"""Moderator Workstation: review flagged microblog posts under the Beijing microblog provisions (2011)."""

import time as _time

__version__ = "0.1.0"

# When the process got going (this package is imported first), for the smoke test's start-up figures.
STARTED = _time.monotonic()
