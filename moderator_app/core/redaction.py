"""Keep secrets out of logs and support bundles: the values this process knows are secret, plus the shapes
secrets take in text (an Authorization header, ``password=…``, a URL's password, a JSON ``"token": "…"``).

    redaction.remember(token)          # services.secrets and the client register every secret they handle
    redaction.redact(text)             # what the log formatter and `diagnose` run over everything they write
"""

from __future__ import annotations

import re
import threading

MASK = "***"
_MIN_LENGTH = 6  # shorter values would mask ordinary words; real tokens and keys are far longer
_known: set[str] = set()
_lock = threading.Lock()
_known_pattern: re.Pattern[str] | None = None

_SECRET_WORDS = r"password|passwd|pwd|secret|token|access_token|api_key|apikey|authorization|seed|private_key"
_SHAPES = [
    # Authorization: Bearer xyz / Basic xyz
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}"), rf"\1 {MASK}"),
    # "password": "x", 'token': 'x'
    (re.compile(rf"(?i)([\"']?\b(?:{_SECRET_WORDS})\b[\"']?\s*:\s*[\"'])[^\"']*([\"'])"), rf"\1{MASK}\2"),
    # password=x, token: x (up to whitespace, comma, quote or &)
    (re.compile(rf"(?i)(\b(?:{_SECRET_WORDS})\b\s*[=:]\s*)(?![\"'\s])[^\s,&\"']+"), rf"\1{MASK}"),
    # scheme://user:password@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/:@]*):[^\s/@]+@"), rf"\1:{MASK}@"),
]


def remember(value: str) -> str:
    """Treat ``value`` as secret from now on (in this process); returns it unchanged."""
    global _known_pattern
    if len(value) >= _MIN_LENGTH:
        with _lock:
            if value not in _known:
                _known.add(value)
                ordered = sorted(_known, key=len, reverse=True)  # longest first: no partial masks
                _known_pattern = re.compile("|".join(re.escape(v) for v in ordered))
    return value


def redact(text: str) -> str:
    """``text`` with every known secret and every secret-shaped value replaced by ``***``."""
    pattern = _known_pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    for shape, replacement in _SHAPES:
        text = shape.sub(replacement, text)
    return text
