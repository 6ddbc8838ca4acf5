"""Verify an evidence package (see package.py): the signature, every file's SHA-256, no file missing or added, the
events' place in the signed audit chain, and the evidence digests. The first problem is reported by file name.

Order matters for naming: the signature file vouches for the tag manifest, the tag manifest for the tag files,
the payload manifest (checked by bagit) for the payload; each check trusts only what the previous one vouched for.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from moderator_app.audit.chain import canonical, chain_hash, leaf_hash
from moderator_app.audit.checkpoints import checkpoint_problem
from moderator_app.audit.keys import PublicKeys, key_id_of
from moderator_app.core.audit import Checkpoint
from moderator_app.core.errors import CheckFailed, UsageError
from moderator_app.platform_signature import decode_public_key, platform_key_id
from moderator_app.referrals.evidence import canonical_bytes, digest_problems
from moderator_app.referrals.model import ReferralEvent
from moderator_app.referrals.package import SIGNATURE_FILE, signature_message
from moderator_app.referrals.workflow import fold

TAG_MANIFEST = "tagmanifest-sha256.txt"
# The package's own text files (manifests, signature, chain, events, snapshot) are small; a larger one is not ours.
# Evidence files of any size are hashed as a stream, never read whole (a 3 GiB file cost 3.2 GB).
MAX_TEXT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PackageReport:
    referral_id: str
    state: str
    events: int
    checkpoint_seq: int
    key_id: str
    files: int
    writers: tuple[str, ...] = ()  # key ids of the workstations that wrote the referral's events
    platform_key_id: str | None = None  # the key that countersigned the approval or rejection, if any
    platform_key_given: bool = False  # checked against a key the verifier supplied, not the one the package carries


def _fail(file: str, why: str) -> CheckFailed:
    return CheckFailed(f"NOT intact: {file}: {why}")


def _manifest(bag: Path, name: str) -> dict[str, str]:
    """path -> sha256 from a manifest file (bagit's format: "<hex> <path>" per line)."""
    entries: dict[str, str] = {}
    for number, line in enumerate(_read_text(bag, name).splitlines(), 1):
        digest, _, path = line.strip().partition(" ")
        if not path or len(digest) != 64:
            raise _fail(name, f"line {number} is not '<sha256> <path>'")
        entries[path.strip()] = digest.lower()
    return entries


def _signature(bag: Path) -> tuple[str, str]:
    """(key id, signed digest) when the signature file holds a valid signature; CheckFailed naming it otherwise."""
    try:
        sig = _parse(SIGNATURE_FILE, _read_text(bag, SIGNATURE_FILE))
        public = bytes.fromhex(sig["public_key"])
        Ed25519PublicKey.from_public_bytes(public).verify(
            base64.b64decode(sig["signature"], validate=True), signature_message(sig["signed_sha256"]))
        if sig["key_id"] != key_id_of(public):
            raise ValueError("key id does not match the public key")
    except (ValueError, KeyError, TypeError, InvalidSignature) as exc:
        raise _fail(SIGNATURE_FILE, f"the signature does not verify ({exc or 'bad signature'})") from None
    return str(sig["key_id"]), str(sig["signed_sha256"])


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()  # in chunks: any size, constant memory


def _read_text(bag: Path, name: str) -> str:
    try:
        with (bag / name).open("rb") as handle:
            raw = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        raise _fail(name, f"unreadable: {exc.strerror or exc}") from None
    if len(raw) > MAX_TEXT_BYTES:
        raise _fail(name, f"larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB: not a file this app writes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(name, f"not UTF-8 (byte {exc.start})") from None


def _parse(name: str, text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise _fail(name, "nested too deeply") from None
    except ValueError as exc:
        raise _fail(name, f"not JSON: {exc}") from None


def _check_listed(bag: Path, entries: dict[str, str], manifest: str) -> None:
    for name, digest in sorted(entries.items()):
        if not (bag / name).is_file():
            raise _fail(name, "missing")
        if _sha256(bag / name) != digest:
            raise _fail(name, f"altered (its SHA-256 differs from {manifest})")


def _check_files(bag: Path) -> tuple[str, int]:
    for required in ("bagit.txt", TAG_MANIFEST, SIGNATURE_FILE):
        if not (bag / required).is_file():
            raise _fail(required, "missing")
    key_id, signed = _signature(bag)
    if _sha256(bag / TAG_MANIFEST) != signed:
        raise _fail(TAG_MANIFEST, "altered (its SHA-256 is not the signed one)")
    tags = _manifest(bag, TAG_MANIFEST)
    _check_listed(bag, tags, TAG_MANIFEST)
    if "manifest-sha256.txt" not in tags:
        raise _fail("manifest-sha256.txt", "not listed in the tag manifest")
    payload = _manifest(bag, "manifest-sha256.txt")
    _check_listed(bag, payload, "manifest-sha256.txt")
    known = {*tags, *payload, TAG_MANIFEST, SIGNATURE_FILE}
    for path in sorted(p for p in bag.rglob("*") if p.is_file() or p.is_symlink()):
        name = path.relative_to(bag).as_posix()
        if name not in known:
            raise _fail(name, "added (listed in no manifest)")
    import bagit

    try:  # the standard's own checks too (Payload-Oxum, bagit.txt), after ours have named any changed file
        bagit.Bag(str(bag)).validate()
    except bagit.BagValidationError as exc:
        details = getattr(exc, "details", None) or []
        first = details[0] if details else None
        name = getattr(first, "path", None) or "bag"
        kind = {"ChecksumMismatch": "altered", "FileMissing": "missing", "UnexpectedFile": "added"}.get(
            type(first).__name__, str(first or exc))
        raise _fail(name, kind) from None
    except bagit.BagError as exc:
        raise _fail("bag", str(exc)) from None
    return key_id, len(known)


def _load_json(bag: Path, name: str) -> Any:
    return _parse(name, _read_text(bag, name))


def _writer_keys(bag: Path) -> dict[str, bytes]:
    if not (bag / "verification/writer-keys.json").is_file():
        return {}
    raw = _load_json(bag, "verification/writer-keys.json")
    keys = {str(k): bytes.fromhex(v) for k, v in raw.items()}
    for key_id, public in keys.items():
        if key_id_of(public) != key_id:
            raise _fail("verification/writer-keys.json", f"key {key_id} does not match its public key")
    return keys


def _check_writer(record: dict[str, Any], envelope: Any, keys: PublicKeys, number: int) -> str:
    """The writer key id of one events.jsonl line, after checking its Ed25519 signature over the event's leaf."""
    key_id = record.get("writer_key_id")
    if key_id is None:
        return ""
    signature = base64.b64decode(record.get("writer_signature", ""), validate=True)
    if not keys.verify(str(key_id), signature, leaf_hash(canonical(envelope))):
        raise _fail("data/events.jsonl", f"line {number}: the writer signature by key {key_id} does not verify "
                    "against verification/writer-keys.json")
    return str(key_id)


def _check_chain(bag: Path, key_id: str) -> tuple[list[ReferralEvent], int, tuple[str, ...]]:
    raw = _load_json(bag, "verification/checkpoint.json")
    try:
        public = bytes.fromhex(raw.pop("public_key"))
        checkpoint = Checkpoint(**raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise _fail("verification/checkpoint.json", f"not a checkpoint: {exc}") from None
    problem = checkpoint_problem(checkpoint, PublicKeys({key_id_of(public): public}))
    if problem:
        raise _fail("verification/checkpoint.json", problem)
    if checkpoint.key_id != key_id:
        raise _fail(SIGNATURE_FILE, f"signed by key {key_id}, the checkpoint by {checkpoint.key_id}")
    segment = _load_json(bag, "verification/chain.json")
    first, leaves = int(segment["first_seq"]), [bytes.fromhex(h) for h in segment["leaf_hashes"]]
    running = bytes.fromhex(segment["prev_chain_hash"])
    for offset, leaf in enumerate(leaves):
        running = chain_hash(running, first + offset, leaf)
    if first + len(leaves) - 1 != checkpoint.seq or running.hex() != checkpoint.chain_hash:
        raise _fail("verification/chain.json", f"does not lead to the checkpoint at seq {checkpoint.seq}")
    events: list[ReferralEvent] = []
    writer_keys, writers = PublicKeys(_writer_keys(bag)), set()
    lines = _read_text(bag, "data/events.jsonl").split("\n")
    for number, line in enumerate((x for x in lines if x), 1):
        record = _parse("data/events.jsonl", line)
        seq, envelope = int(record["seq"]), record["envelope"]
        if not first <= seq <= checkpoint.seq or leaf_hash(canonical(envelope)) != leaves[seq - first]:
            raise _fail("data/events.jsonl", f"line {number} (seq {seq}) is not in the signed chain")
        if envelope.get("log") != checkpoint.log_id:
            raise _fail("data/events.jsonl", f"line {number} belongs to log {envelope.get('log')!r}")
        writers.add(_check_writer(record, envelope, writer_keys, number))
        hdr = envelope["hdr"]
        events.append(ReferralEvent(seq, hdr["type"], hdr["actor"]["id"], hdr["actor"]["role"], hdr["occurred_at"],
                                    envelope["body"]))
    return events, checkpoint.seq, tuple(sorted(w for w in writers if w))


def _check_media(bag: Path, snapshot: Any) -> None:
    """Every image the evidence hashed is in data/media/ with that hash, and nothing else is."""
    wanted = {m["sha256"] for m in snapshot["items"]["post"].get("media", []) if m.get("sha256")}
    present = {p.name.partition(".")[0]: p for p in (bag / "data" / "media").glob("*")}
    for digest in sorted(wanted):
        if digest not in present:
            raise _fail(f"data/media/{digest}", "missing (the evidence records this image)")
        if _sha256(present[digest]) != digest:
            raise _fail(f"data/media/{present[digest].name}", "altered (its SHA-256 differs from the evidence)")
    for digest, extra in sorted(present.items()):
        if digest not in wanted:
            raise _fail(f"data/media/{extra.name}", "not an image the evidence records")


def _platform_keys(bag: Path, given: tuple[str, bytes] | None) -> dict[str, bytes]:
    """The platform key(s) an approval may be countersigned by: the one the verifier supplied, else the one the
    package carries (which only shows the package is consistent, not that the platform signed)."""
    if given is not None:
        return {given[0]: given[1]}
    if not (bag / "verification/platform-key.json").is_file():
        return {}
    raw = _load_json(bag, "verification/platform-key.json")
    try:
        public = decode_public_key(raw["public_key"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _fail("verification/platform-key.json", f"not a platform key: {exc}") from None
    if platform_key_id(public) != raw.get("key_id"):
        raise _fail("verification/platform-key.json", "the key id does not match the public key")
    return {str(raw["key_id"]): public}


def verify_package(path: Path, platform_key: tuple[str, bytes] | None = None) -> PackageReport:
    """A report when the package is intact; CheckFailed naming the first bad file otherwise; UsageError when
    ``path`` is not a package at all. ``platform_key`` (key id, public key) is the platform's published key: an
    approval or rejection counts only with its valid countersignature, else it is reported as forged."""
    if not path.is_dir():
        raise UsageError(f"{path} is not a folder (an evidence package is a folder; unpack a .zip first)")
    if not (path / "bagit.txt").exists() and not (path / SIGNATURE_FILE).exists():
        raise UsageError(f"{path} is not an evidence package (no bagit.txt)")
    key_id, files = _check_files(path)
    try:
        events, checkpoint_seq, writers = _check_chain(path, key_id)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _fail("verification/chain.json", f"malformed: {exc}") from None
    referral = fold(events, _platform_keys(path, platform_key))
    if referral is None:
        raise _fail("data/events.jsonl", "holds no referral_created event")
    if referral.anomalies:
        raise _fail("data/events.jsonl", f"referral {referral.referral_id}: {referral.anomalies[0]}")
    snapshot = _load_json(path, "data/snapshot.json")
    if canonical_bytes(snapshot) != canonical_bytes(referral.evidence):
        raise _fail("data/snapshot.json", "differs from the evidence recorded in the audit log")
    problems = digest_problems(snapshot)
    if problems:
        raise _fail("data/snapshot.json", problems[0])
    _check_media(path, snapshot)
    countersigned = referral.countersignature["signed"]["key_id"] if referral.countersignature else None
    return PackageReport(referral.referral_id, referral.state.value, len(events), checkpoint_seq, key_id, files,
                         writers, countersigned, platform_key is not None)
