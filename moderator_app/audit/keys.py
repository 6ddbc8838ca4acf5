"""Ed25519 keys for writer receipts and checkpoints. Storage (keyring or file) is the services layer's business."""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from moderator_app.core.errors import UsageError


def key_id_of(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()[:16]


class SigningKey:
    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public_key = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_id = key_id_of(self.public_key)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_seed_text(cls, text: str) -> SigningKey:
        """From the base64 32-byte seed kept in the keyring or key file (44 characters)."""
        try:
            seed = base64.b64decode(text.strip(), validate=True)
            return cls(Ed25519PrivateKey.from_private_bytes(seed))
        except ValueError as exc:
            raise UsageError(f"the audit signing key is not a valid Ed25519 seed: {exc}") from None

    def seed_text(self) -> str:
        raw = self._private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return base64.b64encode(raw).decode("ascii")

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)


class PublicKeys:
    """Verifies signatures by key id; caches the parsed keys (parsing costs as much as a verification)."""

    def __init__(self, keys: dict[str, bytes]) -> None:
        self._raw = dict(keys)
        self._parsed: dict[str, Ed25519PublicKey] = {}

    def add(self, key_id: str, public_key: bytes) -> None:
        self._raw[key_id] = public_key
        self._parsed.pop(key_id, None)

    def __contains__(self, key_id: object) -> bool:
        return key_id in self._raw

    def verify(self, key_id: str, signature: bytes, data: bytes) -> bool:
        key = self._parsed.get(key_id)
        if key is None:
            raw = self._raw.get(key_id)
            if raw is None or key_id_of(raw) != key_id:
                return False
            key = self._parsed[key_id] = Ed25519PublicKey.from_public_bytes(raw)
        try:
            key.verify(signature, data)
        except InvalidSignature:
            return False
        return True
