"""Exports authorised by the platform (issue 15): the bundle carries the platform's signed export grant and its
attestation of every redacted line; a grant from another ("everyone is a lead") platform and a matching event
recast as a fake redacted line are both reported — the second passed verification before (reproduced here)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from exports.conftest import Export, resign

from moderator_app.core.audit import EventFilter
from moderator_app.core.errors import InvalidRequest
from moderator_app.core.models import PlatformKey
from moderator_app.platform_api import MemorySecretStore, PlatformClient
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.exports import verify_export
from moderator_app.services.platform import make_client


def lead_client(url: str) -> PlatformClient:
    client = make_client(url)
    client.secrets = MemorySecretStore()
    client.login("lead1", "demo")
    return client


@pytest.fixture
def platform(platform_server: Callable[..., Any]) -> Any:
    return platform_server(posts=5)


def real_key(platform: Any) -> PlatformKey:
    """What a reviewer obtained out of band: the real platform's key."""
    return make_client(platform.url).platform_key()


def test_the_bundle_carries_the_grant_and_attested_redactions(export: Export, platform: Any) -> None:
    result = export(EventFilter(), ("jsonl",), platform=lead_client(platform.url))
    manifest = json.loads((result.out / "manifest.json").read_bytes())
    assert manifest["grant"]["user"] == "lead1" and manifest["grant"]["include_pii"] is False
    assert (result.out / "verification" / "redactions.json").is_file()
    report = verify_export(result.out, platform_key=real_key(platform), require_grant=True)
    assert report.ok, report.problems
    assert report.redacted == 2 and report.grant.startswith("lead1, granted ")
    # without a platform key, a verifier that requires the grant says it cannot check it
    assert any("cannot be checked" in p for p in verify_export(result.out, require_grant=True).problems)


def test_a_grant_from_a_fake_lead_platform_fails(export: Export, platform: Any,
                                                 platform_server: Callable[..., Any]) -> None:
    fake = platform_server(posts=5)  # another platform: its own key, and it calls whoever it likes a lead
    result = export(EventFilter(), ("jsonl",), platform=lead_client(fake.url))
    assert verify_export(result.out, platform_key=real_key(fake), require_grant=True).ok  # its own word
    report = verify_export(result.out, platform_key=real_key(platform), require_grant=True)
    assert not report.ok
    assert any("not signed by the platform key" in p for p in report.problems)


def test_an_export_without_a_grant_fails_when_one_is_required(export: Export, platform: Any) -> None:
    result = export(EventFilter(), ("jsonl",))  # the workstation's own word that the user is a lead
    report = verify_export(result.out, platform_key=real_key(platform), require_grant=True)
    assert any("no export grant from the platform" in p for p in report.problems)


def _recast(folder: Path, audit_log: AuditLogService) -> int:
    """A lead holding the workstation key moves a matching event out of the export as a fake "redacted" line
    with another actor (so it no longer matches), keeping its true leaf so the chain still verifies."""
    events = folder / "data" / "events.jsonl"
    lines = events.read_bytes().splitlines(keepends=True)
    victim = next(line for line in lines if b'"leaf"' not in line)
    seq = json.loads(victim)["seq"]
    envelope = json.loads(victim)["envelope"]
    record = next(audit_log.store.iter_events(seq, seq))
    envelope["hdr"]["actor"]["id"] = "someone-else"
    fake = json.dumps({"seq": seq, "leaf": bytes(record[2]).hex(), "redacted": ["body.author_id"],
                       "envelope": envelope}, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
    events.write_bytes(b"".join(line for line in lines if line is not victim))
    context = folder / "verification" / "context.jsonl"
    ordered = sorted([*context.read_bytes().splitlines(keepends=True), fake], key=lambda line: json.loads(line)["seq"])
    context.write_bytes(b"".join(ordered))
    manifest = json.loads((folder / "manifest.json").read_bytes())
    manifest["counts"]["matching"] -= 1
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    resign(folder, audit_log)
    return int(seq)


def test_a_recast_redacted_line_is_reported(export: Export, audit_log: AuditLogService, platform: Any) -> None:
    result = export(EventFilter(actor="mod2"), ("jsonl",), platform=lead_client(platform.url))
    seq = _recast(result.out, audit_log)
    assert verify_export(result.out).ok  # the attack: without the platform's attestation it passed
    report = verify_export(result.out, platform_key=real_key(platform), require_grant=True)
    assert f"seq {seq}: a redacted line the platform did not attest: not a redaction of that event (a recast or " \
           "hidden event)" in report.problems
    # and the platform will not attest the recast line: its header is not the event's
    client = lead_client(platform.url)
    grant = json.loads((result.out / "manifest.json").read_bytes())["grant"]
    line = next(json.loads(x) for x in (result.out / "verification" / "context.jsonl").read_bytes().splitlines()
                if json.loads(x)["seq"] == seq)
    original = bytes(next(audit_log.store.iter_events(seq, seq))[1])
    with pytest.raises(InvalidRequest, match="not a redaction"):
        client.attest_redactions(grant["grant_id"], [{
            "seq": seq, "leaf": line["leaf"], "original": base64.b64encode(original).decode(),
            "redacted": line["envelope"], "paths": line["redacted"]}])
