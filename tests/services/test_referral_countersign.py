"""Four eyes, countersigned, against the real reference platform and a real SQLite audit log: a lead approves with
their own platform login and the platform signs; an approval "by lead1" written on the creator's workstation with
no lead login is reported as forged by `audit verify`, by the referral views and by `referral verify-package`."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.audit import AuditEvent, EventType
from moderator_app.core.errors import PermissionDenied
from moderator_app.core.models import PlatformKey, Role, User, UserId
from moderator_app.platform_api import PlatformClient
from moderator_app.referrals.countersign import evidence_digest
from moderator_app.services.audit_service import AuditLogService, open_audit_log
from moderator_app.services.referrals import ReferralService, ReferralState
from tests.factories import queue_item
from tests.referrals.referral_support import REQUEST

REPO = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, check=False, env=dict(os.environ))


@pytest.fixture
def platform(platform_server: Callable[..., Any]) -> Any:
    return platform_server(posts=5)


@pytest.fixture
def audit(memory_keyring: object) -> Iterator[AuditLogService]:
    """The workstation's default audit log under MODAPP_DATA_DIR (the CLI opens the same one)."""
    log = open_audit_log(None, workstation="ws-mod1")
    try:
        yield log
    finally:
        log.close()


def logged_in(url: str, name: str) -> PlatformClient:
    client = PlatformClient(url)
    client.login(name, "demo")
    return client


def service(audit: AuditLogService, name: str, client: PlatformClient | None = None) -> ReferralService:
    role = Role.LEAD if name.startswith("lead") else Role.MODERATOR
    return ReferralService(audit, User(UserId(name), name, frozenset({role})), "ws-mod1", platform=client,
                           platform_key=client.platform_key if client else None)


def key_text(key: PlatformKey) -> str:
    return base64.b64encode(key.public_key).decode("ascii")


def test_a_lead_approves_with_their_own_login_and_the_package_checks_offline(
        platform: Any, audit: AuditLogService, tmp_path: Path) -> None:
    lead_client = logged_in(platform.url, "lead1")
    created = service(audit, "mod1").create(queue_item(5, "我知道他住哪，今晚就去砍人"), REQUEST, ())
    approved = service(audit, "lead1", lead_client).approve(created.referral_id, "同意移送")
    assert approved.state is ReferralState.APPROVED and approved.countersignature is not None
    assert approved.countersignature["signed"]["approver"] == "lead1"
    key = lead_client.platform_key()
    assert cli("audit", "verify", "--platform-key", key_text(key)).returncode == 0
    unknown = cli("referral", "export", "--id", created.referral_id, "--out", str(tmp_path / "out"))
    assert unknown.returncode == 2 and "pass --platform-key" in unknown.stderr  # nothing pinned on this machine
    exported = cli("referral", "export", "--id", created.referral_id, "--out", str(tmp_path / "out"), "--user",
                   "lead1", "--platform-key", key_text(key))
    assert exported.returncode == 0, exported.stderr
    package = tmp_path / "out" / f"referral-{created.referral_id}"
    key_file = tmp_path / "platform.pub"
    key_file.write_text(key_text(key) + "\n", encoding="ascii")
    checked = cli("referral", "verify-package", str(package), "--platform-key", str(key_file))
    assert checked.returncode == 0, checked.stderr
    assert f"countersigned by platform key {key.key_id} (checked against --platform-key)" in checked.stdout
    # Another platform's key (a forger's own "platform") is not the one the police desk was given.
    other = PlatformKey("0" * 16, bytes(32))
    wrong = cli("referral", "verify-package", str(package), "--platform-key", key_text(other))
    assert wrong.returncode == 1 and "not a trusted platform key" in wrong.stderr


def test_the_platform_refuses_a_moderator_and_the_creator(platform: Any, audit: AuditLogService) -> None:
    lead_created = service(audit, "lead1").create(queue_item(6, "转账到这个账户稳赚"), REQUEST, ())
    digest = evidence_digest(lead_created.evidence)
    with pytest.raises(PermissionDenied, match="created referral"):  # the platform's own four-eyes check
        logged_in(platform.url, "lead1").referral_decision(lead_created.referral_id, decision="approved",
                                                           evidence_digest=digest, created_by="lead1")
    # A moderator's token is refused by the platform even if the workstation is talked into calling it as a lead.
    posing = ReferralService(audit, User(UserId("mod2"), "mod2", frozenset({Role.LEAD})), "ws-mod1",
                             platform=logged_in(platform.url, "mod2"))
    with pytest.raises(PermissionDenied, match="Only a lead"):
        posing.approve(lead_created.referral_id)
    assert service(audit, "lead1").get(lead_created.referral_id).state is ReferralState.PENDING_APPROVAL


def test_a_forged_approval_on_the_creators_workstation_is_reported_everywhere(
        platform: Any, audit: AuditLogService, tmp_path: Path) -> None:
    key = logged_in(platform.url, "lead1").platform_key()
    referral = service(audit, "mod1").create(queue_item(7, "明天去学校门口动手"), REQUEST, ())
    # The attack: the creator's own workstation (its writer key) records "approved by lead1"; no lead logs in.
    audit.append(AuditEvent.new(EventType.REFERRAL_APPROVED, actor="lead1", workstation="ws-mod1",
                                actor_role="lead", subject=f"referral:{referral.referral_id}",
                                payload={"referral_id": referral.referral_id, "note": "同意"}))
    verified = cli("audit", "verify", "--platform-key", key_text(key))
    assert verified.returncode == 1
    assert f"forged: referral {referral.referral_id}: referral_approved by lead1" in verified.stdout + verified.stderr

    seen = ReferralService(audit, User(UserId("lead1"), "lead1", frozenset({Role.LEAD})), "ws-mod1",
                           trusted_platform_keys=[key]).get(referral.referral_id)
    assert seen.state is ReferralState.PENDING_APPROVAL and seen.approved_by is None
    assert "forged: no platform countersignature" in seen.anomalies[0]

    exported = cli("referral", "export", "--id", referral.referral_id, "--out", str(tmp_path / "out"),
                   "--platform-key", key_text(key))
    assert exported.returncode == 0, exported.stderr
    checked = cli("referral", "verify-package", str(tmp_path / "out" / f"referral-{referral.referral_id}"),
                  "--platform-key", key_text(key))
    assert checked.returncode == 1
    assert f"referral {referral.referral_id}: seq" in checked.stderr and "forged" in checked.stderr
    assert "Traceback" not in checked.stderr
