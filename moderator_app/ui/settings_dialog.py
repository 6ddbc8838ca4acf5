"""Settings: edits a copy of the frozen Settings; saves (off the GUI thread) only what changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QKeySequenceEdit,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.decisions import DECISIONS, REFERRAL_SHORTCUT
from moderator_app.core.errors import SettingsError
from moderator_app.settings import Settings
from moderator_app.settings.model import LANGUAGES
from moderator_app.settings.store import MANAGED_LOCK_REASON
from moderator_app.ui.decision_bar import CATEGORY_KEYS
from moderator_app.ui.i18n import pick
from moderator_app.ui.widgets import plain_label


def changed_fields(old: Settings, new: Settings) -> dict[str, str]:
    """Field name -> new value (as text) for every setting that differs: what the audit log records."""
    return {f.name: str(getattr(new, f.name)) for f in fields(Settings) if getattr(old, f.name) != getattr(new, f.name)}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 locked: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.original = settings
        self.result_settings: Settings | None = None
        layout = QVBoxLayout(self)

        general = QFormLayout()
        self.platform_url = QLineEdit(settings.platform_url)
        self.platform_url.setObjectName("settings_platform_url")
        self.ca_bundle = QLineEdit(settings.ca_bundle or "")
        self.ca_bundle.setObjectName("settings_ca_bundle")
        self.ca_bundle.setPlaceholderText(self.tr("System certificates (TLS is always verified)"))
        self.language = QComboBox()
        self.language.setObjectName("settings_language")
        for code, label in zip(LANGUAGES, (self.tr("Follow the system"), "简体中文", "English"), strict=True):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(LANGUAGES.index(settings.language))
        self.claim_batch = self._spin("settings_claim_batch", 1, 200, settings.claim_batch_size)
        self.undo_seconds = self._spin("settings_undo_seconds", 0, 30, settings.undo_seconds, self.tr(" s"))
        general.addRow(self.tr("Platform URL"), self.platform_url)
        general.addRow(self.tr("CA bundle"), self.ca_bundle)
        general.addRow(self.tr("Language (after restart)"), self.language)
        general.addRow(self.tr("Posts claimed at a time"), self.claim_batch)
        general.addRow(self.tr("Undo window"), self.undo_seconds)
        layout.addLayout(general)

        wellbeing = QGroupBox(self.tr("Wellbeing"))
        form = QFormLayout(wellbeing)
        self.blur = QCheckBox(self.tr("Blur media until revealed"))
        self.blur.setObjectName("settings_blur")
        self.blur.setChecked(settings.blur_media)
        self.break_minutes = self._spin("settings_break_minutes", 0, 600, settings.break_reminder_minutes,
                                        self.tr(" min (0 = off)"))
        form.addRow(self.blur)
        form.addRow(self.tr("Break reminder after"), self.break_minutes)
        layout.addWidget(wellbeing)

        keys = QGroupBox(self.tr("Decision shortcuts"))
        keys_form = QFormLayout(keys)
        self.shortcuts: dict[str, QKeySequenceEdit] = {}
        defaults = {spec.kind.value: spec.default_shortcut for spec in DECISIONS} | {"referral": REFERRAL_SHORTCUT}
        labels = {spec.kind.value: pick(spec.label_zh, spec.label_en) for spec in DECISIONS}
        labels["referral"] = pick("报告公安机关", "Police referral")
        for name, default in defaults.items():
            edit = QKeySequenceEdit(QKeySequence(settings.shortcut_overrides.get(name, default)))
            edit.setObjectName(f"settings_shortcut_{name}")
            edit.setMaximumSequenceLength(1)
            self.shortcuts[name] = edit
            keys_form.addRow(labels[name], edit)
        self._defaults = defaults
        layout.addWidget(keys)

        self._lock(locked or {})

        self.problem = plain_label("settings_problem", wrap=True)
        self.problem.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _lock(self, locked: Mapping[str, str]) -> None:
        """Values set by the administrator's managed file (or the environment) are shown, but cannot be edited."""
        widgets: dict[str, list[QWidget]] = {
            "platform_url": [self.platform_url], "ca_bundle": [self.ca_bundle], "language": [self.language],
            "claim_batch_size": [self.claim_batch], "undo_seconds": [self.undo_seconds], "blur_media": [self.blur],
            "break_reminder_minutes": [self.break_minutes], "shortcut_overrides": list(self.shortcuts.values()),
        }
        for name, why in locked.items():
            tip = self.tr("set by your administrator") if why == MANAGED_LOCK_REASON else why
            for widget in widgets.get(name, []):
                widget.setEnabled(False)
                widget.setToolTip(tip)

    @staticmethod
    def _spin(name: str, low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def edited(self) -> Settings:
        overrides = {}
        for name, edit in self.shortcuts.items():
            key = edit.keySequence().toString()
            if key and key != self._defaults[name]:
                overrides[name] = key
        return replace(
            self.original, platform_url=self.platform_url.text().strip(),
            ca_bundle=self.ca_bundle.text().strip() or None, language=self.language.currentData(),
            claim_batch_size=self.claim_batch.value(),
            undo_seconds=self.undo_seconds.value(), blur_media=self.blur.isChecked(),
            break_reminder_minutes=self.break_minutes.value(), shortcut_overrides=overrides,
        )

    def problems(self, settings: Settings) -> list[str]:
        keys = [settings.shortcut_overrides.get(name, default) for name, default in self._defaults.items()]
        found = []
        if len(set(keys)) != len(keys):
            found.append(self.tr("Two decisions share a shortcut."))
        if any(k in CATEGORY_KEYS for k in keys):
            found.append(self.tr("Digits and '-' are reserved for citing categories."))
        try:
            settings.validate("settings")
        except SettingsError as exc:
            found.append(str(exc))
        return found

    def _accept(self) -> None:
        settings = self.edited()
        problems = self.problems(settings)
        if problems:
            self.problem.setText(" ".join(problems))
            return
        self.result_settings = settings
        self.accept()
