"""The police-referral dialog (key P, Article 7(8)): cited categories, legal basis, the statement of suspicion,
urgency and what happens to the content. Sending it captures the evidence and asks a lead for approval; the
moderator may still decide the post itself with the usual decision keys.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.changes import Changes
from moderator_app.core.models import PriorDecision, QueueItem
from moderator_app.core.policy import PolicyPack
from moderator_app.services.referrals import (
    LEGAL_BASIS_PICKS,
    ContentHandling,
    MediaCopy,
    Referral,
    ReferralRequest,
    ReferralService,
)
from moderator_app.ui.errors import describe
from moderator_app.ui.events import AppEvents
from moderator_app.ui.i18n import pick
from moderator_app.ui.operations import Op
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label

PREVIEW_CHARS = 140


class ReferralDialog(QDialog):
    created = Signal(object)  # the Referral, once it is in the audit log

    def __init__(self, service: ReferralService, runner: TaskRunner, events: AppEvents, item: QueueItem,
                 pack: PolicyPack | None, cited: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referral_dialog")
        self.setWindowTitle(self.tr("Police referral (Article 7(8))"))
        self.resize(640, 620)
        self._service, self._runner, self._events, self._item = service, runner, events, item
        layout = QVBoxLayout(self)
        text = item.post.text if len(item.post.text) <= PREVIEW_CHARS else item.post.text[:PREVIEW_CHARS] + "…"
        layout.addWidget(plain_label("referral_post", f"{item.post_id} · {item.post.author.display_name}: {text}",
                                     wrap=True))
        form = QFormLayout()
        grid = QGridLayout()
        self.category_boxes: dict[str, QCheckBox] = {}
        for n, category in enumerate(pack.categories if pack else ()):
            box = QCheckBox(f"{category.category_id} {pick(category.short_zh, category.short_en)}")
            box.setObjectName(f"referral_category_{category.category_id}")
            box.setToolTip(f"{category.article}：{category.text_zh}")
            box.setChecked(category.category_id in cited)
            grid.addWidget(box, n // 4, n % 4)
            self.category_boxes[category.category_id] = box
        form.addRow(self.tr("Categories:"), grid)
        self.basis_pick = QComboBox()
        self.basis_pick.setObjectName("referral_basis_pick")
        self.basis_pick.addItem(self.tr("Add a legal basis…"), "")
        for zh, en in LEGAL_BASIS_PICKS:
            self.basis_pick.addItem(pick(zh, en), zh)  # the package is for a Chinese police unit: record Chinese
        self.basis_pick.activated.connect(self._add_basis)
        self.basis = QPlainTextEdit()
        self.basis.setObjectName("referral_basis")
        self.basis.setPlaceholderText(self.tr("One provision per line (free text allowed)"))
        self.basis.setMaximumHeight(80)
        basis_box = QVBoxLayout()
        basis_box.addWidget(self.basis_pick)
        basis_box.addWidget(self.basis)
        form.addRow(self.tr("Legal basis:"), basis_box)
        self.suspicion = QPlainTextEdit()
        self.suspicion.setObjectName("referral_suspicion")
        self.suspicion.setPlaceholderText(self.tr("What is suspected, and why (required)"))
        form.addRow(self.tr("Suspicion:"), self.suspicion)
        self.threat = QCheckBox(self.tr("Threat to life or safety (always urgent)"))
        self.threat.setObjectName("referral_threat")
        self.urgent = QCheckBox(self.tr("Urgent"))
        self.urgent.setObjectName("referral_urgent")
        self.threat.toggled.connect(self._on_threat)
        urgency = QHBoxLayout()
        urgency.addWidget(self.threat)
        urgency.addWidget(self.urgent)
        form.addRow(self.tr("Urgency:"), urgency)
        self.remove = QRadioButton(self.tr("Remove the content"))
        self.remove.setObjectName("referral_remove")
        self.keep = QRadioButton(self.tr("Keep it visible for the investigation"))
        self.keep.setObjectName("referral_keep")
        self.remove.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.remove)
        group.addButton(self.keep)
        handling = QHBoxLayout()
        handling.addWidget(self.remove)
        handling.addWidget(self.keep)
        form.addRow(self.tr("Content:"), handling)
        layout.addLayout(form)
        layout.addWidget(plain_label("referral_evidence_note", self.tr(
            "Sending captures the post, its author, the reports and the author's history as evidence (each with "
            "its SHA-256) and asks a team lead, not you, to approve."), wrap=True))
        self.problem = plain_label("referral_problem", wrap=True)
        self.problem.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(self.tr("Send for approval"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send.setObjectName("referral_send")
        self.buttons.accepted.connect(self.send_for_approval)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # By keyboard: the cursor starts at the legal-basis picks, Tab leaves the text boxes, Ctrl+Enter sends.
        for text_box in (self.basis, self.suspicion):
            text_box.setTabChangesFocus(True)
        send_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        send_key.activated.connect(self.send_for_approval)
        self.basis_pick.setFocus()

    def _add_basis(self, index: int) -> None:
        value = self.basis_pick.itemData(index)
        if value:
            current = self.basis.toPlainText().rstrip()
            self.basis.setPlainText(f"{current}\n{value}" if current else value)
        self.basis_pick.setCurrentIndex(0)

    def _on_threat(self, on: bool) -> None:
        if on:
            self.urgent.setChecked(True)
        self.urgent.setEnabled(not on)

    def request(self) -> ReferralRequest:
        return ReferralRequest(
            categories=tuple(cid for cid, box in self.category_boxes.items() if box.isChecked()),
            legal_basis=tuple(line for line in self.basis.toPlainText().splitlines() if line.strip()),
            suspicion=self.suspicion.toPlainText(),
            content_handling=ContentHandling.KEEP_VISIBLE if self.keep.isChecked() else ContentHandling.REMOVE,
            threat_to_life=self.threat.isChecked(), urgent=self.urgent.isChecked(),
        )

    def send_for_approval(self) -> None:
        """Author history on the network lane, then capture + audit on the database lane."""
        request = self.request()
        self.send.setEnabled(False)
        self.problem.clear()
        item, service = self._item, self._service
        Op(self._runner, self._events, lambda: service.author_history(item), lane=Lane.NET).success(
            lambda history: self._fetch_media(request, history)).failure(
            lambda error: self._fetch_media(request, (), describe(error))).run()

    def _fetch_media(self, request: ReferralRequest, history: tuple[PriorDecision, ...], unavailable: str = "") -> None:
        """The post's images on the network lane too (a failed image is recorded as such, never an error)."""
        item, service = self._item, self._service
        Op(self._runner, self._events, lambda: service.media_copies(item), lane=Lane.NET).success(
            lambda media: self._create(request, history, unavailable, media)).failure(self._failed).run()

    def _create(self, request: ReferralRequest, history: tuple[PriorDecision, ...], unavailable: str,
                media: Mapping[str, MediaCopy]) -> None:
        item, service = self._item, self._service
        Op(self._runner, self._events,
           lambda: service.create(item, request, history, history_unavailable=unavailable, media=media),
           lane=Lane.DB,
           changes=lambda _r: Changes(referrals=True, audit=True)).success(self._created).failure(self._failed).run()

    def _created(self, referral: Referral) -> None:
        self.created.emit(referral)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.send.setEnabled(True)
        self.problem.setText(describe(error))
