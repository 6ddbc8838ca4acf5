"""The review flow: show the selected post at once, decide with one key, undo within a few seconds, move on.

A decision is held for the undo window: durably, in the outbox journal (``ReviewService.hold`` on the database
lane), so a crash inside the window is offered back at the next start. When the window ends it is released
(recorded in the audit log, journalled for the outbox); Ctrl+Z cancels the hold. Closing the window releases held
decisions at once, so nothing the moderator decided is dropped.

Blind second reviews (review quality, issue 8) join the queue as marked rows: the post only, never the first
decision. The same keys decide them; the verdict goes to the audit log as ``review_recorded``, not to the platform.
"""

from __future__ import annotations

import gc
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction

from moderator_app.core.changes import Changes
from moderator_app.core.decisions import DECISIONS_BY_KIND, Decision, DecisionKind
from moderator_app.core.errors import ModeratorError
from moderator_app.core.models import PostId, Severity, Suggestion
from moderator_app.services.review import PostContext, QueueSnapshot, ReviewService, SecondReview
from moderator_app.ui.decision_bar import DecisionBar
from moderator_app.ui.decision_checks import DecisionChecks
from moderator_app.ui.errors import show_error
from moderator_app.ui.events import AppEvents
from moderator_app.ui.i18n import pick
from moderator_app.ui.operations import Op
from moderator_app.ui.post_pane import PostPane
from moderator_app.ui.queue.filtering import Column, FactsBuilder, RowFacts
from moderator_app.ui.queue.model import QueueTableModel
from moderator_app.ui.queue.panel import QueuePanel
from moderator_app.ui.suggestions_panel import SuggestionsPanel
from moderator_app.ui.tasks import Lane, TaskRunner

log = logging.getLogger(__name__)
HIGH_SEVERITY = (Severity.HIGH, Severity.CRITICAL)
LEASE_RENEW_MS = 60_000
SLA_REFRESH_MS = 30_000
RETRY_MAX_S = 30


def _same(changes: Changes) -> Changes:
    return changes


def second_review_facts(builder: FactsBuilder, reviews: Sequence[SecondReview]) -> dict[PostId, RowFacts]:
    """Row facts for blind second reviews (Qt-free: built on a worker). Marked as second reviews, outside any
    near-duplicate cluster (so "apply to similar" never sweeps them), and due within the post's SLA counted from
    when the lead re-queued it rather than from when the post was flagged."""
    tops = {r.post_id: (r.suggestions[0] if r.suggestions else None) for r in reviews}
    facts = builder.build([r.item for r in reviews], tops, {})
    marked = {}
    for review in reviews:
        f = facts[review.post_id]
        start = review.requested_at or f.item.flagged_at
        marked[review.post_id] = replace(f, deadline=start + (f.deadline - f.item.flagged_at), second_review=True)
    return marked


@dataclass
class HeldDecision:
    decisions: list[Decision]
    shown: tuple[Suggestion, ...]
    facts: list[RowFacts]
    timer: QTimer
    review: SecondReview | None = None  # a blind second review's verdict: recorded as such, never sent
    hold_id: str = ""  # the hold in the journal


