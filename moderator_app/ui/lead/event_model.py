"""The audit viewer's table: pages of 500 events fetched by seq as the user scrolls (Qt's fetchMore), so a
1,000,000-event log is never loaded whole. Each page is read on the database lane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from moderator_app.core.audit import EventFilter, RecordedEvent
from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.presenters import decision_label, event_label, safe_excerpt
from moderator_app.ui.tasks import Lane, TaskRunner

PAGE = 500
Index = QModelIndex | QPersistentModelIndex


class AuditEventModel(QAbstractTableModel):
    count_known = Signal(int)
    failed = Signal(str)

    def __init__(self, console: LeadConsole, runner: TaskRunner) -> None:
        super().__init__()
        self._console, self._runner = console, runner
        self._rows: list[RecordedEvent] = []
        self._filter = EventFilter()
        self._exhausted = False
        self._loading = False
        self._generation = 0  # pages requested under an older filter are dropped
        self.headers = (self.tr("Seq"), self.tr("Time (UTC)"), self.tr("Event"), self.tr("Moderator"),
                        self.tr("Subject"), self.tr("Category"), self.tr("Decision"))

    # -- filter --------------------------------------------------------------------------------------------------
    @property
    def current_filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, wanted: EventFilter) -> None:
        self.beginResetModel()
        self._rows, self._filter, self._exhausted, self._loading = [], wanted, False, False
        self._generation += 1
        self.endResetModel()
        generation = self._generation
        self._runner.submit(Lane.DB, lambda: self._console.count(wanted),
                            lambda n: self.count_known.emit(n) if generation == self._generation else None,
                            lambda e: self.failed.emit(str(e)))
        self.fetchMore(QModelIndex())

    def event_at(self, row: int) -> RecordedEvent | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def loaded(self) -> int:
        return len(self._rows)

    # -- Qt model ---------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        event = self._rows[index.row()]
        values = (str(event.seq), event.occurred_at.replace("T", " ")[:19], event_label(event.event_type),
                  event.actor, event.subject or "", event.category or "",
                  decision_label(event.decision_kind) if event.decision_kind else "")
        return safe_excerpt(values[index.column()], 200)  # what a moderator's client wrote: shown, never obeyed

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, wanted = self._generation, self._filter
        after = self._rows[-1].seq if self._rows else 0
        self._runner.submit(Lane.DB, lambda: self._console.page(wanted, after_seq=after, limit=PAGE),
                            lambda page: self._append(generation, page), self._page_failed)

    def _append(self, generation: int, page: list[RecordedEvent]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(page) < PAGE
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def _page_failed(self, error: BaseException) -> None:
        self._loading = False
        self._exhausted = True
        self.failed.emit(str(error))
