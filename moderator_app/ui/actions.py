"""QActions built from the Qt-free decision catalogue. Auto-repeat is off: holding a key never decides twice."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from moderator_app.core.decisions import DECISIONS, DECISIONS_BY_KIND, REFERRAL_SHORTCUT, DecisionKind
from moderator_app.ui.i18n import pick


def build_decision_actions(parent: QWidget, overrides: Mapping[str, str]) -> dict[str, QAction]:
    """One action per decision kind plus ``referral``, keyed by name; shortcuts from settings override defaults."""
    actions: dict[str, QAction] = {}
    for spec in DECISIONS:
        action = QAction(pick(spec.label_zh, spec.label_en), parent)
        action.setObjectName(f"decision_{spec.kind.value}")
        _bind(action, overrides.get(spec.kind.value, spec.default_shortcut))
        action.setToolTip(f"{pick(spec.label_zh, spec.label_en)} — {spec.legal_basis}")
        action.setData(spec.kind.value)
        actions[spec.kind.value] = action
    referral = QAction(pick("报告公安机关…", "Police referral…"), parent)
    referral.setObjectName("decision_referral")
    _bind(referral, overrides.get("referral", REFERRAL_SHORTCUT))
    referral.setToolTip(
        pick("报告公安机关（第七条（八）），需组长批准", "Refer to police (Art. 7(8)); a lead approves")
    )
    actions["referral"] = referral
    return actions


def _bind(action: QAction, shortcut: str) -> None:
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setAutoRepeat(False)
    action.setEnabled(False)  # enabled once a post is shown


def default_shortcut(name: str) -> str:
    """The catalogue's key for a decision (or the referral action), before settings override it."""
    return DECISIONS_BY_KIND[DecisionKind(name)].default_shortcut if name != "referral" else REFERRAL_SHORTCUT


def decision_kind_of(action: QAction) -> DecisionKind | None:
    data = action.data()
    return DecisionKind(data) if data in {k.value for k in DecisionKind} else None
