"""The referral PDF says only what is true, read back from the PDF itself (pdftotext, pdfimages), for a referral
made on a real demo session against the reference platform: removal requested versus confirmed by the platform,
the post's image in the package and on the page, the category's article text in Chinese, Beijing time, no
English labels."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.models import CategoryId, Role, User, UserId
from moderator_app.services.demo import DemoWorkstation, start_demo
from moderator_app.services.referrals import ContentHandling, ReferralRequest, ReferralService, referral_service_for

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
RUMOUR = ReferralRequest(categories=("10.6",), legal_basis=("《刑法》第二百九十一条之一（编造、故意传播虚假信息罪）",),
                         suspicion="编造疫情谣言并大量转发，造成恐慌。", content_handling=ContentHandling.REMOVE)
# English words the old report printed as labels or values: field names, reason codes, roles, the method line.
ENGLISH = ("rumour", "（moderator）", "（lead）", "(lead)", "platform API snapshot", "UTC", "SHA-256 post",
           "snapshot.json SHA-256", "RFC 8785 canonical", "remove", "keep_visible", "user_report")


@pytest.fixture
def demo(tmp_path: Path, memory_keyring: object) -> Iterator[DemoWorkstation]:
    started = start_demo("lead1", data_dir=tmp_path / "data", posts=300)
    try:
        yield started
    finally:
        started.close()


def pdf_text(package: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(package / "data/referral.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout


def refer_post_with_image(demo: DemoWorkstation) -> tuple[ReferralService, ReferralService, str, str]:
    lead = referral_service_for(demo.session)
    assert lead is not None
    item = next(i for i in demo.session.load_full_queue().items if any(m.kind == "image" for m in i.post.media))
    creator = ReferralService(demo.session.audit, User(UserId("mod1"), "mod1", frozenset({Role.MODERATOR})),
                              "ws-mod1", media=demo.session.media_content)
    referral = creator.create(item, RUMOUR, ())
    return creator, lead, referral.referral_id, item.post_id


def test_requested_removal_without_the_platforms_acknowledgement_is_not_called_removed(
        demo: DemoWorkstation, tmp_path: Path) -> None:
    _creator, lead, referral_id, post_id = refer_post_with_image(demo)
    package = lead.export_package(referral_id, tmp_path / "first")
    text = pdf_text(package)
    assert "已申请删除，平台尚未确认" in text and "已删除：" not in text
    assert "第十条第（六）项 散布谣言，扰乱社会秩序，破坏社会稳定的" in text.replace("\n", "")
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）", text)
    assert not re.search(r"\d\d:\d\d:\d\d\.\d{6}", text), "times with microseconds"
    leftover = [word for word in ENGLISH if word in text] + re.findall(r"\bmoderator\b(?!-app)", text)
    assert not leftover, leftover

    # The image: bytes in the package under their hash, the hash in the signed evidence, and drawn on the page.
    snapshot = json.loads((package / "data/snapshot.json").read_text(encoding="utf-8"))
    images = [m for m in snapshot["items"]["post"]["media"] if m["kind"] == "image"]
    assert images and all(m["sha256"] for m in images)
    for entry in images:
        stored = package / "data/media" / f"{entry['sha256']}.png"
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == entry["sha256"]
        assert stored.read_bytes() == demo.session.media_content(entry["media_id"])
        assert entry["sha256"] in text.replace("\n", "")
    listed = subprocess.run(["pdfimages", "-list", str(package / "data/referral.pdf")], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert len(listed) == len(images), listed

    # Once the lead removes the post and the platform acknowledges it, a new export says so.
    decision = Decision(post_id, DecisionKind.REMOVE, (CategoryId("10.6"),), "", UserId("lead1"), datetime.now(UTC),
                        str(uuid.uuid4()))
    demo.session.decide(decision, ())
    delivered = EventFilter(subject=f"post:{post_id}", event_type=EventType.DECISION_DELIVERED)
    for _attempt in range(20):
        if demo.session.audit.events(delivered):
            break
        demo.session.outbox.deliver_pending()
    assert demo.session.audit.events(delivered)
    confirmed = pdf_text(lead.export_package(referral_id, tmp_path / "second"))
    assert "已删除：平台已于" in confirmed and "确认处置：删除" in confirmed and "尚未确认" not in confirmed


def test_an_altered_or_swapped_image_is_named(demo: DemoWorkstation, tmp_path: Path) -> None:
    from moderator_app.core.errors import CheckFailed
    from moderator_app.services.referrals import verify_package

    _creator, lead, referral_id, _post_id = refer_post_with_image(demo)
    package = lead.export_package(referral_id, tmp_path / "out")
    image = next((package / "data/media").glob("*.png"))
    image.write_bytes(image.read_bytes()[:-1] + b"\x00")
    with pytest.raises(CheckFailed, match=f"data/media/{image.name}"):
        verify_package(package)
