"""Blind second reviews in the review screen: marked rows in the queue, the post only, the usual keys.

The first tests use the fake service; the last one the real demo platform, the real audit log and the lead's pane.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from moderator_app.core.audit import EventFilter, EventType
from moderator_app.core.decisions import DecisionKind
from moderator_app.core.lead import ReviewTask
from moderator_app.core.models import CategoryId, Evidence, Role, Suggestion, User, UserId
from moderator_app.services.demo import DemoWorkstation, start_demo
from moderator_app.services.lead_console import LeadConsole
from moderator_app.services.platform import make_client
from moderator_app.services.review import SecondReview
from moderator_app.settings import Settings
from moderator_app.ui.lead.review_quality import ReviewQualityPane
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.queue.filtering import Column
from tests.factories import BASE, queue_item
from tests.ui.conftest import activate, open_review_window
from tests.ui.fake_service import FakeReviewService

MARK = "[2nd review]"


def second_review(n: int, text: str) -> SecondReview:
    item = queue_item(n, text, reasons=("gambling",), flagged_minutes_ago=3000)
    start = text.index("百家乐")
    top = Suggestion(CategoryId("10.7"), 0.9, (Evidence("lexicon", "百家乐", 0.6, span=(start, start + 3)),))
    task = ReviewTask(f"req-{n}", f"post:{item.post_id}", "mod1", "2026-11-30T08:00:00.000000Z")
    return SecondReview((task,), item, (top,), BASE)


@pytest.fixture
def reviewing(qtbot) -> Iterator[tuple[MainWindow, FakeReviewService, SecondReview]]:
    service = FakeReviewService()
    review = second_review(90, "复核帖子 百家乐 开户")
    service.reviews.append(review)
    window = open_review_window(qtbot, service, Settings(undo_seconds=1))
    qtbot.waitUntil(lambda: window.queue_model.row_of(review.post_id) is not None)
    yield window, service, review
    window.close()


def row_text(window: MainWindow, post_id: str) -> str:
    model = window.queue_model
    return str(model.data(model.index(model.row_of(post_id), Column.TEXT)))


def test_a_second_review_is_marked_in_the_queue_and_can_be_filtered(qtbot, reviewing) -> None:
    window, service, review = reviewing
    assert row_text(window, review.post_id).startswith(MARK)
    assert not row_text(window, service.queue[2].post_id).startswith(MARK), "new posts carry no mark"
    only = window.queue_pane.second_reviews
    assert only.isVisible() and only.text() == "2nd reviews only (1)"
    only.click()
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 1)
    assert window.queue_model.visible_ids() == (review.post_id,)
    assert window.post_pane.item.post_id == review.post_id, "the filter lands on the second review"
    assert window.post_pane.second_review.isVisible()


def test_the_first_decision_is_not_shown(qtbot, reviewing) -> None:
    window, service, review = reviewing
    window.queue_pane.select(review.post_id)
    assert window.post_pane.second_review.isVisible()
    # The fake platform's author history holds this post's own first decision (restrict_author 10.3), like a real one.
    qtbot.waitUntil(lambda: window.post_pane.history.count() == 1)
    history = window.post_pane.history.item(0).text()
    assert "restrict_author" not in history and "10.3" not in history
    window.queue_pane.select(service.queue[2].post_id)
    assert not window.post_pane.second_review.isVisible(), "the banner is for second reviews only"


def test_the_decision_keys_record_a_verdict_not_a_decision(qtbot, reviewing) -> None:
    window, service, review = reviewing
    window.queue_pane.select(review.post_id)
    qtbot.keyClick(window, "C")  # "apply to similar" is on; a second review is still one post
    qtbot.keyClick(window, "7")
    qtbot.keyClick(window, "D")
    assert window.post_pane.item.post_id != review.post_id, "the next post is shown at once"
    assert window.undo_banner.text().startswith("2nd review: Remove (stop) — recorded in 1 s")
    assert window.queue_pane.second_reviews.isHidden(), "no second review is waiting any more"
    qtbot.waitUntil(lambda: len(service.verdicts) == 1, timeout=5000)
    assert service.verdicts == [(review, DecisionKind.REMOVE, ("10.7",))]
    assert service.decided == [], "nothing goes to the platform"


def test_undo_brings_the_second_review_back(qtbot, reviewing) -> None:
    window, service, review = reviewing
    window.queue_pane.select(review.post_id)
    qtbot.keyClick(window, "A")
    qtbot.keyClick(window, "Z", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.post_pane.item.post_id == review.post_id and window.post_pane.second_review.isVisible()
    assert row_text(window, review.post_id).startswith(MARK)
    assert window.queue_pane.second_reviews.text() == "2nd reviews only (1)"
    window.controller.flush()
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert service.verdicts == [] and service.decided == []


def test_a_refresh_keeps_a_reviewed_post_out(qtbot, reviewing) -> None:
    window, service, review = reviewing
    window.queue_pane.select(review.post_id)
    qtbot.keyClick(window, "A")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(service.verdicts) == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert window.queue_model.row_of(review.post_id) is None


def test_a_second_review_answered_elsewhere_leaves_the_queue_on_refresh(qtbot, reviewing) -> None:
    window, service, review = reviewing
    window.queue_pane.select(review.post_id)
    service.reviews.clear()  # e.g. recorded on the moderator's other workstation
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.queue_model.row_of(review.post_id) is None)
    assert window.post_pane.item is not None and window.post_pane.item.post_id != review.post_id
    assert window.queue_pane.second_reviews.isHidden()


# --- the real workstation ------------------------------------------------------------------------------------------
@pytest.fixture
def demo_reviewer(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, DemoWorkstation]]:
    demo = start_demo("mod1", data_dir=tmp_path, posts=120, second_reviews=2)
    window = MainWindow(Settings(undo_seconds=0), demo.session.pack)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.attach(demo.session)
    qtbot.waitUntil(lambda: window.queue_pane.second_reviews.text() == "2nd reviews only (2)", timeout=20_000)
    yield window, demo
    window.close()
    demo.close()


def category_key(category: str) -> str:
    number = int(category.split(".")[1])
    return str(number) if number < 10 else "0" if number == 10 else "-"


def visible_texts(window: MainWindow) -> str:
    pane = window.post_pane
    texts = [pane.author.text(), pane.meta.text(), pane.sla.text(), pane.text.toPlainText()]
    texts += [lst.item(i).text() for lst in (pane.reports, pane.history) for i in range(lst.count())]
    model = window.queue_model
    texts += [str(model.data(model.index(row, c))) for row in range(model.rowCount()) for c in Column]
    return "\n".join(texts)


def test_a_moderator_decides_blind_reviews_by_keys_and_the_lead_sees_agreement(qtbot, demo_reviewer) -> None:
    window, demo = demo_reviewer
    session = demo.session
    firsts = {e.subject.removeprefix("post:"): e for e in session.audit.events(
        EventFilter(event_type=EventType.DECISION_RECORDED), limit=10)}
    assert {e.actor for e in firsts.values()} == {"mod2"} and len(firsts) == 2
    lead = make_client(demo.server.url)
    lead.login("lead1", "demo")

    contexts: list[str] = []  # posts whose author history reached the screen while they were on it
    original = window.controller._on_context

    def on_context(context) -> None:
        original(context)
        if window.post_pane.item is not None and window.post_pane.item.post_id == context.post_id:
            contexts.append(context.post_id)

    window.controller._on_context = on_context
    window.queue_pane.second_reviews.click()  # only the second reviews
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 2)
    window.queue_pane.select_row(1)
    window.queue_pane.select_row(0)  # shown afresh, whatever was on screen before
    agree = True
    for _ in range(2):
        qtbot.waitUntil(lambda: window.post_pane.item is not None
                        and window.post_pane.item.post_id in firsts and window.post_pane.item.post_id in contexts,
                        timeout=20_000)
        item = window.post_pane.item
        assert window.post_pane.second_review.isVisible()
        assert row_text(window, item.post_id).startswith(MARK)
        # Blind: the platform's author history lists this post's first decision; the screen does not.
        on_platform = lead.author_history(item.post.author.author_id).prior_decisions
        assert item.post_id in {h.post_id for h in on_platform}
        others = sum(h.post_id != item.post_id for h in on_platform)
        # The history may be fetched again (the full queue arriving re-shows the post): wait for it to settle.
        qtbot.waitUntil(lambda others=others: window.post_pane.history.count() == others, timeout=20_000)
        assert "mod2" not in visible_texts(window), "the first moderator is never named"
        first = firsts[item.post_id]
        if agree:  # the same verdict as the first moderator, typed with the usual keys
            if first.category:
                qtbot.keyClick(window, category_key(first.category))
            qtbot.keyClick(window, {"remove": "D", "no_violation": "A"}[first.decision_kind or ""])
        elif first.decision_kind == "no_violation":
            qtbot.keyClick(window, "7")
            qtbot.keyClick(window, "D")
        else:
            qtbot.keyClick(window, "A")
        agree = False

    def reviews() -> list:
        return session.audit.events(EventFilter(event_type=EventType.REVIEW_RECORDED), limit=10)

    qtbot.waitUntil(lambda: len(reviews()) == 2 and window.runner.pending == 0, timeout=20_000)
    headers = [json.loads(e.envelope)["hdr"] for e in reviews()]
    assert {(h["actor"]["id"], h["actor"]["role"], h["workstation"]) for h in headers} == {
        ("mod1", "moderator", "demo-workstation")}, "the verdict is attributable"
    assert {e.subject for e in reviews()} == {f"post:{p}" for p in firsts}
    mine = session.audit.events(EventFilter(event_type=EventType.DECISION_RECORDED, actor="mod1"), limit=10)
    assert mine == [] and session.outbox.state().pending == 0, "a verdict is not a decision for the platform"
    on_platform = {d.post_id: d for d in lead.decisions(limit=500).items}
    assert {on_platform[p].decided_by for p in firsts} == {"mod2"}, "the platform keeps the first decision"

    lead_user = User(UserId("lead1"), "lead1", frozenset({Role.LEAD}))
    pane = ReviewQualityPane(LeadConsole(session.audit, lead_user, workstation="ws-lead"), window.runner)
    qtbot.addWidget(pane)
    qtbot.waitUntil(lambda: pane.summary is not None and pane.summary.reviewed == 2, timeout=20_000)
    row = [pane.by_moderator.item(0, c).text() for c in range(4)]
    assert row == ["mod2", "1", "2", "50%"]
    assert pane.disagreements.rowCount() == 1 and pane.disagreements.item(0, 3).text() == "mod1"
