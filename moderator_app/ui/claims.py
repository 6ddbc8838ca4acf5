"""Claim and release by keyboard: Ctrl+K holds the shown post, Ctrl+Shift+K gives it back, Ctrl+Alt+K gives back
every post this workstation holds. The platform's answer (e.g. "claimed by mod2 until 14:05") shows in the
decision bar; the queue shows our posts bold and the status bar counts them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from moderator_app.core.changes import Changes
from moderator_app.core.models import PostId
from moderator_app.ui.operations import Op
from moderator_app.ui.review import ReviewController
from moderator_app.ui.tasks import Lane


class ClaimActions(QObject):
    def __init__(self, controller: ReviewController) -> None:
        super().__init__(controller)
        self._c = controller

    def _shown(self) -> PostId | None:
        item = self._c.post_pane.item
        return item.post_id if item is not None else None

    def claim_shown(self) -> bool:
        post_id = self._shown()
        if post_id is None or self._c.model.mine(post_id):
            return False
        self._run(lambda: self._c.service.claim_post(post_id), claimed=True)
        return True

    def release_shown(self) -> bool:
        post_id = self._shown()
        if post_id is None or not self._c.model.mine(post_id):
            return False
        self._run(lambda: self._c.service.release_posts([post_id]), claimed=False)
        return True

    def release_all(self) -> bool:
        if not self._c.model.mine_count:
            return False
        self._run(lambda: self._c.service.release_posts(None), claimed=False, everything=True)
        return True

    def _run(self, work: Callable[[], Changes], *, claimed: bool, everything: bool = False) -> None:
        problem = self._c.decision_bar.problem
        problem.setText("")

        def done(changes: Changes) -> None:
            model = self._c.model
            mine = model.mine_ids() | changes.post_ids if claimed else model.mine_ids() - changes.post_ids
            model.set_mine(frozenset() if everything else mine)
            shown = self._shown()
            if claimed and shown in changes.post_ids:  # ours now: decidable, nobody else's name on it
                self._c.post_pane.show_held("")
                for action in self._c.decision_actions.values():
                    action.setEnabled(True)
                self._c.decision_bar.set_enabled(True)

        Op(self._c.runner, self._c.events, work, lane=Lane.NET, changes=lambda changes: changes).success(
            done).failure(lambda error: problem.setText(str(error))).run()
