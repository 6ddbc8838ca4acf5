"""Placeholder image bytes for the demo's media references: the demo data has descriptions, not files, so the
reference platform draws a small deterministic PNG per media id (a coloured frame with a diagonal band), enough
for a client to fetch, hash, store and render real image bytes."""

from __future__ import annotations

import hashlib
import struct
import zlib

WIDTH, HEIGHT = 240, 160


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def placeholder_png(media_id: str) -> bytes:
    """The same bytes for the same id on every run (the colours come from the id's SHA-256)."""
    seed = hashlib.sha256(media_id.encode()).digest()
    base, band = seed[0:3], seed[3:6]
    rows = []
    for y in range(HEIGHT):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(WIDTH):
            if x < 6 or y < 6 or x >= WIDTH - 6 or y >= HEIGHT - 6:
                row += b"\x30\x30\x30"
            elif abs((x - 20) * HEIGHT // WIDTH - y) < 18:
                row += band
            else:
                shade = 40 + 120 * y // HEIGHT
                row += bytes(min(255, c // 2 + shade) for c in base)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + _chunk(b"IEND", b""))
