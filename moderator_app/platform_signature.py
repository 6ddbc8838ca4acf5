"""The platform's Ed25519 signatures over RFC 8785 canonical JSON: witness receipts, export grants, referral
countersignatures. Pure functions plus a small signer the reference platform uses.

Its own layer between core and the I/O packages (pyproject's import-linter "Layers"), so the reference platform
(which signs), ``audit`` and ``referrals`` (which verify) share one definition without importing each other.
Every signed payload carries a ``purpose`` ("audit-witness-receipt", "export-grant", …) so a signature made for one
thing cannot be replayed as another; callers check it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

ALGORITHM = "ed25519"


def canonical_json(payload: Mapping[str, Any]) -> bytes:
    """RFC 8785 bytes: what is signed. Keep floats out; 64-bit ids as strings."""
    return rfc8785.dumps(dict(payload))


def platform_key_id(public_key: bytes) -> str:
    """First 16 hex digits of SHA-256 of the raw 32-byte public key (as for workstation keys)."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def decode_public_key(text: str) -> bytes:
    """A base64 raw Ed25519 public key (44 characters) -> 32 bytes; ValueError naming what is wrong."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the platform public key is not base64") from None
    if len(raw) != 32:
        raise ValueError(f"the platform public key has {len(raw)} bytes, not 32 (raw Ed25519)")
    return raw


def verify_platform_signature(public_key: bytes, payload: Mapping[str, Any], signature: str) -> bool:
    """True when ``signature`` (base64) is the platform key's Ed25519 signature over canonical ``payload``.
    Never raises on bad input: a malformed key, payload or signature is simply not valid."""
    try:
        key = Ed25519PublicKey.from_public_bytes(public_key)
        key.verify(base64.b64decode(signature, validate=True), canonical_json(payload))
    except (InvalidSignature, ValueError, TypeError, binascii.Error, rfc8785.CanonicalizationError):
        return False
    return True


class PlatformSigner:
    """The platform's private key. The reference platform makes one per start, or keeps it in a file (--key-file):
    a real platform keeps it in an HSM or KMS (docs/platform-api.md, "Witness key custody")."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public_key = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_id = platform_key_id(self.public_key)

    @classmethod
    def generate(cls) -> PlatformSigner:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_file(cls, path: Path) -> PlatformSigner:
        """Load the base64 seed in ``path``, creating it (mode 0600) with a new key when it does not exist."""
        if not path.exists():
            signer = cls.generate()
            seed = signer._private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(base64.b64encode(seed).decode("ascii") + "\n")
            return signer
        try:
            seed = base64.b64decode(path.read_text(encoding="ascii").strip(), validate=True)
            return cls(Ed25519PrivateKey.from_private_bytes(seed))
        except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: not a base64 Ed25519 seed ({exc})") from None

    def public_key_text(self) -> str:
        return base64.b64encode(self.public_key).decode("ascii")

    def sign(self, payload: Mapping[str, Any]) -> str:
        return base64.b64encode(self._private.sign(canonical_json(payload))).decode("ascii")


def redaction_problem(original: Any, redacted: Any, paths: list[str], where: str = "") -> str | None:
    """Why ``redacted`` is not ``original`` with only the values at ``paths`` replaced by other strings (None when
    it is). Paths as the exporter writes them: ``body.author.name``, ``body.items[2]``, ``hdr.subject``. The
    platform checks this before it attests a redaction; anything else (a changed header, a dropped key, a new
    value) would hide or recast an event."""
    if isinstance(original, dict) and isinstance(redacted, dict):
        if original.keys() != redacted.keys():
            return f"{where or 'the envelope'}: keys differ"
        for key in original:
            why = redaction_problem(original[key], redacted[key], paths, f"{where}.{key}" if where else key)
            if why is not None:
                return why
        return None
    if isinstance(original, list) and isinstance(redacted, list):
        if len(original) != len(redacted):
            return f"{where}: list length differs"
        for index, (a, b) in enumerate(zip(original, redacted, strict=True)):
            why = redaction_problem(a, b, paths, f"{where}[{index}]")
            if why is not None:
                return why
        return None
    if type(original) is type(redacted) and original == redacted:
        return None
    if where in paths and isinstance(redacted, str) and not isinstance(original, dict | list):
        return None
    return f"{where}: changed, and not as a listed redaction"
