"""The queue panel: filters above an id-list table. Sorting and filtering run in the model, not a proxy."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.models import PostId
from moderator_app.core.policy import PolicyPack
from moderator_app.ui.flow_layout import FlowLayout
from moderator_app.ui.i18n import pick
from moderator_app.ui.presenters import report_reason_label
from moderator_app.ui.queue.filtering import Column, QueueFilter, SlaFilter
from moderator_app.ui.queue.model import QueueTableModel
from moderator_app.ui.widgets import plain_label, shrinkable


class QueuePanel(QWidget):
    current_changed = Signal(object)  # PostId | None

    def __init__(self, model: QueueTableModel, pack: PolicyPack | None) -> None:
        super().__init__()
        self.setObjectName("queue_pane")
        self.setAccessibleName(self.tr("Flagged queue"))
        self.model = model
        layout = QVBoxLayout(self)
        filters = FlowLayout()  # one row on a wide screen, two on a laptop
        self.category = QComboBox()
        self.category.setObjectName("filter_category")
        self.category.setAccessibleName(self.tr("Filter by category"))
        self.category.addItem(self.tr("All categories"), None)
        for c in pack.categories if pack else ():
            self.category.addItem(f"{c.category_id} {pick(c.short_zh, c.short_en)}", c.category_id)
        self.reason = QComboBox()
        self.reason.setObjectName("filter_reason")
        self.reason.setAccessibleName(self.tr("Filter by report reason"))
        self.reason.addItem(self.tr("All reasons"), None)
        for code in sorted(pack.report_reasons) if pack else ():
            self.reason.addItem(report_reason_label(code), code)
        self.age = QComboBox()
        self.age.setObjectName("filter_age")
        self.age.setAccessibleName(self.tr("Filter by age"))
        for label, hours in ((self.tr("Any age"), None), (self.tr("≤ 1 h"), 1), (self.tr("≤ 6 h"), 6),
                             (self.tr("≤ 24 h"), 24)):
            self.age.addItem(label, hours)
        self.sla = QComboBox()
        self.sla.setObjectName("filter_sla")
        self.sla.setAccessibleName(self.tr("Filter by SLA"))
        for label, value in ((self.tr("Any SLA"), SlaFilter.ANY), (self.tr("Overdue"), SlaFilter.BREACHED),
                             (self.tr("Due within 1 h"), SlaFilter.DUE_SOON)):
            self.sla.addItem(label, value.value)
        self.collapse = QCheckBox(self.tr("Group similar"))
        self.collapse.setObjectName("filter_collapse")
        self.collapse.setChecked(True)
        for widget in (self.category, self.reason, self.age, self.sla):
            # A long category name must not widen the pane: the closed box shows what fits, the list shows all.
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(10)
            widget.currentIndexChanged.connect(self._schedule_filter)
            filters.addWidget(widget)
        self.collapse.toggled.connect(self._schedule_filter)
        filters.addWidget(self.collapse)
        # Search the loaded queue by words of the text or the author's name or id (Ctrl+F puts the cursor here).
        self.search = QLineEdit()
        self.search.setObjectName("filter_search")
        self.search.setPlaceholderText(self.tr("Search text or author (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the queue"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.textChanged.connect(self._schedule_filter)
        self.search.returnPressed.connect(self._search_done)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self._search_cleared)
        filters.addWidget(self.search)
        # Blind second reviews (review quality) sit in the queue like any post; this shows only them.
        self.second_reviews = QCheckBox()
        self.second_reviews.setObjectName("filter_second_reviews")
        self.second_reviews.setAccessibleName(self.tr("Show only second reviews"))
        self.second_reviews.toggled.connect(self._schedule_filter)
        filters.addWidget(self.second_reviews)
        self.set_second_review_count(0)
        layout.addLayout(filters)

        self.view = QTableView()
        self.view.setObjectName("queue_table")
        self.view.setAccessibleName(self.tr("Flagged posts"))
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.SLA, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.PRIORITY, 40), (Column.SLA, 130), (Column.SUGGESTED, 90),
                              (Column.REPORTS, 50), (Column.REPOSTS, 60), (Column.FLAGGED, 90), (Column.SIMILAR, 50)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        layout.addWidget(self.view, 1)
        self.count = plain_label("queue_count")
        shrinkable(self.count)
        layout.addWidget(self.count)
        model.modelReset.connect(self._update_count)
        model.rowsRemoved.connect(self._update_count)
        # Debounced: several filter changes in a row cost one refilter.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.apply_filter)
        self._listing: tuple[bool, bool] | None = None  # nothing listed yet
        self._update_count()

    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            category=self.category.currentData(),
            reason=self.reason.currentData(),
            max_age_hours=self.age.currentData(),
            sla=SlaFilter(self.sla.currentData()),
            collapse_clusters=self.collapse.isChecked(),
            second_reviews_only=self.second_reviews.isChecked(),
            search=self.search.text().strip(),
        )

    def _search_done(self) -> None:
        """Enter in the search field: filter now and go to the results, where letters are decision keys again."""
        self._filter_timer.stop()
        self.apply_filter()
        self.view.setFocus()

    def _search_cleared(self) -> None:
        """Esc in the search field: the whole queue again, and the cursor back in it."""
        self.search.clear()
        self._filter_timer.stop()
        self.apply_filter()
        self.view.setFocus()

    def set_second_review_count(self, count: int) -> None:
        """The filter names how many second reviews wait; it is offered only while there are some (or it is on)."""
        self.second_reviews.setText(self.tr("2nd reviews only ({count})").format(count=count))
        self.second_reviews.setVisible(count > 0 or self.second_reviews.isChecked())

    def _schedule_filter(self) -> None:
        self._filter_timer.start()

    def apply_filter(self) -> None:
        current = self.current_post_id()
        self.model.set_filter(self.current_filter())
        if not self.select(current):
            self.select_row(0)

    def current_post_id(self) -> PostId | None:
        index = self.view.currentIndex()
        return self.model.visible_ids()[index.row()] if index.isValid() else None

    def select(self, post_id: PostId | None) -> bool:
        row = self.model.row_of(post_id) if post_id else None
        return row is not None and self.select_row(row)

    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            self.current_changed.emit(None)
            return False
        # The first column: making the text column current would scroll a narrow pane sideways, off the SLA column.
        index = self.model.index(row, Column.PRIORITY)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.visible_ids()[current.row()] if current.isValid() else None)

    def set_listing(self, *, complete: bool, more_on_platform: bool = False) -> None:
        """What the count may claim: the whole queue, only the claimed batch so far, or the first part of a queue
        longer than a workstation lists."""
        self._listing = (complete, more_on_platform)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = f"{self.model.rowCount():,}", f"{self.model.total:,}"
        complete, more = self._listing or (False, False)
        if self._listing is None:
            text = self.tr("Loading the queue…") if not self.model.total else self.tr("{shown} shown of {total}")
        elif not complete:
            text = self.tr("{shown} shown of your {total} claimed; loading the rest of the queue…")
        elif more:
            text = self.tr("{shown} shown of the first {total} listed; the platform holds more")
        else:
            text = self.tr("{shown} shown of {total} in queue")
        self.count.setText(text.format(shown=shown, total=total))
        self.count.setToolTip(self.count.text())
