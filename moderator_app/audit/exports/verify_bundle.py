"""Offline verification of an export bundle (VERIFY.md states the same algorithm in prose).

Needs only the folder: no database, no network. Reports every problem it finds, each naming the file or the seq."""

from __future__ import annotations

import base64
import hashlib
import heapq
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moderator_app.audit.chain import ZERO_HASH, chain_hash, leaf_hash
from moderator_app.audit.checkpoints import checkpoint_problem
from moderator_app.audit.exports.bundle import (
    CONTEXT,
    EVENTS,
    FORMAT_ID,
    MANIFEST,
    REDACTIONS,
    SIGNATURE,
    sha256_file,
)
from moderator_app.audit.exports.matching import HeaderFields, filter_from_json, header_fields, matches
from moderator_app.audit.keys import PublicKeys, key_id_of
from moderator_app.core.audit import CancelToken, Checkpoint, EventFilter, ProgressCallback
from moderator_app.core.errors import UsageError
from moderator_app.core.models import PlatformKey
from moderator_app.platform_signature import canonical_json, verify_platform_signature

_PLAIN_LINE = re.compile(rb'\{"seq":(\d+),"envelope":(.*)\}', re.DOTALL)
_SEQ = re.compile(rb'\{"seq":(\d+),')
_MAX_PROBLEMS = 50
_PROGRESS_EVERY = 16384


@dataclass
class BundleReport:
    problems: list[str] = field(default_factory=list)
    matching: int = 0
    context: int = 0
    redacted: int = 0
    first_seq: int = 0
    last_seq: int = 0
    signer_key_id: str = ""
    checkpoint_key_ids: tuple[str, ...] = ()
    cancelled: bool = False
    grant: str = ""  # "lead1, granted … by platform key …" once the platform's export grant checked out

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def add(self, problem: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append(problem)


_MAX_MANIFEST_BYTES = 64 * 1024 * 1024


def verify_bundle(folder: Path, *, trusted_keys: frozenset[str] = frozenset(),
                  progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                  platform_key: PlatformKey | None = None, require_grant: bool = False) -> BundleReport:
    """``platform_key``: check the platform's export grant (lead role, filter, identities or not) and that every
    redacted line is one the platform attested; ``require_grant``: a bundle without a checkable grant fails."""
    if not (folder / MANIFEST).is_file():
        raise UsageError(f"{folder} is not an export bundle (no {MANIFEST})")
    report = BundleReport()
    with (folder / MANIFEST).open("rb") as handle:
        manifest_bytes = handle.read(_MAX_MANIFEST_BYTES + 1)
    if len(manifest_bytes) > _MAX_MANIFEST_BYTES:
        report.add(f"{MANIFEST}: larger than {_MAX_MANIFEST_BYTES // (1024 * 1024)} MB: not a manifest")
        return report
    try:
        manifest: dict[str, Any] = json.loads(manifest_bytes)
    except RecursionError:
        report.add(f"{MANIFEST}: not JSON (nested too deeply)")
        return report
    except ValueError as exc:
        report.add(f"{MANIFEST}: not JSON ({exc})")
        return report
    if not isinstance(manifest, dict):
        report.add(f"{MANIFEST}: not a JSON object")
        return report
    try:
        return _verify(folder, manifest, manifest_bytes, trusted_keys, report, progress, cancel, platform_key,
                       require_grant)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a field missing or of the wrong shape
        report.add(f"{MANIFEST}: malformed ({type(exc).__name__}: {str(exc)[:200]})")
        return report


def _verify(folder: Path, manifest: dict[str, Any], manifest_bytes: bytes, trusted_keys: frozenset[str],
            report: BundleReport, progress: ProgressCallback | None, cancel: CancelToken | None,
            platform_key: PlatformKey | None, require_grant: bool) -> BundleReport:
    _check_signature(folder, manifest, manifest_bytes, trusted_keys, report)
    if manifest.get("format") != FORMAT_ID:
        report.add(f"{MANIFEST}: unknown format {manifest.get('format')!r}")
        return report
    start, end = _checkpoints(manifest, trusted_keys, report)
    if end is None or report.problems:
        _check_files(folder, manifest["files"], report)
        return report  # the chain check needs trustworthy anchors
    attested = _check_grant(folder, manifest, platform_key, require_grant, report)
    report.first_seq, report.last_seq = manifest["range"]["first_seq"], manifest["range"]["last_seq"]
    # Hash the files on a second core while this one checks the chain (hashlib lets go of the GIL).
    files = BundleReport()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="modapp-verify") as pool:
        hashing = pool.submit(_check_files, folder, manifest["files"], files)
        chain = BundleReport(first_seq=report.first_seq, last_seq=report.last_seq)
        _check_chain(folder, filter_from_json(manifest["filter"]), start, end, chain, progress, cancel, attested)
        hashing.result()
    for problem in files.problems + chain.problems:  # file problems first: they explain chain problems
        report.add(problem)
    report.matching, report.context, report.redacted = chain.matching, chain.context, chain.redacted
    report.cancelled = chain.cancelled
    return report


