"""The viewer's filter bar: date range, moderator, category, decision kind, event type, subject."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QPushButton, QWidget

from moderator_app.core.audit import EventFilter, EventType, utc_timestamp
from moderator_app.services.lead_console import FilterChoices
from moderator_app.ui.presenters import decision_label, event_label


def day_start(day: QDate, *, next_day: bool = False) -> str:
    moment = datetime(day.year(), day.month(), day.day(), tzinfo=UTC) + timedelta(days=1 if next_day else 0)
    return utc_timestamp(moment)


class FilterBar(QWidget):
    applied = Signal(object)  # EventFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        today = QDate.fromString(date.today().isoformat(), "yyyy-MM-dd")
        self.use_from, self.date_from = self._date("from", self.tr("From"), today.addDays(-7))
        self.use_to, self.date_to = self._date("to", self.tr("To"), today)
        for date_widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            layout.addWidget(date_widget)
        self.moderator = self._combo("filter_moderator", self.tr("Moderator"))
        self.category = self._combo("filter_category", self.tr("Category"))
        self.decision = self._combo("filter_decision", self.tr("Decision"))
        self.event_type = self._combo("filter_event_type", self.tr("Event"), editable=False)
        for event_type in EventType:
            self.event_type.addItem(event_label(event_type.value), event_type.value)
        self.subject = QLineEdit()
        self.subject.setObjectName("filter_subject")
        self.subject.setPlaceholderText(self.tr("Subject, e.g. post:4711"))
        self.subject.returnPressed.connect(self.apply)
        for widget in (self.moderator, self.category, self.decision, self.event_type, self.subject):
            layout.addWidget(widget)
        apply = QPushButton(self.tr("Apply"))
        apply.setObjectName("filter_apply")
        apply.clicked.connect(self.apply)
        layout.addWidget(apply)

    def _date(self, name: str, text: str, initial: QDate) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text)
        check.setObjectName(f"filter_use_{name}")
        edit = QDateEdit(initial)
        edit.setObjectName(f"filter_{name}")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _combo(self, name: str, placeholder: str, *, editable: bool = True) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(editable)
        combo.addItem("")
        combo.setMinimumWidth(110)
        line = combo.lineEdit() if editable else None
        if line is not None:
            line.setPlaceholderText(placeholder)
        combo.setToolTip(placeholder)
        return combo

    def set_choices(self, choices: FilterChoices) -> None:
        for combo, values in ((self.moderator, choices.moderators), (self.category, choices.categories),
                              (self.decision, choices.decision_kinds)):
            current = combo.currentText()
            combo.clear()
            combo.addItem("")
            for value in values:
                combo.addItem(decision_label(value) if combo is self.decision else value, value)
            combo.setCurrentText(current)

    def current(self) -> EventFilter:
        def text(value: str) -> str | None:
            return value.strip() or None

        kind = self.event_type.currentData()
        return EventFilter(
            since=day_start(self.date_from.date()) if self.use_from.isChecked() else None,
            until=day_start(self.date_to.date(), next_day=True) if self.use_to.isChecked() else None,
            actor=text(self.moderator.currentText()), category=text(self.category.currentText()),
            decision_kind=text(chosen(self.decision)), event_type=EventType(kind) if kind else None,
            subject=text(self.subject.text()))

    def apply(self) -> None:
        self.applied.emit(self.current())


def chosen(combo: QComboBox) -> str:
    """The code behind a listed label (a decision kind shown in Chinese), or what the user typed."""
    index = combo.findText(combo.currentText())
    data = combo.itemData(index) if index >= 0 else None
    return data if isinstance(data, str) else combo.currentText()
