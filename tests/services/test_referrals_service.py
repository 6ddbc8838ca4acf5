"""ReferralService on a real SQLite audit log: four eyes enforced, every transition in the verified chain."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from moderator_app.core.audit import EventFilter
from moderator_app.core.models import CategoryId, PostId, PriorDecision, Role, User, UserId
from moderator_app.referrals.model import ReferralRefused, ReferralState
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.referrals import ReferralService, sort_for_queue
from tests.factories import BASE, queue_item
from tests.referrals.referral_support import PLATFORM_KEY, REQUEST, SUBMISSION, CountersigningPlatform

ITEM = queue_item(11, "明天下午三点我去学校门口动手，谁也拦不住", reasons=("violence",), reposts=3)


def user(name: str, lead: bool) -> User:
    return User(UserId(name), name, frozenset({Role.LEAD if lead else Role.MODERATOR}))


@pytest.fixture
def audit(open_log: Callable[..., AuditLogService], sqlite_url: str) -> AuditLogService:
    return open_log(sqlite_url)


@pytest.fixture
def services(audit: AuditLogService) -> dict[str, ReferralService]:
    history_calls: list[tuple[str, str]] = []

    def history(post_id: PostId, author_id: str) -> list[PriorDecision]:
        history_calls.append((post_id, author_id))
        return [PriorDecision(PostId("42"), "remove", (CategoryId("10.6"),), BASE)]

    return {name: ReferralService(audit, user(name, name.startswith("lead")), "ws-test", history,
                                  platform=CountersigningPlatform(name, lead=name.startswith("lead")),
                                  trusted_platform_keys=[PLATFORM_KEY])
            for name in ("mod1", "mod2", "lead1", "lead2")}


def test_the_whole_workflow_is_in_the_verified_audit_chain(services: dict[str, ReferralService],
                                                            audit: AuditLogService) -> None:
    referral = services["mod1"].create(ITEM, REQUEST)
    assert referral.state is ReferralState.PENDING_APPROVAL and referral.urgent
    assert referral.evidence["items"]["post"]["text"] == ITEM.post.text
    assert referral.evidence["items"]["author_history"]["prior_decisions"][0]["post_id"] == "42"
    services["lead1"].approve(referral.referral_id, "情况紧急，同意移送")
    services["lead1"].submit(referral.referral_id, SUBMISSION)
    closed = services["lead2"].close_referral(referral.referral_id, "已立案侦查")
    assert closed.state is ReferralState.CLOSED and closed.approved_by == "lead1"
    recorded = audit.events(EventFilter(subject=f"referral:{referral.referral_id}"))
    assert [(e.event_type, e.actor) for e in recorded] == [
        ("referral_created", "mod1"), ("referral_approved", "lead1"), ("referral_submitted", "lead1"),
        ("referral_closed", "lead2")]
    assert recorded[0].category == "10.7"
    report = audit.verify()
    assert report.ok and report.events_checked >= 4


def test_creator_and_moderators_are_refused_and_nothing_is_written(services: dict[str, ReferralService],
                                                                    audit: AuditLogService) -> None:
    mine = services["lead1"].create(ITEM, REQUEST)
    head = audit.store.head()[0]
    with pytest.raises(ReferralRefused, match="may not approve it"):
        services["lead1"].approve(mine.referral_id)
    with pytest.raises(ReferralRefused, match="only a team lead may approve"):
        services["mod2"].approve(mine.referral_id)
    assert audit.store.head()[0] == head
    assert services["lead2"].approve(mine.referral_id).approved_by == "lead2"


def test_a_rejected_referral_cannot_be_submitted(services: dict[str, ReferralService]) -> None:
    referral = services["mod1"].create(ITEM, REQUEST)
    rejected = services["lead1"].reject(referral.referral_id, "言论未达到报警标准，按删除处理")
    assert rejected.state is ReferralState.REJECTED
    with pytest.raises(ReferralRefused, match="was rejected and cannot be submitted"):
        services["lead2"].submit(referral.referral_id, SUBMISSION)
    with pytest.raises(ReferralRefused, match="not pending approval"):
        services["lead2"].approve(referral.referral_id)


def test_the_queue_lists_urgent_open_referrals_first(services: dict[str, ReferralService]) -> None:
    calm = services["mod1"].create(ITEM, replace(REQUEST, threat_to_life=False, urgent=False))
    urgent = services["mod2"].create(queue_item(12), REQUEST)
    done = services["mod1"].create(queue_item(13), REQUEST)
    services["lead1"].reject(done.referral_id, "重复")
    listed = services["lead1"].list()
    assert [r.referral_id for r in listed] == [urgent.referral_id, calm.referral_id, done.referral_id]
    assert services["lead1"].urgent_open_count() == 1
    assert sort_for_queue(list(reversed(listed))) == listed
    services["lead2"].approve(calm.referral_id)  # another service instance: the next refresh reads only the news
    later = services["mod1"].create(queue_item(14), REQUEST)
    relisted = {r.referral_id: r for r in services["lead1"].list()}
    assert relisted[calm.referral_id].state is ReferralState.APPROVED and later.referral_id in relisted


def test_an_unknown_referral_is_a_usage_error(services: dict[str, ReferralService]) -> None:
    from moderator_app.core.errors import UsageError

    with pytest.raises(UsageError, match="no referral 'R-nope'"):
        services["lead1"].approve("R-nope")


def test_a_tampered_referral_event_stops_the_export(services: dict[str, ReferralService], audit: AuditLogService,
                                                    sqlite_url: str, tmp_path) -> None:
    """Someone with database access softens the statement of suspicion: the chain no longer checks out, so no
    checkpoint is signed and no package is made."""
    from sqlalchemy import text

    from moderator_app.core.errors import CheckFailed
    from tests.audit_support import tamper

    referral = services["mod1"].create(ITEM, REQUEST)
    services["lead1"].approve(referral.referral_id)

    def soften(connection) -> None:
        softened = "CAST(replace(CAST(envelope AS TEXT), '动手', '散步') AS BLOB)"
        connection.execute(text(f"UPDATE audit_event SET envelope = {softened} WHERE seq = 1"))

    tamper(sqlite_url, soften)
    with pytest.raises(CheckFailed, match="does not check out"):
        services["lead1"].export_package(referral.referral_id, tmp_path / "out")
    assert not (tmp_path / "out" / f"referral-{referral.referral_id}").exists()
    assert not audit.verify().ok


def test_a_demo_session_refers_with_the_platforms_author_history(tmp_path) -> None:
    """The GUI's path: the referral service of a real logged-in session on the reference platform."""
    from moderator_app.services.demo import start_demo
    from moderator_app.services.referrals import referral_service_for

    demo = start_demo("mod1", data_dir=tmp_path, posts=300)
    try:
        service = referral_service_for(demo.session)
        assert service is not None and service.user.user_id == "mod1" and service.role == "moderator"
        item = next(i for i in demo.session.load_full_queue().items
                    if service.author_history(i))  # an author the platform has decided before
        referral = service.create(item, REQUEST)
        history = referral.evidence["items"]["author_history"]["prior_decisions"]
        assert history and history[0]["post_id"] and referral.evidence["capture"]["workstation"] == "demo-workstation"
        with pytest.raises(ReferralRefused, match="only a team lead may approve"):
            service.approve(referral.referral_id)
    finally:
        demo.close()