def _check_signature(folder: Path, manifest: dict[str, Any], manifest_bytes: bytes, trusted: frozenset[str],
                     report: BundleReport) -> None:
    signer = manifest.get("signer") or {}
    try:
        public_key = bytes.fromhex(signer["public_key"])
        signature = base64.b64decode((folder / SIGNATURE).read_text(encoding="ascii").strip(), validate=True)
    except (KeyError, ValueError, OSError) as exc:
        report.add(f"{SIGNATURE}: missing or unreadable ({exc})")
        return
    report.signer_key_id = key_id_of(public_key)
    if not PublicKeys({report.signer_key_id: public_key}).verify(report.signer_key_id, signature, manifest_bytes):
        report.add(f"{MANIFEST}: the signature in {SIGNATURE} does not verify (the manifest or signature changed)")
    if trusted and report.signer_key_id not in trusted:
        report.add(f"{MANIFEST}: signed by key {report.signer_key_id}, which is not one of the trusted keys")


def _check_grant(folder: Path, manifest: dict[str, Any], key: PlatformKey | None, required: bool,
                 report: BundleReport) -> dict[int, tuple[bytes, str]] | None:
    """The platform's export grant and redaction attestations; the attested (leaf, redacted SHA-256) by seq, or
    None when they cannot be checked (no platform key)."""
    grant = manifest.get("grant")
    if key is None:
        if required:
            report.add(f"{MANIFEST}: the platform's export grant cannot be checked: no platform key (give "
                       "--platform-key, or pin the platform's key by using it once)")
        return None
    if not isinstance(grant, dict):
        report.add(f"{MANIFEST}: no export grant from the platform: the lead role was never confirmed by it")
        return {}
    signed = {k: v for k, v in grant.items() if k != "signature"}
    if not verify_platform_signature(key.public_key, signed, str(grant.get("signature", ""))):
        report.add(f"{MANIFEST}: the export grant is not signed by the platform key {key.key_id} (key "
                   f"{grant.get('key_id')}): another platform granted it, or it was altered")
        return {}
    requested = (manifest.get("requested_by") or {}).get("id")
    checks = [
        (grant.get("purpose") == "export-grant", "it is not an export grant"),
        ("lead" in (grant.get("roles") or []), f"the platform did not give {grant.get('user')} the lead role"),
        (grant.get("user") == requested, f"it was granted to {grant.get('user')}, the manifest names {requested}"),
        (grant.get("filter") == manifest.get("filter"), "it grants another filter than the export's"),
        (bool(grant.get("include_pii")) == (not manifest.get("pseudonymised")),
         "identities were exported without the platform granting it" if not manifest.get("pseudonymised")
         else "the grant allowed identities but the export pseudonymised them (harmless; still not the grant)"),
    ]
    for ok, why in checks:
        if not ok:
            report.add(f"{MANIFEST}: export grant {grant.get('grant_id')}: {why}")
    report.grant = f"{grant.get('user')}, granted {grant.get('granted_at')} by platform key {key.key_id}"
    return _attested(folder, key, str(grant.get("grant_id")), report)


def _attested(folder: Path, key: PlatformKey, grant_id: str, report: BundleReport) -> dict[int, tuple[bytes, str]]:
    attested: dict[int, tuple[bytes, str]] = {}
    path = folder / REDACTIONS
    if not path.is_file():
        return attested
    try:
        attestations = json.loads(path.read_text(encoding="utf-8"))["attestations"]
    except (ValueError, KeyError, TypeError, OSError) as exc:
        report.add(f"{REDACTIONS}: unreadable ({exc.__class__.__name__})")
        return attested
    for number, attestation in enumerate(attestations, 1):
        signed = {k: v for k, v in attestation.items() if k != "signature"}
        if (not verify_platform_signature(key.public_key, signed, str(attestation.get("signature", "")))
                or attestation.get("purpose") != "export-redactions" or attestation.get("grant_id") != grant_id):
            report.add(f"{REDACTIONS}: attestation {number} is not the platform's for grant {grant_id}")
            continue
        for item in attestation.get("items", []):
            attested[int(item["seq"])] = (bytes.fromhex(item["leaf"]), str(item["redacted_sha256"]))
    return attested


def _check_files(folder: Path, files: dict[str, str], report: BundleReport) -> None:
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST, SIGNATURE}
    for name in sorted(present - set(files)):
        report.add(f"{name}: not listed in the manifest (added after the export)")
    for name, digest in sorted(files.items()):
        if name not in present:
            report.add(f"{name}: missing (listed in the manifest)")
        elif sha256_file(folder / name) != digest:
            report.add(f"{name}: SHA-256 differs from the manifest (the file was changed)")


