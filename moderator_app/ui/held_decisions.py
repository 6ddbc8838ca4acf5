"""At start: decisions that were inside their undo window when the workstation last stopped (a crash, a kill).

They are durable in the outbox journal; the moderator sends them (Apply) or drops them (Discard), and either choice
is recorded in the audit log. Closed without a choice, they are offered again at the next start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from moderator_app.core.changes import Changes
from moderator_app.core.decisions import DECISIONS_BY_KIND, DecisionKind
from moderator_app.services.decisions import Held
from moderator_app.services.review import ReviewService
from moderator_app.ui.errors import show_error
from moderator_app.ui.events import AppEvents
from moderator_app.ui.i18n import pick
from moderator_app.ui.operations import Op
from moderator_app.ui.tasks import Lane, TaskRunner


def _what(kind: DecisionKind, categories: Sequence[str]) -> str:
    spec = DECISIONS_BY_KIND[kind]
    return " ".join((pick(spec.label_zh, spec.label_en), *categories))


class HeldDecisionsPrompt(QMessageBox):
    def __init__(self, parent: QWidget | None, held: Sequence[Held]) -> None:
        super().__init__(parent)
        self.setObjectName("held_decisions_prompt")
        self.held = list(held)
        count = sum(len(h.post_ids) for h in held)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Decisions not yet sent"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("Decisions still inside the undo window when the workstation stopped: {count}. "
                             "Send them now, or discard them? Either choice is recorded in the audit log.")
                     .format(count=count))
        self.setInformativeText("\n".join(self._line(h) for h in held))
        self.apply_button = self.addButton(self.tr("Apply"), QMessageBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("held_apply")
        self.discard_button = self.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        self.discard_button.setObjectName("held_discard")
        self.setDefaultButton(self.apply_button)

    def _line(self, held: Held) -> str:
        at = held.held_at.astimezone().strftime("%H:%M:%S")
        if held.review is not None:
            review = held.review
            return self.tr("{time}  2nd review of post {post}: {what}").format(
                time=at, post=review.post_id, what=_what(review.kind, review.categories))
        return "\n".join(self.tr("{time}  post {post}: {what}").format(
            time=at, post=d.post_id, what=_what(d.kind, d.categories)) for d in held.decisions)


def offer_held_decisions(parent: QWidget, runner: TaskRunner, events: AppEvents, service: ReviewService,
                         then: Callable[[], None]) -> None:
    """Ask about holds a stopped run left (if any), settle them as the moderator chooses, then call ``then``
    (the queue loads after, so an applied decision's post does not come back into it)."""

    def resolve(held: Sequence[Held], apply: bool) -> Changes:
        changes = Changes()
        for hold in held:
            changes = changes | service.resolve_held(hold.hold_id, apply=apply)
        return changes

    def failed(error: BaseException) -> None:
        show_error(parent, error)
        then()

    def offer(held: Sequence[Held]) -> None:
        if not held:
            then()
            return
        prompt = HeldDecisionsPrompt(parent, held)

        def chosen(_result: int) -> None:
            clicked = prompt.clickedButton()
            prompt.deleteLater()
            if clicked not in (prompt.apply_button, prompt.discard_button):
                then()  # no choice made: offered again at the next start
                return
            apply = clicked is prompt.apply_button
            Op(runner, events, lambda: resolve(held, apply), lane=Lane.DB, changes=lambda c: c).success(
                lambda _c: then()).failure(failed).run()

        prompt.finished.connect(chosen)
        prompt.open()

    Op(runner, events, service.held_after_crash, lane=Lane.DB).success(offer).failure(failed).run()
