"""The referral dialog (key P) and the leads' referral queue, on a real SQLite audit log behind a fake review
session: what a moderator and a lead see and can do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from moderator_app.core.models import Role, User, UserId
from moderator_app.referrals.model import ReferralState
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.referrals import ReferralService, verify_package
from moderator_app.settings import Settings
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.referral_dialog import ReferralDialog
from moderator_app.ui.referral_queue import ReferralQueueDialog
from tests.factories import queue_item
from tests.referrals.referral_support import PLATFORM_KEY, REQUEST, CountersigningPlatform
from tests.ui.conftest import activate
from tests.ui.fake_service import FakeReviewService


def service_for(audit: AuditLogService, name: str) -> ReferralService:
    role = Role.LEAD if name.startswith("lead") else Role.MODERATOR
    return ReferralService(audit, User(UserId(name), name, frozenset({role})), "ws-ui",
                           platform=CountersigningPlatform(name, lead=role is Role.LEAD),
                           trusted_platform_keys=[PLATFORM_KEY])


@pytest.fixture
def audit(open_log: Callable[..., AuditLogService], sqlite_url: str) -> AuditLogService:
    return open_log(sqlite_url)


def open_window(qtbot, audit: AuditLogService, *, lead: bool) -> tuple[MainWindow, FakeReviewService]:
    fake = FakeReviewService(lead=lead)
    fake.referrals = ReferralService(  # type: ignore[attr-defined]
        audit, fake.user, "ws-ui", lambda post_id, author_id: fake.context(post_id, author_id).history,
        platform=CountersigningPlatform(fake.user.user_id, lead=lead), trusted_platform_keys=[PLATFORM_KEY])
    window = MainWindow(Settings(undo_seconds=1), fake.pack)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.attach(fake)
    qtbot.waitUntil(lambda: window.post_pane.item is not None)
    return window, fake


def dialog_of(window: MainWindow) -> ReferralDialog:
    return window.findChild(ReferralDialog, "referral_dialog")


def test_p_opens_the_dialog_and_sending_records_an_urgent_referral(qtbot, audit: AuditLogService) -> None:
    window, _fake = open_window(qtbot, audit, lead=False)
    qtbot.keyClick(window, "8")  # cite 10.8 in the decision bar: the dialog takes it over
    qtbot.keyClick(window, "P")
    qtbot.waitUntil(lambda: dialog_of(window) is not None and dialog_of(window).isVisible())
    dialog = dialog_of(window)
    assert dialog.category_boxes["10.8"].isChecked() and not dialog.category_boxes["10.7"].isChecked()
    dialog.send.click()  # nothing filled in yet: refused with the reason, nothing written
    qtbot.waitUntil(lambda: "legal basis is required" in dialog.problem.text())
    assert service_for(audit, "lead1").list() == []
    dialog.basis_pick.activated.emit(3)  # a quick pick: Art. 42 of the public-security punishments law
    assert "第四十二条" in dialog.basis.toPlainText()
    dialog.suspicion.setPlainText("扬言到学校门口动手，时间地点具体。")
    dialog.threat.setChecked(True)
    assert dialog.urgent.isChecked() and not dialog.urgent.isEnabled()
    dialog.keep.setChecked(True)
    dialog.send.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [referral] = service_for(audit, "lead1").list()
    assert referral.urgent and referral.created_by == "mod1" and referral.state is ReferralState.PENDING_APPROVAL
    assert referral.request.content_handling.value == "keep_visible"
    assert referral.evidence["items"]["author_history"]["prior_decisions"][0]["post_id"] == "1"
    label = window.findChild(QLabel, "status_urgent_referrals")
    qtbot.waitUntil(lambda: label.isVisible() and label.text().endswith("1"))
    assert window.decision_actions["remove"].isEnabled()  # the post can still be decided as usual
    assert window.statusBar().currentMessage() == f"Referral {referral.referral_id} sent for approval"
    window.close()


def test_the_lead_queue_puts_urgent_first_and_enforces_four_eyes(qtbot, audit: AuditLogService,
                                                                 tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    calm = service_for(audit, "mod1").create(queue_item(1), REQUEST.__class__(
        categories=("10.11",), legal_basis=("刑法第三百零三条",), suspicion="组织网络赌博",
        content_handling=REQUEST.content_handling))
    urgent = service_for(audit, "mod2").create(queue_item(2), REQUEST)
    own = service_for(audit, "lead1").create(queue_item(3), REQUEST)
    window, _fake = open_window(qtbot, audit, lead=True)
    window.referrals.queue_action.trigger()
    queue = window.findChild(ReferralQueueDialog, "referral_queue")
    qtbot.waitUntil(lambda: queue is not None and queue.table.rowCount() == 3)
    order = [queue.table.item(row, 1).text() for row in range(3)]
    assert order[2] == calm.referral_id and set(order[:2]) == {urgent.referral_id, own.referral_id}
    assert queue.table.item(0, 0).text() == "URGENT"
    queue.table.selectRow(order.index(own.referral_id))
    assert not queue.buttons["approve"].isEnabled()  # the lead created it: four eyes
    assert "four eyes" in queue.buttons["approve"].toolTip(), "a disabled button says why"
    queue.table.selectRow(order.index(urgent.referral_id))
    assert queue.buttons["approve"].isEnabled() and not queue.buttons["submit"].isEnabled()
    assert "扬言" in queue.detail.toPlainText() and urgent.referral_id in queue.detail.toPlainText()
    queue.buttons["reject"].click()  # no reason typed
    qtbot.waitUntil(lambda: "reason for the rejection is required" in queue.problem.text())
    queue.buttons["approve"].click()
    qtbot.waitUntil(lambda: queue.selected is not None and queue.selected.state is ReferralState.APPROVED)
    assert asked and urgent.referral_id in asked[0], "approval is confirmed first"
    queue.unit.setText("北京市公安局朝阳分局")
    queue.receipt.setText("京公(朝)受字〔2026〕88号")
    queue.handed_by.setText("lead1")
    queue.buttons["submit"].click()
    qtbot.waitUntil(lambda: queue.selected is not None and queue.selected.state is ReferralState.SUBMITTED)
    queue.export_to(tmp_path)
    qtbot.waitUntil(lambda: "Evidence package written" in queue.problem.text())
    assert verify_package(tmp_path / f"referral-{urgent.referral_id}").state == "submitted"
    assert audit.verify().ok
    window.close()


def test_a_moderator_sees_the_queue_but_cannot_approve(qtbot, audit: AuditLogService) -> None:
    service_for(audit, "mod2").create(queue_item(2), REQUEST)
    window, _fake = open_window(qtbot, audit, lead=False)
    queue = window.referrals.open_queue()
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1 and queue.selected is not None)
    assert not any(queue.buttons[name].isEnabled() for name in ("approve", "reject", "submit", "close"))
    assert queue.buttons["export"].isEnabled()
    named = [label for label in queue.findChildren(QLabel) if label.objectName()]  # the ones showing data
    assert named and all(label.textFormat() == Qt.TextFormat.PlainText for label in named)
    window.close()


def test_the_queue_is_one_window_that_refreshes(qtbot, audit: AuditLogService) -> None:
    window, _fake = open_window(qtbot, audit, lead=True)
    queue = window.referrals.open_queue()
    qtbot.waitUntil(lambda: queue.table.rowCount() == 0 and not queue.buttons["export"].isEnabled())
    service_for(audit, "mod1").create(queue_item(4), REQUEST)
    assert window.referrals.open_queue() is queue
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1)
    window.close()


def test_the_referral_queue_shows_hostile_text_as_marks(qtbot, audit: AuditLogService) -> None:
    from dataclasses import replace

    from moderator_app.core.models import Author, AuthorId

    item = queue_item(4, "下载 \u202egpj.exe 零\u200b宽")
    item = replace(item, post=replace(item.post, author=Author(AuthorId("u4"), "客服\u202eofni", None)))
    service_for(audit, "mod2").create(item, REQUEST.__class__(
        categories=("10.11",), legal_basis=("刑法第三百零三条",), suspicion="诈骗\u2067链接\u2069",
        content_handling=REQUEST.content_handling))
    window, _fake = open_window(qtbot, audit, lead=True)
    window.referrals.queue_action.trigger()
    queue = window.findChild(ReferralQueueDialog, "referral_queue")
    qtbot.waitUntil(lambda: queue is not None and queue.table.rowCount() == 1)
    queue.table.selectRow(0)
    detail = queue.detail.toPlainText()
    assert "下载 <U+202E>gpj.exe 零<U+200B>宽" in detail and "客服<U+202E>ofni" in detail
    assert "诈骗<U+2067>链接<U+2069>" in detail
    assert not any(ch in detail for ch in "\u202e\u200b\u2067\u2069")
    window.close()


def test_a_lead_finds_approvals_under_the_team_lead_menu_with_the_pending_count(qtbot, audit: AuditLogService) -> None:
    from PySide6.QtWidgets import QMenu

    service_for(audit, "mod1").create(queue_item(1), REQUEST)
    service_for(audit, "mod2").create(queue_item(2), REQUEST)
    window, _fake = open_window(qtbot, audit, lead=True)
    window.lead_menu = None  # the fake session has no lead console: install the menu as for a real lead's session
    from moderator_app.ui.lead.menu import LeadMenu

    LeadMenu(window, window.runner, object())  # type: ignore[arg-type]
    menu = window.findChild(QMenu, "menu_team_lead")
    approvals = window.referrals.approvals_action
    assert approvals in menu.actions()
    qtbot.waitUntil(lambda: "(2 pending)" in approvals.text())
    approvals.trigger()
    queue = window.findChild(ReferralQueueDialog, "referral_queue")
    qtbot.waitUntil(lambda: queue is not None and queue.table.rowCount() == 2)
    window.close()


def test_a_forged_approval_shows_as_not_approved(qtbot, audit: AuditLogService) -> None:
    """An approval written "by lead1" on the creator's workstation, without the platform's countersignature."""
    from moderator_app.core.audit import AuditEvent, EventType

    referral = service_for(audit, "mod1").create(queue_item(5), REQUEST)
    audit.append(AuditEvent.new(EventType.REFERRAL_APPROVED, actor="lead1", workstation="ws-ui", actor_role="lead",
                                subject=f"referral:{referral.referral_id}",
                                payload={"referral_id": referral.referral_id, "note": ""}))
    window, _fake = open_window(qtbot, audit, lead=True)
    queue = window.referrals.open_queue()
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1 and queue.selected is not None)
    assert queue.selected.state is ReferralState.PENDING_APPROVAL and queue.selected.approved_by is None
    assert queue.table.item(0, 2).text() == queue._text.state_label(ReferralState.PENDING_APPROVAL)
    assert "forged: no platform countersignature" in queue.detail.toPlainText()
    assert not queue.buttons["submit"].isEnabled()
    window.close()