def _checkpoints(manifest: dict[str, Any], trusted: frozenset[str],
                 report: BundleReport) -> tuple[Checkpoint | None, Checkpoint | None]:
    keys = PublicKeys({key_id: bytes.fromhex(raw) for key_id, raw in manifest.get("keys", {}).items()})
    found: list[Checkpoint | None] = []
    for name in ("checkpoint_from", "checkpoint_to"):
        data = manifest.get(name)
        checkpoint = Checkpoint(**data) if data else None
        if checkpoint is not None:
            problem = checkpoint_problem(checkpoint, keys)
            if problem:
                report.add(f"{name} (seq {checkpoint.seq}): {problem}")
            if trusted and checkpoint.key_id not in trusted:
                report.add(f"{name}: signed by key {checkpoint.key_id}, which is not one of the trusted keys")
        found.append(checkpoint)
    start, end = found
    report.checkpoint_key_ids = tuple(sorted({c.key_id for c in found if c is not None}))
    if end is None:
        report.add(f"{MANIFEST}: no checkpoint_to")
        return start, None
    first, last = manifest["range"]["first_seq"], manifest["range"]["last_seq"]
    if first != (start.seq if start else 0) + 1 or last != end.seq:
        report.add(f"{MANIFEST}: range {first}..{last} does not run from checkpoint_from to checkpoint_to")
    return start, end


def _lines(path: Path, kind: str) -> Iterator[tuple[int, str, bytes]]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):  # splits on 0x0A only, never on U+2028
            found = _SEQ.match(line)  # every line starts with its seq; a line that does not sorts first and fails
            yield (int(found.group(1)) if found else -number), kind, line.rstrip(b"\n")


def _event(line: bytes) -> tuple[int, bytes, HeaderFields, str | None]:
    """(seq, leaf, filterable header, SHA-256 of the redacted envelope or None) of one line; ValueError when it is
    not a bundle line."""
    plain = _PLAIN_LINE.fullmatch(line)
    if plain is not None:
        envelope = plain.group(2)
        return int(plain.group(1)), leaf_hash(envelope), _header(envelope), None
    data = json.loads(line)
    return (int(data["seq"]), bytes.fromhex(data["leaf"]), header_fields(data["envelope"]),
            hashlib.sha256(canonical_json(data["envelope"])).hexdigest())


def _header(envelope: bytes) -> HeaderFields:
    """Parse only the header: RFC 8785 orders the keys body, event_id, hdr, log, v, and header values are strings
    (their quotes escaped), so the last `,"hdr":{` and the last `,"log":"` delimit it. Anything else is parsed
    whole."""
    start, end = envelope.rfind(b',"hdr":{'), envelope.rfind(b',"log":"')
    if 0 < start < end and envelope.startswith(b'{"body":'):
        return header_fields({"hdr": json.loads(envelope[start + 7:end])})
    return header_fields(json.loads(envelope))


def _check_chain(folder: Path, wanted: EventFilter, start: Checkpoint | None, end: Checkpoint, report: BundleReport,
                 progress: ProgressCallback | None, cancel: CancelToken | None,
                 attested: dict[int, tuple[bytes, str]] | None = None) -> None:
    chain = bytes.fromhex(start.chain_hash) if start else ZERO_HASH
    expected = report.first_seq
    total = max(0, report.last_seq - report.first_seq + 1)
    merged = heapq.merge(_lines(folder / EVENTS, EVENTS), _lines(folder / CONTEXT, CONTEXT))
    for done, (_order, kind, line) in enumerate(merged, start=1):
        try:
            seq, leaf, fields, redacted = _event(line)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            report.add(f"{kind}: line {line[:60]!r}… is not an exported event")
            return
        if seq != expected:
            what = "missing from the export" if seq > expected else "duplicated or out of order"
            report.add(f"seq {expected if seq > expected else seq}: {what} (the proven range is "
                       f"{report.first_seq}..{report.last_seq})")
            return
        chain = chain_hash(chain, seq, leaf)
        expected += 1
        if redacted is not None:
            report.redacted += 1
            if attested is not None and attested.get(seq) != (leaf, redacted):
                report.add(f"seq {seq}: a redacted line the platform did not attest: not a redaction of that event "
                           "(a recast or hidden event)")
        if kind == EVENTS:
            report.matching += 1
            if not matches(wanted, fields):
                report.add(f"seq {seq}: in {EVENTS} but does not match the filter")
        else:
            report.context += 1
            if matches(wanted, fields):
                report.add(f"seq {seq}: matches the filter but was withheld from {EVENTS}")
        if done % _PROGRESS_EVERY == 0:
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                return
            if progress is not None:
                progress(done, total)
    if expected <= report.last_seq:
        report.add(f"seq {expected}: missing from the export (the proven range ends at {report.last_seq})")
    elif chain.hex() != end.chain_hash:
        report.add(f"seq {report.first_seq}..{report.last_seq}: the events do not chain to checkpoint_to (seq "
                   f"{end.seq}): an event was altered")
    if progress is not None:
        progress(total, total)
