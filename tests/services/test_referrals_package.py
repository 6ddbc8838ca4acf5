"""Evidence packages: built from a real audit log, intact when untouched, and any byte changed, file removed or
file added anywhere makes verify-package fail naming that file."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.errors import CheckFailed, UsageError
from moderator_app.core.models import Role, User, UserId
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.referrals import ReferralService, verify_package
from tests.factories import queue_item
from tests.referrals.referral_support import PLATFORM_KEY, REQUEST, SUBMISSION, CountersigningPlatform
from tests.services.test_referrals_service import ITEM


def lead_service(audit: AuditLogService) -> ReferralService:
    return ReferralService(audit, User(UserId("lead1"), "lead1", frozenset({Role.LEAD})), "ws-test",
                           platform=CountersigningPlatform("lead1"), trusted_platform_keys=[PLATFORM_KEY])


def make_package(audit: AuditLogService, out: Path) -> tuple[Path, str]:
    moderator = ReferralService(audit, User(UserId("mod1"), "mod1", frozenset({Role.MODERATOR})), "ws-test")
    lead = lead_service(audit)
    other = moderator.create(queue_item(99), REQUEST)  # another referral's events sit inside the chain segment
    referral = moderator.create(ITEM, REQUEST)
    lead.reject(other.referral_id, "重复")
    lead.approve(referral.referral_id)
    lead.submit(referral.referral_id, SUBMISSION)
    return lead.export_package(referral.referral_id, out), referral.referral_id


@pytest.fixture
def package(open_log: Callable[..., AuditLogService], sqlite_url: str, tmp_path: Path) -> tuple[Path, str]:
    return make_package(open_log(sqlite_url), tmp_path / "out")


def test_the_package_is_intact_and_holds_what_the_brief_lists(package: tuple[Path, str]) -> None:
    path, referral_id = package
    report = verify_package(path)
    assert (report.referral_id, report.state, report.events) == (referral_id, "submitted", 3)
    names = sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())
    assert names == ["bag-info.txt", "bagit.txt", "data/events.jsonl", "data/referral.pdf", "data/snapshot.json",
                     "manifest-sha256.txt", "tagmanifest-sha256.txt", "tagmanifest-sha256.txt.sig",
                     "verification/VERIFY.md", "verification/chain.json", "verification/checkpoint.json",
                     "verification/platform-key.json", "verification/writer-keys.json"]
    assert report.platform_key_id == PLATFORM_KEY.key_id and not report.platform_key_given
    assert report.writers == (report.key_id,)  # one workstation wrote every event here
    assert verify_package(path, platform_key=PLATFORM_KEY).platform_key_given
    events = [json.loads(line) for line in (path / "data/events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["envelope"]["hdr"]["type"] for e in events] == ["referral_created", "referral_approved",
                                                            "referral_submitted"]
    assert all(e["envelope"]["hdr"]["subject"] == f"referral:{referral_id}" for e in events)
    assert json.loads((path / "verification/checkpoint.json").read_text())["reason"] == "export"


def test_an_export_is_audited_and_never_overwrites(open_log: Callable[..., AuditLogService], sqlite_url: str,
                                                   tmp_path: Path) -> None:
    audit = open_log(sqlite_url)
    path, referral_id = make_package(audit, tmp_path / "out")
    exports = audit.events(EventFilter(subject=f"referral:{referral_id}", event_type=EventType.EXPORT_MADE))
    assert len(exports) == 1 and audit.verify().ok
    lead = lead_service(audit)
    with pytest.raises(UsageError, match="already exists"):
        lead.export_package(referral_id, tmp_path / "out")
    assert verify_package(path).referral_id == referral_id
    assert not list((tmp_path / "out").glob(".*partial"))


@pytest.mark.parametrize("change", ["alter", "remove"])
def test_every_file_altered_or_removed_is_named(package: tuple[Path, str], tmp_path: Path, change: str) -> None:
    original, _ = package
    for name in sorted(p.relative_to(original).as_posix() for p in original.rglob("*") if p.is_file()):
        copy = tmp_path / f"copy-{change}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(original, copy)
        target = copy / name
        if change == "alter":
            data = bytearray(target.read_bytes())
            middle = len(data) // 2
            data[middle] = (data[middle] + 1) % 256 if data[middle] != ord("\n") else ord(" ")
            target.write_bytes(bytes(data))
        else:
            target.unlink()
        with pytest.raises((CheckFailed, UsageError)) as failure:
            verify_package(copy)
        assert name in str(failure.value), (change, name, str(failure.value))


@pytest.mark.parametrize("added", ["data/extra.txt", "notes.txt", "verification/proof.json", "data/sub/x.bin"])
def test_an_added_file_is_named(package: tuple[Path, str], added: str) -> None:
    path, _ = package
    (path / added).parent.mkdir(parents=True, exist_ok=True)
    (path / added).write_text("补充材料", encoding="utf-8")
    with pytest.raises(CheckFailed, match=f"{added}: added"):
        verify_package(path)


def test_a_pinned_key_must_match(package: tuple[Path, str]) -> None:
    path, _ = package
    key_id = verify_package(path).key_id
    assert verify_package(path, expect_key=key_id).key_id == key_id
    with pytest.raises(CheckFailed, match="not 0000"):
        verify_package(path, expect_key="0000")


def test_the_pdf_is_chinese_with_the_font_embedded(package: tuple[Path, str]) -> None:
    pdf = package[0] / "data/referral.pdf"
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts, pdftotext) not installed")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "ReferralCJK" in line or "WenQuanYi" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts  # embedded (and subset)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "移送公安机关报告" in text and "学校门口动手" in text and "北京市公安局朝阳分局" in text
