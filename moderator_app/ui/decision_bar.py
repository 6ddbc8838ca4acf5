"""The decision bar: cited categories (number keys), note, restriction, refutation, and the decision buttons."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.models import CategoryId
from moderator_app.core.policy import PolicyPack
from moderator_app.ui.flow_layout import FlowLayout
from moderator_app.ui.i18n import pick
from moderator_app.ui.widgets import plain_label, shrinkable

# Digit keys toggle categories 10.1–10.10 in pack order; '-' is the eleventh (the key right of 0).
CATEGORY_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-")


class DecisionBar(QWidget):
    cited_changed = Signal()
    retry_requested = Signal()  # Enter in the note or refutation: try the refused decision again
    leave_requested = Signal()  # Esc in a field: back to the queue, where letters are decision keys again

    def __init__(self, pack: PolicyPack | None, decision_actions: Mapping[str, QAction]) -> None:
        super().__init__()
        self.setObjectName("decision_bar")
        self.setAccessibleName(self.tr("Decision"))
        layout = QVBoxLayout(self)
        grid = FlowLayout()  # wraps onto more rows when the centre pane is narrow (1,366 px screens)
        self.category_buttons: dict[str, QToolButton] = {}
        self.category_actions: dict[str, QAction] = {}
        for n, category in enumerate(pack.categories if pack else ()):
            key = CATEGORY_KEYS[n] if n < len(CATEGORY_KEYS) else ""
            action = QAction(f"{key} {category.category_id} {pick(category.short_zh, category.short_en)}", self)
            action.setObjectName(f"cite_{category.category_id}")
            action.setCheckable(True)
            action.setToolTip(f"{category.article}：{category.text_zh}")
            if key:
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.setAutoRepeat(False)
            action.toggled.connect(lambda _checked: self.cited_changed.emit())
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(f"cite_button_{category.category_id}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            grid.addWidget(button)
            self.category_actions[category.category_id] = action
            self.category_buttons[category.category_id] = button
        layout.addLayout(grid)

        fields = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setObjectName("decision_note")
        self.note.setPlaceholderText(self.tr("Note (required to restrict or escalate)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.restriction_days = QSpinBox()
        self.restriction_days.setObjectName("decision_restriction_days")
        self.restriction_days.setRange(1, 365)
        self.restriction_days.setValue(7)
        self.restriction_days.setSuffix(self.tr(" days"))
        self.restriction_days.setAccessibleName(self.tr("Restriction in days"))
        self.refutation = QLineEdit()
        self.refutation.setObjectName("decision_refutation")
        self.refutation.setPlaceholderText(self.tr("Refutation text or link (rumour label)"))
        self.refutation.setAccessibleName(self.tr("Refutation"))
        for field in (self.note, self.refutation):
            shrinkable(field)
            field.setMinimumWidth(80)
            field.returnPressed.connect(self.retry_requested)
            leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), field)
            leave.setContext(Qt.ShortcutContext.WidgetShortcut)
            leave.activated.connect(self.leave_requested)
        fields.addWidget(self.note, 3)
        fields.addWidget(plain_label("restrict_label", self.tr("Restrict:")))
        fields.addWidget(self.restriction_days)
        fields.addWidget(self.refutation, 2)
        layout.addLayout(fields)

        buttons = FlowLayout()
        for action in decision_actions.values():
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(f"button_{action.objectName()}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._buttons = buttons
        self.problem = plain_label("decision_problem", wrap=True)
        self.problem.setStyleSheet("color: #c0392b;")
        shrinkable(self.problem)
        layout.addWidget(self.problem)

    def add_action_button(self, action: QAction) -> QToolButton:
        """A button for a window action (e.g. apply to similar posts), shown with the decision buttons."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setObjectName(f"button_{action.objectName()}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # A mode that changes what the next key does must be seen, not only a check mark in a menu.
        button.setStyleSheet("QToolButton:checked { background: #ffd966; font-weight: bold; }")
        self._buttons.addWidget(button)
        return button

    def focus_field(self, name: str | None) -> bool:
        """Put the cursor where the missing text goes: typed letters then go into it, not to the shortcuts."""
        field = {"note": self.note, "refutation": self.refutation, "restriction_days": self.restriction_days}.get(
            name or "")
        if field is None:
            return False
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def cited(self) -> tuple[CategoryId, ...]:
        return tuple(CategoryId(cid) for cid, action in self.category_actions.items() if action.isChecked())

    def cite(self, category_id: str, on: bool = True) -> None:
        action = self.category_actions.get(category_id)
        if action is not None:
            action.setChecked(on)

    def reset(self, cited: tuple[str, ...] = ()) -> None:
        for category_id, action in self.category_actions.items():
            action.setChecked(category_id in cited)
        self.note.clear()
        self.refutation.clear()
        self.restriction_days.setValue(7)
        self.problem.clear()

    def set_enabled(self, enabled: bool) -> None:
        for action in self.category_actions.values():
            action.setEnabled(enabled)
