"""Exports and their verification, for the CLI and the lead console: the audit log's checkpoint at the export, the
workstation's key signing the manifest, author pseudonyms by default, and an ``export_made`` audit event.

    result = export_audit(audit_log, ExportSpec(EventFilter(since=…), ("csv",), Path("out")), user, progress, cancel)
    report = verify_export(Path("out"))        # offline; report.ok, report.problems
"""

from __future__ import annotations

import base64
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from moderator_app import paths
from moderator_app.audit.exports.bundle import FORMATS, ExportCancelled, ExportRequest, ExportResult, write_bundle
from moderator_app.audit.exports.matching import filter_to_json
from moderator_app.audit.exports.pseudonyms import Pseudonymiser
from moderator_app.audit.exports.report_stats import find_cjk_font
from moderator_app.audit.exports.verify_bundle import BundleReport, verify_bundle
from moderator_app.audit.exports.views import export_language
from moderator_app.core.audit import AuditEvent, CancelToken, EventFilter, EventType, ProgressCallback
from moderator_app.core.errors import CheckFailed, PermissionDenied
from moderator_app.core.models import User
from moderator_app.services.audit_keys import KEYRING_SERVICE
from moderator_app.services.audit_service import AuditLogService

__all__ = ["FORMATS", "BundleReport", "ExportCancelled", "ExportResult", "ExportSpec", "export_audit",
           "verify_export"]
log = logging.getLogger(__name__)
PSEUDONYM_KEY_NAME = "export-pseudonym-key"


@dataclass(frozen=True, slots=True)
class ExportSpec:
    wanted: EventFilter
    formats: tuple[str, ...]
    out: Path
    include_pii: bool = False
    language: str = "en"  # the column headers' and the PDF report's: "en", "zh" (or the UI's "zh_CN")


def export_audit(audit_log: AuditLogService, spec: ExportSpec, user: User, *, workstation: str,
                 progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                 data_dir: Path | None = None) -> ExportResult:
    """Write the bundle and record the export: a team-lead function (PermissionDenied for anyone else)."""
    if not user.is_lead:
        raise PermissionDenied(f"{user.user_id} is not a lead: only leads may export the audit log")
    if "pdf" in spec.formats:
        find_cjk_font()  # before any work: a missing font is bad input, not a failure half-way
    folder = data_dir or paths.data_dir()
    head = audit_log.checkpoint("export")
    if head is None:
        raise CheckFailed("the audit log is empty or does not check out (see the alarm): nothing can be exported")
    pseudonymiser = None if spec.include_pii else Pseudonymiser(pseudonym_key(folder))
    request = ExportRequest(spec.wanted, spec.formats, spec.out, user.user_id, "lead", workstation,
                            export_language(spec.language))
    result = write_bundle(audit_log.store, request, head, audit_log.writer.key, pseudonymiser, progress, cancel)
    audit_log.append(AuditEvent.new(
        EventType.EXPORT_MADE, actor=user.user_id, actor_role="lead", workstation=workstation,
        payload={"export_id": result.export_id, "filter": filter_to_json(spec.wanted), "formats": list(spec.formats),
                 "include_pii": spec.include_pii, "events": str(result.matching),
                 "range": f"{result.first_seq}..{result.last_seq}", "manifest_sha256": result.manifest_sha256,
                 "out": str(spec.out)}))
    return result


def verify_export(folder: Path, *, trusted_keys: frozenset[str] = frozenset(),
                  progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> BundleReport:
    return verify_bundle(folder, trusted_keys=trusted_keys, progress=progress, cancel=cancel)


def pseudonym_key(data_dir: Path) -> bytes:
    """The HMAC key for author pseudonyms: in the keyring, else (no keyring) in a 0600 file next to the signing key."""
    try:
        stored = keyring.get_password(KEYRING_SERVICE, PSEUDONYM_KEY_NAME)
        if stored:
            return base64.b64decode(stored)
        if not (data_dir / PSEUDONYM_KEY_NAME).exists():
            key = secrets.token_bytes(32)
            keyring.set_password(KEYRING_SERVICE, PSEUDONYM_KEY_NAME, base64.b64encode(key).decode("ascii"))
            return key
    except KeyringError as exc:
        log.debug("no usable keyring for the pseudonym key: %s", exc)
    return _file_secret(data_dir / PSEUDONYM_KEY_NAME)


def _file_secret(path: Path) -> bytes:
    if path.exists():
        return base64.b64decode(path.read_text(encoding="ascii").strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(base64.b64encode(key).decode("ascii") + "\n")
    return key
