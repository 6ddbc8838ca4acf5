"""`moderator-app referral export|verify-package`, run as a user would (subprocesses, real files)."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moderator_app.core.models import Role, User, UserId
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.referrals import ReferralService
from tests.factories import queue_item
from tests.referrals.referral_support import PLATFORM_KEY, REQUEST, CountersigningPlatform

PLATFORM_KEY_TEXT = base64.b64encode(PLATFORM_KEY.public_key).decode("ascii")

REPO = Path(__file__).resolve().parents[2]


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), "referral", *args], capture_output=True, text=True,
                          timeout=120, check=False, env={**os.environ, "MODAPP_DATA_DIR": str(data_dir)})


@pytest.fixture
def referral_id(tmp_path: Path, memory_keyring: object) -> str:
    """A referral approved by a lead, in the workstation's default audit database under MODAPP_DATA_DIR."""
    audit = open_audit_log(None, workstation="ws-cli")
    try:
        mod = ReferralService(audit, User(UserId("mod1"), "mod1", frozenset({Role.MODERATOR})), "ws-cli")
        lead = ReferralService(audit, User(UserId("lead1"), "lead1", frozenset({Role.LEAD})), "ws-cli",
                               platform=CountersigningPlatform("lead1"), trusted_platform_keys=[PLATFORM_KEY])
        referral = mod.create(queue_item(5, "我知道他住哪，今晚就去砍人"), REQUEST)
        lead.approve(referral.referral_id)
        return referral.referral_id
    finally:
        audit.close()


def test_export_then_verify_then_tamper(referral_id: str, tmp_path: Path) -> None:
    data_dir = Path(os.environ["MODAPP_DATA_DIR"])
    exported = cli("export", "--id", referral_id, "--out", str(tmp_path / "out"), "--user", "lead1",
                   "--platform-key", PLATFORM_KEY_TEXT, data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    package = tmp_path / "out" / f"referral-{referral_id}"
    assert exported.stdout == f"wrote {package}\n"
    verified = cli("verify-package", str(package), "--platform-key", PLATFORM_KEY_TEXT, data_dir=data_dir)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith(f"intact: referral {referral_id} (approved), 2 audit events covered by")
    snapshot = package / "data" / "snapshot.json"
    snapshot.write_bytes(snapshot.read_bytes().replace("砍人".encode(), "打人".encode()))
    tampered = cli("verify-package", str(package), data_dir=data_dir)
    assert tampered.returncode == 1
    assert tampered.stderr.startswith("moderator-app referral: NOT intact: data/snapshot.json: altered")
    assert "Traceback" not in tampered.stderr


def test_bad_usage_is_exit_2_with_one_line(referral_id: str, tmp_path: Path) -> None:
    data_dir = Path(os.environ["MODAPP_DATA_DIR"])
    cases = [
        (("verify-package", str(tmp_path / "nowhere")), "is not a folder"),
        (("verify-package", str(tmp_path)), "is not an evidence package"),
        (("export", "--id", "R-00000000-NOPE", "--out", str(tmp_path / "o")), "no referral 'R-00000000-NOPE'"),
        (("export", "--out", str(tmp_path / "o")), "the following arguments are required: --id"),
        (("verify-package", str(tmp_path), "--platform-key", "not-a-key"), "--platform-key: "),
        (("export", "--id", referral_id, "--out", str(tmp_path / "o"), "--db", "mysql://x/y"), "mysql"),
    ]
    for args, message in cases:
        result = cli(*args, data_dir=data_dir)
        assert result.returncode == 2, (args, result.stderr)
        last = result.stderr.splitlines()[-1]  # a warning about the missing OS keyring may come first
        assert message in last and "Traceback" not in result.stderr, (args, result.stderr)
