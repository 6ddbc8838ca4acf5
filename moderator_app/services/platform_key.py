"""The platform's public signing key, pinned on first use (trust on first use, like SSH host keys).

The pin lives in ``platform-keys.json`` in the config folder: one entry per platform address, not secret. A
platform that later presents another key is refused until the user removes the pin (the platform's operator
rotated it, or someone is impersonating the platform). A reviewer who got the key out of band passes it instead
(``--platform-key``: base64 or a file holding it), and then nothing is fetched or pinned.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from moderator_app.core.errors import CheckFailed, UsageError
from moderator_app.core.models import PlatformKey
from moderator_app.platform_api import PlatformClient
from moderator_app.platform_signature import decode_public_key, platform_key_id

PIN_FILE = "platform-keys.json"


class PlatformKeyChanged(CheckFailed):
    """The platform presented a key other than the one pinned for its address."""


def configured_platform_key(value: str) -> PlatformKey:
    """``--platform-key``: the base64 raw public key, or a file holding it. UsageError naming what is wrong."""
    text = value
    candidate = Path(value)
    if len(value) != 44 and candidate.is_file():
        try:
            text = candidate.read_text(encoding="utf-8", errors="strict")[:1000]
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--platform-key {value}: cannot read it ({exc})") from None
    try:
        raw = decode_public_key(text)
    except ValueError as exc:
        raise UsageError(f"--platform-key: {exc}") from None
    return PlatformKey(platform_key_id(raw), raw)


def pinned_platform_key(client: PlatformClient, folder: Path) -> PlatformKey:
    """The key pinned for ``client``'s platform; fetched and pinned on first use. Raises PlatformKeyChanged when
    the platform now presents another key, PlatformError when it cannot be fetched and none is pinned."""
    pins = _read_pins(folder)
    pinned = pins.get(client.base_url)
    if pinned is not None:
        key = PlatformKey(pinned["key_id"], decode_public_key(pinned["public_key"]))
        if platform_key_id(key.public_key) != key.key_id:
            raise PlatformKeyChanged(f"{folder / PIN_FILE}: the pinned key for {client.base_url} is damaged")
        return key
    key = client.platform_key()
    pins[client.base_url] = {"key_id": key.key_id, "public_key": _b64(key.public_key)}
    _write_pins(folder, pins)
    return key


def check_platform_key(client: PlatformClient, folder: Path) -> PlatformKey:
    """Fetch the platform's key now and compare it with the pin (pinning it on first use)."""
    pinned = pinned_platform_key(client, folder)
    current = client.platform_key()
    if current.public_key != pinned.public_key:
        raise PlatformKeyChanged(
            f"the platform at {client.base_url} presents signing key {current.key_id}, but key {pinned.key_id} is "
            f"pinned for it ({folder / PIN_FILE}); if its operator rotated the key, remove that entry")
    return pinned


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _read_pins(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / PIN_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: not a readable platform key pin file ({exc})") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: not a platform key pin file")
    return data


def _write_pins(folder: Path, pins: dict[str, dict[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / PIN_FILE
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(pins, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def pinned_keys(folder: Path) -> list[PlatformKey]:
    """Every platform key pinned in ``folder`` (any platform address): what a workstation trusts offline."""
    keys = []
    for pinned in _read_pins(folder).values():
        try:
            raw = decode_public_key(pinned["public_key"])
        except (KeyError, TypeError, ValueError):
            continue
        if platform_key_id(raw) == pinned.get("key_id"):
            keys.append(PlatformKey(pinned["key_id"], raw))
    return keys
