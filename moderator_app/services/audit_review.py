"""What a reviewer brings to ``audit verify`` from outside the database: the platform's receipts (fetched with a
lead's login, or a file the platform exported), the platform's key, and the workstations' keys (``audit keys
export``). Nothing here writes: no pin, no token in the keyring."""

from __future__ import annotations

import base64
import json
import socket
from pathlib import Path
from typing import Any

from moderator_app import paths
from moderator_app.audit.keys import key_id_of
from moderator_app.audit.verify import WitnessCheck
from moderator_app.audit.witness import receipt_from_json
from moderator_app.core.errors import UsageError
from moderator_app.core.models import PlatformKey, WitnessReceipt
from moderator_app.platform_api import MemorySecretStore
from moderator_app.platform_signature import decode_public_key, platform_key_id
from moderator_app.services.platform import make_client
from moderator_app.services.platform_key import PIN_FILE, configured_platform_key
from moderator_app.services.secrets import load_signing_key

MAX_FILE_BYTES = 256 * 1024 * 1024


def witness_from_platform(url: str, user: str, password: str, identity: str | None,
                          platform_key: str | None) -> tuple[WitnessCheck, str]:
    """The platform's receipts for the log ``identity`` (a lead's login), and where the key came from."""
    client = make_client(url)
    client.secrets = MemorySecretStore()  # verifying leaves no token behind
    if not client.login(user, password).user.is_lead:
        raise UsageError(f"{user} is not a lead: the platform lists witness receipts to leads only")
    receipts = client.witness_receipts(identity) if identity is not None else []
    if platform_key is not None:
        return WitnessCheck(receipts, configured_platform_key(platform_key)), "given with --platform-key"
    pinned = read_pinned_key(url)
    if pinned is not None:
        return WitnessCheck(receipts, pinned), f"pinned for {url} in {paths.config_dir() / PIN_FILE}"
    fetched = client.platform_key()
    return WitnessCheck(receipts, fetched), (f"fetched from {url} just now and NOT pinned: compare key id "
                                             f"{fetched.key_id} with the one the platform publishes out of band")


def witness_from_file(path: Path, platform_key: str | None) -> tuple[WitnessCheck, str]:
    receipts = read_receipts(path)
    if platform_key is not None:
        return WitnessCheck(receipts, configured_platform_key(platform_key)), "given with --platform-key"
    for key_id in sorted({r.key_id for r in receipts}):
        pinned = pinned_key_by_id(key_id)
        if pinned is not None:
            return WitnessCheck(receipts, pinned), "pinned on this machine"
    raise UsageError("--receipts: give the platform's public key with --platform-key (no pinned key matches the "
                     "receipts' key id)")


def read_receipts(path: Path) -> list[WitnessReceipt]:
    """A receipt list: the JSON the platform answers at GET /v1/audit-witness ({"items": [...]}), a JSON array,
    or JSON lines, one receipt each."""
    data = _read_json_or_lines(path, "--receipts")
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise UsageError(f"--receipts {path}: not a receipt list (expected items: [...])")
    receipts = []
    for number, item in enumerate(items, 1):
        receipt = receipt_from_json(json.dumps(item)) if isinstance(item, dict) else None
        if receipt is None:
            raise UsageError(f"--receipts {path}: receipt {number} lacks log_id, seq, chain_hash, witnessed_at, "
                             "key_id or signature")
        receipts.append(receipt)
    return receipts


def read_trusted_keys(files: list[Path]) -> dict[str, bytes]:
    """``--trust``: files written by ``audit keys export`` (JSON lines: key_id, public_key, workstation, created)."""
    keys: dict[str, bytes] = {}
    for path in files:
        data = _read_json_or_lines(path, "--trust")
        for number, item in enumerate(data if isinstance(data, list) else [data], 1):
            try:
                raw = base64.b64decode(item["public_key"], validate=True)
                key_id = str(item["key_id"])
            except (KeyError, TypeError, ValueError):
                raise UsageError(f"--trust {path}: key {number} is not a key_id and a base64 public_key") from None
            if len(raw) != 32 or key_id_of(raw) != key_id:
                raise UsageError(f"--trust {path}: key {number}: key id {key_id} does not match its public key")
            keys[key_id] = raw
    return keys


def own_key_record(workstation: str | None = None) -> dict[str, Any]:
    """This workstation's audit key as ``audit keys export`` prints it (created on first use, like any run)."""
    key, _warning = load_signing_key(paths.data_dir())
    return {"key_id": key.key_id, "public_key": base64.b64encode(key.public_key).decode("ascii"),
            "workstation": workstation or socket.gethostname(), "created": _registered_at(key.key_id)}


def _registered_at(key_id: str) -> str | None:
    """When the key was registered in the default audit log, if it was."""
    from sqlalchemy import select

    from moderator_app.audit.schema import audit_key
    from moderator_app.audit.store import AuditStore
    from moderator_app.services.audit_service import resolve_database_url

    try:
        store = AuditStore(resolve_database_url())
        try:
            with store.reader.connect() as connection:
                found = connection.execute(select(audit_key.c.created_at).where(audit_key.c.key_id == key_id)).scalar()
        finally:
            store.close()
    except Exception:  # noqa: BLE001 - no log here yet, or unreachable: the key is exported all the same
        return None
    return None if found is None else str(found)


def pinned_key_by_id(key_id: str) -> PlatformKey | None:
    """A platform key pinned on this machine (for any address) with this id."""
    for pin in _pins().values():
        if isinstance(pin, dict) and pin.get("key_id") == key_id:
            raw = decode_public_key(pin["public_key"])
            return PlatformKey(platform_key_id(raw), raw)
    return None


def read_pinned_key(base_url: str) -> PlatformKey | None:
    pin = _pins().get(base_url.rstrip("/"))
    if pin is None:
        return None
    raw = decode_public_key(pin["public_key"])
    return PlatformKey(platform_key_id(raw), raw)


def _pins() -> dict[str, dict[str, str]]:
    path = paths.config_dir() / PIN_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _read_json_or_lines(path: Path, option: str) -> Any:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UsageError(f"{option} {path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{option} {path}: cannot read it ({exc.__class__.__name__})") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise UsageError(f"{option} {path}: nested too deeply") from None
    except ValueError:
        pass
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except (ValueError, RecursionError):
        raise UsageError(f"{option} {path}: neither JSON nor JSON lines") from None
