"""Op: a fluent wrapper that runs a service call in the background and reports its changes (Anki's CollectionOp).

    Op(runner, events, lambda: services.decide(...), lane=Lane.DB).success(self._advance).run()
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

from moderator_app.core.changes import Changes
from moderator_app.ui.events import AppEvents
from moderator_app.ui.tasks import Lane, TaskRunner

T = TypeVar("T")


class Op(Generic[T]):
    def __init__(
        self,
        runner: TaskRunner,
        events: AppEvents,
        work: Callable[[], T],
        *,
        lane: Lane = Lane.NET,
        changes: Callable[[T], Changes] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._runner, self._events, self._work, self._lane = runner, events, work, lane
        self._changes = changes
        self._parent = parent
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._on_failure = callback
        return self

    def run(self) -> None:
        self._runner.submit(self._lane, self._work, self._succeeded, self._failed)

    def _succeeded(self, result: T) -> None:
        if self._on_success is not None:
            self._on_success(result)
        if self._changes is not None:
            self._events.changed.emit(self._changes(result), self._parent)

    def _failed(self, error: BaseException) -> None:
        if self._on_failure is not None:
            self._on_failure(error)
            return
        from moderator_app.ui.errors import show_error

        show_error(self._parent, error)
