"""Exports and their verification, for the CLI and the lead console: the audit log's checkpoint at the export, the
workstation's key signing the manifest, author pseudonyms by default, and an ``export_made`` audit event.

    result = export_audit(audit_log, ExportSpec(EventFilter(since=…), ("csv",), Path("out")), user, progress, cancel)
    report = verify_export(Path("out"))        # offline; report.ok, report.problems
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moderator_app import paths
from moderator_app.audit.exports.bundle import (
    FORMATS,
    Attest,
    ExportCancelled,
    ExportRequest,
    ExportResult,
    write_bundle,
)
from moderator_app.audit.exports.matching import filter_to_json
from moderator_app.audit.exports.pseudonyms import Pseudonymiser
from moderator_app.audit.exports.report_stats import find_cjk_font
from moderator_app.audit.exports.verify_bundle import BundleReport, verify_bundle
from moderator_app.audit.exports.views import export_language
from moderator_app.core.audit import AuditEvent, CancelToken, EventFilter, EventType, ProgressCallback
from moderator_app.core.errors import CheckFailed, PermissionDenied
from moderator_app.core.models import PlatformKey, User
from moderator_app.platform_api import PlatformClient
from moderator_app.platform_signature import verify_platform_signature
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.platform_key import pinned_platform_key
from moderator_app.services.secrets import pseudonym_key

__all__ = ["FORMATS", "BundleReport", "ExportCancelled", "ExportResult", "ExportSpec", "export_audit",
           "verify_export"]


@dataclass(frozen=True, slots=True)
class ExportSpec:
    wanted: EventFilter
    formats: tuple[str, ...]
    out: Path
    include_pii: bool = False
    language: str = "en"  # the column headers' and the PDF report's: "en", "zh" (or the UI's "zh_CN")


def export_audit(audit_log: AuditLogService, spec: ExportSpec, user: User, *, workstation: str,
                 progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                 data_dir: Path | None = None, platform: PlatformClient | None = None) -> ExportResult:
    """Write the bundle and record the export: a team-lead function (PermissionDenied for anyone else).

    ``platform`` (logged in as ``user``): the platform grants the export (a signed grant naming the lead, the
    filter and whether identities are included, checked against the pinned platform key) and attests every
    redacted line; the bundle carries both, and verify-export checks them."""
    if not user.is_lead:
        raise PermissionDenied(f"{user.user_id} is not a lead: only leads may export the audit log")
    grant = _grant(platform, spec, user) if platform is not None else None
    if "pdf" in spec.formats:
        find_cjk_font()  # before any work: a missing font is bad input, not a failure half-way
    folder = data_dir or paths.data_dir()
    head = audit_log.checkpoint("export")
    if head is None:
        raise CheckFailed("the audit log is empty or does not check out (see the alarm): nothing can be exported")
    pseudonymiser = None if spec.include_pii else Pseudonymiser(pseudonym_key(folder))
    request = ExportRequest(spec.wanted, spec.formats, spec.out, user.user_id, "lead", workstation,
                            export_language(spec.language))
    attest = _attester(platform, str(grant["grant_id"])) if platform is not None and grant is not None else None
    result = write_bundle(audit_log.store, request, head, audit_log.writer.key, pseudonymiser, progress, cancel,
                          grant=grant, attest=attest)
    audit_log.append(AuditEvent.new(
        EventType.EXPORT_MADE, actor=user.user_id, actor_role="lead", workstation=workstation,
        payload={"export_id": result.export_id, "filter": filter_to_json(spec.wanted), "formats": list(spec.formats),
                 "include_pii": spec.include_pii, "events": str(result.matching),
                 "grant_id": grant["grant_id"] if grant else None,
                 "range": f"{result.first_seq}..{result.last_seq}", "manifest_sha256": result.manifest_sha256,
                 "out": str(spec.out)}))
    return result


def _grant(platform: PlatformClient, spec: ExportSpec, user: User) -> dict[str, Any]:
    grant = platform.export_grant(filter_json=filter_to_json(spec.wanted), include_pii=spec.include_pii)
    key = pinned_platform_key(platform, paths.config_dir())
    signed = {k: v for k, v in grant.items() if k != "signature"}
    if not verify_platform_signature(key.public_key, signed, str(grant["signature"])):
        raise CheckFailed(f"the platform's export grant is not signed by its pinned key {key.key_id}")
    if grant.get("user") != user.user_id or "lead" not in (grant.get("roles") or []):
        raise PermissionDenied(f"the platform did not grant {user.user_id} a lead's export")
    return grant


REDACTION_BATCH = 500


def _attester(platform: PlatformClient, grant_id: str) -> Attest:
    def attest(lines: list[tuple[int, str, bytes, dict[str, Any], list[str]]]) -> list[dict[str, Any]]:
        items = [{"seq": seq, "leaf": leaf, "original": base64.b64encode(original).decode("ascii"),
                  "redacted": redacted, "paths": changed} for seq, leaf, original, redacted, changed in lines]
        return [platform.attest_redactions(grant_id, items[i:i + REDACTION_BATCH])
                for i in range(0, len(items), REDACTION_BATCH)]
    return attest


def verify_export(folder: Path, *, trusted_keys: frozenset[str] = frozenset(),
                  progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                  platform_key: PlatformKey | None = None, require_grant: bool = False) -> BundleReport:
    return verify_bundle(folder, trusted_keys=trusted_keys, progress=progress, cancel=cancel,
                         platform_key=platform_key, require_grant=require_grant)

