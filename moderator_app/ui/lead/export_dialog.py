"""The export wizard: the viewer's filter, formats, language, author identities, folder; then progress and cancel."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.audit import EventFilter
from moderator_app.services.exports import FORMATS, ExportCancelled, ExportResult, ExportSpec
from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.i18n import current_language
from moderator_app.ui.lead.progress import ProgressDialog
from moderator_app.ui.tasks import TaskRunner
from moderator_app.ui.widgets import plain_label


def describe(wanted: EventFilter) -> str:
    parts = [f"{name}={value}" for name, value in (
        ("from", wanted.since), ("until", wanted.until), ("moderator", wanted.actor), ("category", wanted.category),
        ("decision", wanted.decision_kind), ("event", wanted.event_type.value if wanted.event_type else None),
        ("subject", wanted.subject)) if value]
    return ", ".join(parts) or "—"


class ExportDialog(QDialog):
    def __init__(self, console: LeadConsole, runner: TaskRunner, wanted: EventFilter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export audit events"))
        self.setMinimumWidth(560)
        self._console, self._runner, self._filter = console, runner, wanted
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Filter"), plain_label("export_filter", describe(wanted), wrap=True))
        formats = QHBoxLayout()
        self.format_boxes: dict[str, QCheckBox] = {}
        for name in FORMATS:
            box = QCheckBox(name.upper())
            box.setObjectName(f"export_format_{name}")
            box.setChecked(name == "csv")
            formats.addWidget(box)
            self.format_boxes[name] = box
        form.addRow(self.tr("Formats"), formats)
        self.language = QComboBox()
        self.language.setObjectName("export_language")
        self.language.addItem(self.tr("Chinese"), "zh")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(0 if current_language().startswith("zh") else 1)  # the UI's language
        form.addRow(self.tr("Column headers and PDF report in"), self.language)
        self.include_pii = QCheckBox(self.tr("Include author identities (recorded in the audit log)"))
        self.include_pii.setObjectName("export_include_pii")
        form.addRow(self.tr("Personal data"), self.include_pii)
        folder = QHBoxLayout()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.folder = QLineEdit(str(Path.home() / f"audit-export-{stamp}"))
        self.folder.setObjectName("export_folder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda: self._choose(stamp))
        folder.addWidget(self.folder, 1)
        folder.addWidget(browse)
        form.addRow(self.tr("Bundle folder"), folder)
        layout.addLayout(form)
        layout.addWidget(plain_label("export_note", self.tr(
            "The bundle holds the events, a signed manifest and what a reviewer needs to check, offline, that it "
            "is complete and unaltered (moderator-app audit verify-export FOLDER)."), wrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("export_start")
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, stamp: str) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Where to put the bundle"))
        if chosen:
            self.folder.setText(str(Path(chosen) / f"audit-export-{stamp}"))

    def spec(self) -> ExportSpec:
        formats = tuple(name for name, box in self.format_boxes.items() if box.isChecked()) or ("jsonl",)
        return ExportSpec(self._filter, formats, Path(self.folder.text()).expanduser(), self.include_pii.isChecked(),
                          str(self.language.currentData()))

    def start(self) -> None:
        spec = self.spec()
        self.hide()
        self.progress = ProgressDialog(self.tr("Exporting"), self.tr("Writing {folder}").format(folder=str(spec.out)),
                                       self._runner, lambda report, cancel: self._console.export(spec, report, cancel),
                                       self._done, self._failed, self.parentWidget() or self)
        self.progress.show()  # kept on self: a dialog without a parent must not be collected while it runs

    def _done(self, result: ExportResult) -> None:
        QMessageBox.information(self.parentWidget(), self.tr("Export"), self.tr(
            "Exported {events} events to {folder}.").format(events=f"{result.matching:,}", folder=str(result.out)))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ExportCancelled):
            QMessageBox.information(self.parentWidget(), self.tr("Export"),
                                    self.tr("Export cancelled; nothing was kept."))
        else:
            QMessageBox.critical(self.parentWidget(), self.tr("Export"), str(error))
        self.show()
