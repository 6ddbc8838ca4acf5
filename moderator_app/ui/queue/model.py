"""QueueTableModel: an id list over in-memory queue items, rows formatted lazily when painted.

Sorting and filtering happen here on plain Python lists (a QSortFilterProxyModel over 100,000 rows takes seconds).
Near-duplicate clusters can be collapsed to one row that carries the cluster's size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from moderator_app.core.models import PostId, QueueItem, Suggestion
from moderator_app.core.policy import PolicyPack
from moderator_app.ui.presenters import DUE_SOON, safe_excerpt, sla_state
from moderator_app.ui.queue.filtering import (
    SORT_KEYS,
    Column,
    FactsBuilder,
    QueueFilter,
    RowFacts,
    accepts,
    is_everything,
)

Index = QModelIndex | QPersistentModelIndex
POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = (Column.PRIORITY, Column.REPORTS, Column.REPOSTS, Column.SIMILAR)
_SECOND_REVIEW_BACKGROUND = QColor("#e3ecfa")  # a blind second review (review quality), not a new post


class QueueTableModel(QAbstractTableModel):
    def __init__(self, pack: PolicyPack | None = None, now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self._pack = pack
        self._now = now or (lambda: datetime.now(UTC))
        self._facts: dict[PostId, RowFacts] = {}
        self._ids: list[PostId] = []
        self._filter = QueueFilter()
        self._sort: tuple[Column, Qt.SortOrder] = (Column.SLA, Qt.SortOrder.AscendingOrder)
        self._claimed_elsewhere: set[PostId] = set()
        self._mine: frozenset[PostId] = frozenset()  # held by this workstation: shown bold
        self.builder = FactsBuilder(pack)
        self._sort_keys: dict[Column, dict[PostId, Any]] = {}  # per column, computed on first use
        self._headers = [
            self.tr("Priority"), self.tr("SLA"), self.tr("Suggested"), self.tr("Reports"), self.tr("Reposts"),
            self.tr("Flagged"), self.tr("Post"), self.tr("Similar"),
        ]
        self._second_review_mark = self.tr("[2nd review]")

    # --- loading -------------------------------------------------------------------------------------------------
    def set_items(
        self,
        items: Iterable[QueueItem],
        suggestions: Mapping[PostId, Suggestion | None] | None = None,
        clusters: Mapping[PostId, str] | None = None,
    ) -> None:
        self.set_facts(self.builder.build(items, suggestions or {}, clusters or {}))

    def set_facts(self, facts: dict[PostId, RowFacts]) -> None:
        """Show facts built beforehand (``builder.build`` is Qt-free: the GUI builds them on a worker)."""
        self.beginResetModel()
        self._facts = facts
        self._sort_keys.clear()
        self._ids = self._visible_ids()
        self.endResetModel()

    def set_suggestion(self, post_id: PostId, top: Suggestion | None) -> None:
        old = self._facts.get(post_id)
        if old is None:
            return
        self._facts[post_id] = self.builder.facts_for(old.item, top, old.cluster, old.cluster_size)
        self._sort_keys.clear()
        row = self.row_of(post_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # --- filtering and sorting -----------------------------------------------------------------------------------
    def set_filter(self, flt: QueueFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._ids = self._visible_ids()
        self.endResetModel()

    @property
    def current_filter(self) -> QueueFilter:
        return self._filter

    @property
    def sorted_by(self) -> tuple[Column, Qt.SortOrder]:
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids_before = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in before]
        self._sort = (Column(column), order)
        self._ids = self._sorted(self._ids)
        rows = {post_id: row for row, post_id in enumerate(self._ids)}
        after = [
            self.index(rows[pid], i.column()) if pid in rows else QModelIndex()
            for i, pid in zip(before, ids_before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _visible_ids(self) -> list[PostId]:
        now = self._now()
        flt = self._filter
        everything = is_everything(flt)
        seen_clusters: set[str] = set()
        ids = []
        for post_id, facts in self._facts.items():
            if not everything and not accepts(facts, flt, now, DUE_SOON):
                continue
            if flt.collapse_clusters and facts.cluster:
                if facts.cluster in seen_clusters:
                    continue
                seen_clusters.add(facts.cluster)
            ids.append(post_id)
        return self._sorted(ids)

    def _sorted(self, ids: list[PostId]) -> list[PostId]:
        column, order = self._sort
        keys = self._sort_keys.get(column)
        if keys is None:
            key = SORT_KEYS[column]
            keys = self._sort_keys[column] = {pid: key(f) for pid, f in self._facts.items()}
        return sorted(ids, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    # --- changes from decisions and leases -----------------------------------------------------------------------
    def remove_posts(self, post_ids: Iterable[PostId]) -> None:
        """Decided items leave the queue; contiguous runs are removed together to keep views cheap."""
        doomed = set(post_ids)
        for post_id in doomed:
            self._facts.pop(post_id, None)
        rows = sorted((r for r, pid in enumerate(self._ids) if pid in doomed), reverse=True)
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()

    def restore(self, facts: Sequence[RowFacts]) -> None:
        """Put items back (an undone decision): they reappear where the current sort puts them."""
        self.beginResetModel()
        for f in facts:
            self._facts[f.item.post_id] = f
        self._sort_keys.clear()
        self._ids = self._visible_ids()
        self.endResetModel()

    def facts(self, post_id: PostId) -> RowFacts | None:
        return self._facts.get(post_id)

    def refresh_sla_column(self) -> None:
        """Time passes: repaint the SLA cells (only visible ones are actually formatted)."""
        if self._ids:
            self.dataChanged.emit(self.index(0, Column.SLA), self.index(len(self._ids) - 1, Column.SLA))

    def set_claimed_elsewhere(self, post_ids: Iterable[PostId]) -> None:
        self._claimed_elsewhere = set(post_ids)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    def set_mine(self, post_ids: Iterable[PostId]) -> None:
        """The posts we hold (claimed at login or with Ctrl+K); a claim of ours also ends "held elsewhere"."""
        self._mine = frozenset(post_ids)
        self._claimed_elsewhere -= self._mine
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    def mine(self, post_id: PostId) -> bool:
        return post_id in self._mine

    def mine_ids(self) -> frozenset[PostId]:
        return self._mine

    @property
    def mine_count(self) -> int:
        return len(self._mine)

    # --- lookups -------------------------------------------------------------------------------------------------
    def item_at(self, row: int) -> QueueItem:
        return self._facts[self._ids[row]].item

    def row_of(self, post_id: PostId) -> int | None:
        try:
            return self._ids.index(post_id)
        except ValueError:
            return None

    def cluster_members(self, post_id: PostId) -> list[PostId]:
        facts = self._facts.get(post_id)
        if facts is None or facts.cluster is None:
            return [post_id]
        return [pid for pid, f in self._facts.items() if f.cluster == facts.cluster]

    def visible_ids(self) -> Sequence[PostId]:
        return tuple(self._ids)

    @property
    def total(self) -> int:
        return len(self._facts)

    # --- Qt model interface ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Rows another moderator holds stay selectable (greyed): selecting one says who holds it, read-only.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    def held_elsewhere(self, post_id: PostId) -> bool:
        return post_id in self._claimed_elsewhere

    def held_by(self, post_id: PostId) -> str | None:
        """'Held by mod2 until 14:05' for a post another moderator has claimed, else None."""
        if post_id not in self._claimed_elsewhere:
            return None
        item = self._facts[post_id].item
        who = safe_excerpt(item.claimed_by or self.tr("another moderator"), 40)
        if item.lease_expires_at is None:
            return self.tr("Held by {who}: you cannot decide it until they release it.").format(who=who)
        return self.tr("Held by {who} until {time}: you cannot decide it until then.").format(
            who=who, time=item.lease_expires_at.astimezone().strftime("%H:%M"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        post_id = self._ids[index.row()]
        facts = self._facts[post_id]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(facts, column)
        if role == POST_ID_ROLE:
            return post_id
        if role == Qt.ItemDataRole.ToolTipRole:
            if post_id in self._claimed_elsewhere:
                return self.held_by(post_id)
            if post_id in self._mine and column is not Column.TEXT:
                return self.tr("You hold this post (Ctrl+Shift+K gives it back)")
            return safe_excerpt(facts.item.post.text, 400) if column is Column.TEXT else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if post_id in self._claimed_elsewhere:
                return QBrush(QColor("gray"))
            if column is Column.SLA and facts.deadline < self._now():
                return QBrush(QColor("#c0392b"))
        if role == Qt.ItemDataRole.FontRole and post_id in self._mine:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and facts.second_review:
            return QBrush(_SECOND_REVIEW_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, facts: RowFacts, column: Column) -> str:
        item = facts.item
        if column is Column.PRIORITY:
            return str(item.priority)
        if column is Column.SLA:
            return sla_state(facts.deadline, self._now()).label
        if column is Column.SUGGESTED:
            return f"{facts.top.category} ({facts.top.score:.0%})" if facts.top else "—"
        if column is Column.REPORTS:
            return str(len(item.reports))
        if column is Column.REPOSTS:
            return f"{item.post.repost_count:,}"
        if column is Column.FLAGGED:
            return item.flagged_at.astimezone().strftime("%m-%d %H:%M")
        if column is Column.TEXT:
            text = safe_excerpt(item.post.text)
            return f"{self._second_review_mark} {text}" if facts.second_review else text
        return str(facts.cluster_size) if facts.cluster_size > 1 else ""