class ReviewController(QObject):
    queue_loaded = Signal(int)  # number of items
    post_shown = Signal(str)  # post id, once the post and its suggestions are on screen
    decision_held = Signal(str)  # a message for the undo banner ("" when nothing is held)
    high_severity_seen = Signal(int)

    def __init__(
        self,
        service: ReviewService,
        runner: TaskRunner,
        events: AppEvents,
        queue_panel: QueuePanel,
        post_pane: PostPane,
        suggestions_panel: SuggestionsPanel,
        decision_bar: DecisionBar,
        decision_actions: Mapping[str, QAction],
        *,
        undo_seconds: int = 5,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__()
        self.service, self.runner, self.events = service, runner, events
        self.queue_panel, self.post_pane = queue_panel, post_pane
        self.suggestions_panel, self.decision_bar = suggestions_panel, decision_bar
        self.decision_actions = decision_actions
        self.model: QueueTableModel = queue_panel.model
        self.undo_seconds = undo_seconds
        self._now = now or (lambda: datetime.now(UTC))
        self._suggestions: dict[PostId, tuple[Suggestion, ...]] = {}
        self._held: list[HeldDecision] = []
        self._decided: set[PostId] = set()  # held or recorded: a refresh must not bring them back
        self._high_severity_seen: set[PostId] = set()
        self._second: dict[PostId, SecondReview] = {}  # blind second reviews addressed to this moderator
        self._second_facts: dict[PostId, RowFacts] = {}
        self.apply_to_cluster = False
        self._checks = DecisionChecks(self)
        self._refused: DecisionKind | None = None  # refused for missing text: Enter in the field tries again
        self._user_chose = False  # the moderator picked the shown post; a refresh must not move them off it
        self._selecting = False
        queue_panel.current_changed.connect(self._on_current_changed)
        decision_bar.retry_requested.connect(self._retry)
        decision_bar.leave_requested.connect(self.queue_panel.view.setFocus)
        suggestions_panel.take_requested.connect(lambda category: decision_bar.cite(category, True))
        post_pane.media_revealed.connect(self._on_media_revealed)
        # Leases are renewed in the background while the moderator works; the SLA countdown stays live.
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(LEASE_RENEW_MS)
        self._lease_timer.timeout.connect(self._renew_lease)
        self._lease_timer.start()
        self._sla_timer = QTimer(self)
        self._sla_timer.setInterval(SLA_REFRESH_MS)
        self._sla_timer.timeout.connect(self._refresh_sla)
        self._sla_timer.start()

    # --- queue ---------------------------------------------------------------------------------------------------
    def load_queue(self) -> None:
        """The claimed batch first (the first post shows at once), then the whole queue with its clusters."""
        self._load_batch(0)
        self.load_second_reviews()

    def _load_batch(self, attempt: int) -> None:
        Op(self.runner, self.events, self.service.load_queue, lane=Lane.NET).success(self._on_batch_loaded).failure(
            lambda error: self._retry_later(partial(self._load_batch, attempt + 1), attempt, error)).run()

    def _retry_later(self, again: Callable[[], None], attempt: int, error: BaseException) -> None:
        """A queue that did not load is tried again (1, 2, 4 … 30 s apart), saying so where the count goes."""
        if not isinstance(error, ModeratorError):
            show_error(None, error)  # a defect, not the network: say it once, do not loop on it
            return
        seconds = min(RETRY_MAX_S, 2**attempt)
        self.queue_panel.count.setText(self.tr("Queue not loaded ({error}); trying again in {seconds} s").format(
            error=str(error)[:80], seconds=seconds))
        QTimer.singleShot(seconds * 1000, self, again)

    def load_second_reviews(self) -> None:
        """Blind second reviews join the queue when they arrive (audit log and platform, off the GUI thread)."""
        builder = self.model.builder

        def load() -> tuple[Sequence[SecondReview], dict[PostId, RowFacts]]:
            reviews = self.service.second_reviews()
            return reviews, second_review_facts(builder, reviews)

        Op(self.runner, self.events, load, lane=Lane.NET).success(
            lambda loaded: self._show_second_reviews(*loaded)).failure(self._second_reviews_failed).run()

    def _show_second_reviews(self, reviews: Sequence[SecondReview], facts: dict[PostId, RowFacts]) -> None:
        gone = self._second.keys() - facts.keys()  # answered meanwhile (e.g. on another workstation)
        self._second = {r.post_id: r for r in reviews}
        self._second_facts = facts
        self._suggestions.update((r.post_id, r.suggestions) for r in reviews)
        fresh = [f for post_id, f in facts.items() if post_id not in self._decided]
        current = self.post_pane.item.post_id if self.post_pane.item else None
        if gone:
            self.model.remove_posts(gone)
        if fresh:
            self.model.restore(fresh)
        if (gone or fresh) and not self._select(current):
            self.select_most_urgent()
        self._count_second_reviews()

    def _second_reviews_failed(self, error: BaseException) -> None:
        # The queue's own load reports a platform that is down; the review screen works on without them.
        log.warning("second reviews not loaded: %s", error)
        if not isinstance(error, ModeratorError):
            show_error(None, error)

    def _count_second_reviews(self) -> None:
        self.queue_panel.set_second_review_count(sum(post_id not in self._decided for post_id in self._second))

    def _on_batch_loaded(self, snapshot: QueueSnapshot) -> None:
        self.queue_panel.set_listing(complete=False)
        self._show_snapshot(snapshot, self._prepare(snapshot))
        self._load_full(0)

    def _load_full(self, attempt: int) -> None:
        builder = self.model.builder

        def load_full() -> tuple[QueueSnapshot, dict[PostId, RowFacts]]:
            full = self.service.load_full_queue()
            return full, self._prepare(full, builder)  # row facts built here, not on the GUI thread

        def show_full(snapshot: QueueSnapshot, facts: dict[PostId, RowFacts]) -> None:
            self.queue_panel.set_listing(complete=True, more_on_platform=snapshot.more_on_platform)
            self._show_snapshot(snapshot, facts)

        Op(self.runner, self.events, load_full, lane=Lane.NET).success(
            lambda loaded: show_full(*loaded)).failure(
            lambda error: self._retry_later(partial(self._load_full, attempt + 1), attempt, error)).run()

    def _prepare(self, snapshot: QueueSnapshot, builder: FactsBuilder | None = None) -> dict[PostId, RowFacts]:
        tops = {pid: (s[0] if s else None) for pid, s in snapshot.suggestions.items()}
        return (builder or self.model.builder).build(snapshot.items, tops, snapshot.clusters)

    def _show_snapshot(self, snapshot: QueueSnapshot, facts: dict[PostId, RowFacts]) -> None:
        current = self.post_pane.item.post_id if self.post_pane.item else None
        self._suggestions.update(snapshot.suggestions)
        facts.update(self._second_facts)  # a second review stays one, even if the platform lists its post again
        for post_id in self._decided & facts.keys():  # decided meanwhile: must not come back
            del facts[post_id]
        self.model.set_facts(facts)
        self.model.set_claimed_elsewhere(snapshot.claimed_elsewhere)
        self.model.set_mine(snapshot.mine)
        # The queue, the engine and the libraries are long-lived: keep them out of the cyclic collector, whose
        # full passes over tens of thousands of objects would otherwise pause the GUI thread now and then.
        gc.freeze()
        self.queue_loaded.emit(len(facts))
        if not (self._user_chose and self._select(current)):
            self.select_most_urgent()  # the whole queue is in: start on the most overdue post, not the batch's first

    # --- choosing the post ------------------------------------------------------------------------------------------
    def _select(self, post_id: PostId | None) -> bool:
        self._selecting = True
        try:
            return self.queue_panel.select(post_id)
        finally:
            self._selecting = False

    def most_urgent(self, after: PostId | None = None) -> PostId | None:
        """The shown row with the earliest deadline that nobody else holds (``after``: the next one in that order,
        wrapping round to the most urgent at the end). In the usual order (by SLA) that is the first such row from
        the top, found without a pass over the queue."""
        found = self._most_urgent(after)
        if found is None and after is not None:
            found = self._most_urgent(None)
            return None if found == after else found
        return found

    def _most_urgent(self, after: PostId | None) -> PostId | None:
        model = self.model
        ids = model.visible_ids()
        by_sla = model.sorted_by == (Column.SLA, Qt.SortOrder.AscendingOrder)
        if by_sla:
            start = 0
            if after is not None:
                row = model.row_of(after)
                start = 0 if row is None else row + 1
            return next((pid for pid in ids[start:] if not model.held_elsewhere(pid)), None)
        facts = model.facts
        floor = None
        if after is not None and (shown := facts(after)) is not None:
            floor = (shown.deadline, after)
        best = None
        for pid in ids:  # one pass, no sort: the queue may hold 100,000 rows
            f = facts(pid)
            if f is None or model.held_elsewhere(pid):
                continue
            key = (f.deadline, pid)
            if (floor is None or key > floor) and (best is None or key < best):
                best = key
        return best[1] if best else None

    def select_most_urgent(self) -> bool:
        self._user_chose = False
        target = self.most_urgent()
        if target is None:
            self._selecting = True
            try:
                self.queue_panel.select_row(-1)  # nothing left to decide: an empty pane, no stale post
            finally:
                self._selecting = False
            return False
        return self._select(target)

    def skip(self) -> bool:
        """Key N: leave this post for later and show the next most urgent one."""
        current = self.post_pane.item.post_id if self.post_pane.item else None
        target = self.most_urgent(after=current)
        return target is not None and self._select(target)

    # --- showing a post --------------------------------------------------------------------------------------------
    def _on_current_changed(self, post_id: PostId | None) -> None:
        if not self._selecting:
            self._user_chose = post_id is not None
        shown = self.post_pane.item
        if post_id is not None and shown is not None and shown.post_id == post_id:
            return  # the same post after a refresh: keep what the moderator has typed
        facts = self.model.facts(post_id) if post_id else None
        held = self.model.held_by(post_id) if facts is not None and post_id else None
        decidable = facts is not None and held is None
        for action in self.decision_actions.values():
            action.setEnabled(decidable)
        self.decision_bar.set_enabled(decidable)
        self._refused = None
        if facts is None:
            self.post_pane.show_item(None)
            self.post_pane.show_held("")
            self.suggestions_panel.show_suggestions([])
            return
        self.post_pane.show_held(held or "")
        suggestions = self._suggestions.get(facts.item.post_id, ())
        self.post_pane.show_item(
            facts.item, suggestions=suggestions, may_see_identity=self.service.user.is_lead,
            now=self._now(), deadline=facts.deadline, second_review=facts.second_review,
        )
        self.suggestions_panel.show_suggestions(suggestions)
        self.decision_bar.reset()
        self._count_severity(facts.item.post_id, suggestions)
        self.post_shown.emit(facts.item.post_id)
        item = facts.item
        Op(self.runner, self.events, lambda: self.service.context(item.post_id, item.post.author.author_id),
           lane=Lane.NET).success(self._on_context).failure(lambda _e: None).run()

    def _on_context(self, context: PostContext) -> None:
        current = self.post_pane.item
        if current is None or current.post_id != context.post_id:
            return  # the moderator has moved on; a late answer must not overwrite the new post
        facts = self.model.facts(current.post_id)
        second_review = facts is not None and facts.second_review
        history = context.history
        if second_review:  # blind: the author's history would list this very post's first decision
            history = tuple(h for h in history if h.post_id != current.post_id)
        self.post_pane.show_item(
            current, suggestions=self._suggestions.get(current.post_id, ()), history=history,
            may_see_identity=self.service.user.is_lead, now=self._now(),
            deadline=facts.deadline if facts else None, second_review=second_review,
        )

    def _count_severity(self, post_id: PostId, suggestions: tuple[Suggestion, ...]) -> None:
        pack = self.service.pack
        if any(s.category in pack.category_ids and pack.category(s.category).severity in HIGH_SEVERITY
               and s.score >= 0.5 for s in suggestions):
            self._high_severity_seen.add(post_id)
            self.high_severity_seen.emit(len(self._high_severity_seen))

    # --- deciding ----------------------------------------------------------------------------------------------------
    def decide(self, kind: DecisionKind) -> bool:
        """Hold a decision on the current post (and its cluster when asked); False with the reason shown if invalid."""
        item = self.post_pane.item
        if item is None:
            return False
        bar = self.decision_bar
        spec = DECISIONS_BY_KIND[kind]
        shown_facts = self.model.facts(item.post_id)
        review = self._second.get(item.post_id) if shown_facts is not None and shown_facts.second_review else None
        if review is None and shown_facts is not None and shown_facts.second_review:
            bar.problem.setText(self.tr("This second review is no longer waiting for you: press F5."))
            return False  # a second review must never become a decision for the platform
        cluster = self.apply_to_cluster and review is None
        members = self.model.cluster_members(item.post_id) if cluster else [item.post_id]
        decisions = [
            Decision(
                post_id=post_id, kind=kind, categories=bar.cited(), note=bar.note.text().strip(),
                moderator=self.service.user.user_id, client_time=self._now(), idempotency_key=str(uuid.uuid4()),
                restriction_days=bar.restriction_days.value() if spec.needs_restriction_days else None,
                refutation=bar.refutation.text().strip() or None if spec.needs_refutation else None,
            )
            for post_id in members
        ]
        missing = self._checks.missing(decisions[0])
        problems = [m.message for m in missing] + self._category_problems(decisions[0])
        if problems:
            bar.problem.setText("; ".join(problems))
            if bar.focus_field(next((m.field for m in missing if m.field), None)):
                self._refused = kind
            return False
        self._refused = None
        facts = [f for f in (self.model.facts(pid) for pid in members) if f is not None]
        timer = QTimer(self)
        timer.setSingleShot(True)
        held = HeldDecision(decisions, self._suggestions.get(item.post_id, ()), facts, timer, review,
                            uuid.uuid4().hex)
        # The database lane runs one task at a time, in order: the hold is journalled before its release or undo.
        self._on_db(partial(self.service.hold, held.hold_id, decisions, held.shown, review))
        timer.timeout.connect(lambda: self._release(held))
        self._held.append(held)
        self._decided.update(members)
        timer.start(self.undo_seconds * 1000)
        self.model.remove_posts(members)
        self.select_most_urgent()  # "next" is the most urgent post left, wherever the decided one was
        self.queue_panel.view.setFocus()  # letters are decision keys again, not text for the note
        label = pick(spec.label_zh, spec.label_en)
        count = f" ×{len(decisions)}" if len(decisions) > 1 else ""
        if review is not None:
            self._count_second_reviews()
            message = self.tr("2nd review: {label} — recorded in {seconds} s (not sent to the platform). "
                              "Ctrl+Z to undo.")
        else:
            message = self.tr("{label}{count} — sent in {seconds} s. Ctrl+Z to undo.")
        self.decision_held.emit(message.format(label=label, count=count, seconds=self.undo_seconds))
        return True

    def _retry(self) -> None:
        """Enter in the note or refutation: the refused decision again, or (nothing refused) back to the queue."""
        if self._refused is not None:
            self.decide(self._refused)
        else:
            self.queue_panel.view.setFocus()

    def _category_problems(self, decision: Decision) -> list[str]:
        pack = self.service.pack
        return [
            self.tr("{category} cannot be cited for this decision").format(category=c)
            for c in decision.categories
            if c in pack.category_ids and decision.kind not in pack.category(c).decision_kinds
        ]

    def undo(self) -> bool:
        """Take back the most recent decision still inside its undo window; the post comes back on screen."""
        if not self._held:
            return False
        held = self._held.pop()
        held.timer.stop()
        self._on_db(partial(self.service.cancel_hold, held.hold_id))
        self._decided.difference_update(d.post_id for d in held.decisions)
        self.model.restore(held.facts)
        first = held.decisions[0]
        self._select(first.post_id)
        self._user_chose = True  # the moderator took it back to decide it again: keep it on screen
        self.decision_bar.reset(first.categories)
        self.decision_bar.note.setText(first.note)
        self.decision_held.emit("")
        self._count_second_reviews()
        return True

    def _release(self, held: HeldDecision) -> None:
        if held in self._held:
            self._held.remove(held)
        if not self._held:
            self.decision_held.emit("")
        # A blind second review's hold releases its verdict into the audit log only; decisions go to the outbox.
        Op(self.runner, self.events, partial(self.service.release, held.hold_id), lane=Lane.DB,
           changes=_same).run()

    def _on_db(self, work: Callable[[], Changes]) -> None:
        Op(self.runner, self.events, work, lane=Lane.DB).run()

    def flush(self) -> None:
        """Release every held decision now (window closing)."""
        for held in list(self._held):
            held.timer.stop()
            self._release(held)

    @property
    def held_count(self) -> int:
        return len(self._held)

    def _renew_lease(self) -> None:
        Op(self.runner, self.events, self.service.renew_lease, lane=Lane.NET).failure(lambda _e: None).run()

    def _refresh_sla(self) -> None:
        item = self.post_pane.item
        facts = self.model.facts(item.post_id) if item else None
        if facts is not None:
            self.post_pane.show_sla(facts.deadline, self._now())
        self.model.refresh_sla_column()

    def stop(self) -> None:
        self._lease_timer.stop()
        self._sla_timer.stop()

    def _on_media_revealed(self, post_id: str, media_id: str) -> None:
        Op(self.runner, self.events, lambda: self.service.reveal_media(PostId(post_id), media_id),
           lane=Lane.DB, changes=lambda _r: Changes(audit=True)).run()
        # Then the image itself, fetched off the GUI thread; a platform without it leaves the description.
        def show(data: bytes) -> None:
            self.post_pane.show_media_image(post_id, media_id, data)

        Op(self.runner, self.events, lambda: self.service.media_content(media_id), lane=Lane.NET).success(show).failure(
            lambda error: log.info("media %s not shown: %s", media_id, error)).run()
