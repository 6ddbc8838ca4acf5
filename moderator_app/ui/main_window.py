"""The main window: composes the panes, menus and status bar; the review controller does the work."""

from __future__ import annotations

import gc
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from moderator_app import __version__
from moderator_app.core.errors import SettingsError
from moderator_app.core.policy import PolicyPack
from moderator_app.services.review import ReviewService
from moderator_app.settings import Settings
from moderator_app.settings.store import default_store
from moderator_app.ui.actions import build_decision_actions, decision_kind_of, default_shortcut
from moderator_app.ui.claims import ClaimActions
from moderator_app.ui.decision_bar import DecisionBar
from moderator_app.ui.errors import show_error
from moderator_app.ui.events import AppEvents
from moderator_app.ui.held_decisions import offer_held_decisions
from moderator_app.ui.post_pane import PostPane
from moderator_app.ui.queue.model import QueueTableModel
from moderator_app.ui.queue.panel import QueuePanel
from moderator_app.ui.referral_queue import ReferralsUi
from moderator_app.ui.review import ReviewController
from moderator_app.ui.settings_dialog import SettingsDialog, changed_fields
from moderator_app.ui.status import StatusBar
from moderator_app.ui.suggestions_panel import SuggestionsPanel
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.wellbeing import BreakReminder
from moderator_app.ui.widgets import plain_label, shrinkable
from moderator_app.ui.window_layout import fit_to_screen, restore_layout, save_layout


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, pack: PolicyPack | None = None, *, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings
        self.pack = pack
        self.setWindowTitle(self.tr("Moderator Workstation — demo") if demo else self.tr("Moderator Workstation"))
        fit_to_screen(self)
        self.runner = TaskRunner(self)
        self.events = AppEvents(self)
        self.controller: ReviewController | None = None
        self.claims: ClaimActions | None = None

        self.decision_actions = build_decision_actions(self, settings.shortcut_overrides)
        self.queue_model = QueueTableModel(pack)
        self.queue_pane = QueuePanel(self.queue_model, pack)
        self.post_pane = PostPane(blur_media=settings.blur_media)
        self.decision_bar = DecisionBar(pack, self.decision_actions)
        self.suggestions_pane = SuggestionsPanel(pack)
        self.undo_banner = plain_label("undo_banner")
        self.undo_banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 4px;")
        self.undo_banner.hide()
        shrinkable(self.undo_banner)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.undo_banner)
        # On a short screen the post pane scrolls as a whole rather than pushing the decision bar off the window.
        post_scroll = QScrollArea()
        post_scroll.setObjectName("post_scroll")
        post_scroll.setWidgetResizable(True)
        post_scroll.setFrameShape(QFrame.Shape.NoFrame)
        post_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        post_scroll.setWidget(self.post_pane)
        centre_layout.addWidget(post_scroll, 1)
        centre_layout.addWidget(self.decision_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("main_splitter")
        for pane, stretch in ((self.queue_pane, 4), (centre, 4), (self.suggestions_pane, 2)):
            splitter.addWidget(pane)
            splitter.setStretchFactor(splitter.indexOf(pane), stretch)
        splitter.setSizes([520, 600, 380])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.splitter = splitter

        self.status = StatusBar(self.runner, settings, events=self.events)
        self.setStatusBar(self.status)
        self._build_menus()
        # Police referrals (Article 7(8)): Referrals menu, the P action, the urgent count (ui/referral_queue.py).
        self.referrals = ReferralsUi(self, self.runner, self.events, pack)
        self.decision_actions["referral"].triggered.connect(self._open_referral_dialog)
        restore_layout(self)
        self.break_reminder = BreakReminder(self, settings.break_reminder_minutes)

    # --- session ---------------------------------------------------------------------------------------------------
    def attach(self, service: ReviewService) -> ReviewController:
        """Start reviewing with a logged-in session: load the queue and keep the status bar current."""
        controller = ReviewController(
            service, self.runner, self.events, self.queue_pane, self.post_pane, self.suggestions_pane,
            self.decision_bar, self.decision_actions, undo_seconds=self.settings.undo_seconds,
        )
        controller.decision_held.connect(self._on_decision_held)
        controller.high_severity_seen.connect(self.status.set_high_severity_seen)
        self.controller = controller
        self.claims = ClaimActions(controller)
        self.status.attach(service)
        self.referrals.attach(service)
        self._install_lead_console(service)
        # Decisions a crash left inside the undo window are offered first; the queue loads once they are settled.
        offer_held_decisions(self, self.runner, self.events, service, then=controller.load_queue)
        return controller

    def _install_lead_console(self, service: ReviewService) -> None:
        """Issue 8: the Team lead menu (leads only). Blind second reviews come through the queue (ReviewController)."""
        from moderator_app.ui.lead.menu import install

        self.lead_menu = install(self, self.runner, service)

    def _on_decision_held(self, message: str) -> None:
        self.undo_banner.setText(message)
        self.undo_banner.setVisible(bool(message))
        if message:  # a decision was made: "apply to similar" was for that post only
            self.cluster_action.setChecked(False)

    def _on_decision_action(self) -> None:
        action = self.sender()
        kind = decision_kind_of(action) if isinstance(action, QAction) else None
        if self.controller is not None and kind is not None:
            self.controller.decide(kind)

    def _open_referral_dialog(self) -> None:
        """Key P: a referral is its own workflow; the moderator may still decide the post with the usual keys."""
        self.referrals.open_dialog(self.post_pane.item, self.decision_bar.cited())

    def _take_top_suggestion(self) -> None:
        top = self.suggestions_pane.top
        if top is not None:
            self.decision_bar.cite(top.category, True)

    def _undo(self) -> None:
        if self.controller is not None:
            self.controller.undo()

    def _toggle_cluster(self, on: bool) -> None:
        if self.controller is not None:
            self.controller.apply_to_cluster = on
        item = self.post_pane.item
        size = len(self.queue_model.cluster_members(item.post_id)) if on and item is not None else 0
        self.decision_bar.problem.setText(
            self.tr("The next decision applies to this post and {count} similar posts.").format(count=size - 1)
            if size > 1 else self.tr("The next decision applies to similar posts (this post has none).") if on
            else "")

    def _skip(self) -> None:
        if self.controller is not None:
            self.controller.skip()

    def _open_recent_decisions(self) -> None:
        if self.controller is None:
            return
        from moderator_app.ui.recent_decisions import RecentDecisionsDialog

        RecentDecisionsDialog(self.controller.service, self.runner, self.events, self).open()

    def _claims_do(self, slot: str, *_checked: object) -> None:
        if self.claims is not None:
            getattr(self.claims, slot)()

    def _focus_note(self) -> None:
        """Ctrl+N: type the note (Enter then goes back to the queue, where letters are decision keys)."""
        self.decision_bar.note.setFocus()
        self.decision_bar.note.selectAll()

    def _focus_search(self) -> None:
        self.queue_pane.search.setFocus()
        self.queue_pane.search.selectAll()

    def _reveal_media(self) -> None:
        self.post_pane.reveal_next()

    # --- menus -----------------------------------------------------------------------------------------------------
    def _action(self, name: str, text: str, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setAutoRepeat(False)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        settings_action = self._action("action_settings", self.tr("&Settings…"), QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self._open_settings)
        file_menu.addAction(settings_action)
        quit_action = self._action("action_quit", self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        queue_menu = bar.addMenu(self.tr("&Queue"))
        queue_menu.setObjectName("menu_queue")
        refresh = self._action("action_refresh", self.tr("&Refresh queue"), "F5")
        refresh.triggered.connect(lambda: self.controller.load_queue() if self.controller else None)
        skip = self._action("action_next", self.tr("&Next post (skip this one)"), "N")
        skip.triggered.connect(self._skip)
        reveal = self._action("action_reveal_media", self.tr("Re&veal media"), "V")
        reveal.triggered.connect(self._reveal_media)
        search = self._action("action_search", self.tr("&Search text or author…"), QKeySequence.StandardKey.Find)
        search.triggered.connect(self._focus_search)
        for action in (refresh, skip, reveal, search):
            queue_menu.addAction(action)
        queue_menu.addSeparator()
        for name, text, key, slot in (
            ("action_claim", self.tr("&Claim this post"), "Ctrl+K", "claim_shown"),
            ("action_release", self.tr("Re&lease this post"), "Ctrl+Shift+K", "release_shown"),
            ("action_release_all", self.tr("Release &all my posts"), "Ctrl+Alt+K", "release_all"),
        ):
            action = self._action(name, text, key)
            action.triggered.connect(partial(self._claims_do, slot))
            queue_menu.addAction(action)

        decision_menu = bar.addMenu(self.tr("&Decision"))
        decision_menu.setObjectName("menu_decision")
        for name, action in self.decision_actions.items():
            decision_menu.addAction(action)
            if name != "referral":
                action.triggered.connect(self._on_decision_action)
        decision_menu.addSeparator()
        take = self._action("action_take_suggestion", self.tr("Cite the top &suggestion"), "T")
        take.triggered.connect(self._take_top_suggestion)
        undo = self._action("action_undo", self.tr("&Undo last decision"), QKeySequence.StandardKey.Undo)
        undo.triggered.connect(self._undo)
        cluster = self._action("action_apply_cluster", self.tr("Apply to all &similar posts"), "C")
        cluster.setCheckable(True)
        cluster.toggled.connect(self._toggle_cluster)
        self.cluster_action = cluster
        self.decision_bar.add_action_button(cluster)
        note = self._action("action_note", self.tr("Write a &note"), "Ctrl+N")
        note.triggered.connect(self._focus_note)
        recent = self._action("action_recent_decisions", self.tr("My &recent decisions (revise)…"), "Ctrl+R")
        recent.triggered.connect(self._open_recent_decisions)
        for action in (take, undo, cluster, note, recent):
            decision_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("menu_view")
        reset = self._action("action_reset_layout", self.tr("&Reset the layout to fit this screen"))
        reset.triggered.connect(self._reset_layout)
        view_menu.addAction(reset)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        about = self._action("action_about", self.tr("&About"))
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _open_settings(self) -> None:
        try:  # a small local file, read again so the administrator's latest locks apply
            locked = default_store().load_layers().locked
        except SettingsError:
            locked = {}
        dialog = SettingsDialog(self.settings, self, locked=locked)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.result_settings))
        dialog.open()

    def apply_settings(self, new: Settings | None) -> None:
        """Apply at once what can be (shortcuts, blur); save and audit the change off the GUI thread."""
        if new is None or new == self.settings:
            return
        changed = changed_fields(self.settings, new)
        self.settings = new
        for name, action in self.decision_actions.items():
            action.setShortcut(QKeySequence(new.shortcut_overrides.get(name, default_shortcut(name))))
        self.post_pane.set_blur(new.blur_media)
        if new.break_reminder_minutes != self.break_reminder.minutes:
            self.break_reminder.set_minutes(new.break_reminder_minutes)
        controller = self.controller

        def save() -> None:
            default_store().save(new)
            if controller is not None:
                controller.service.record_settings_change(changed)

        self.runner.submit(Lane.DB, save, on_error=lambda e: show_error(self, e))

    def _reset_layout(self) -> None:
        fit_to_screen(self)
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([total * 4 // 10, total * 4 // 10, total * 2 // 10])

    def _show_about(self) -> None:
        text = self.tr("Moderator Workstation {version}").format(version=__version__)
        QMessageBox.about(self, self.tr("About"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_layout(self)
        if self.controller is not None:
            self.controller.stop()
            self.controller.flush()
        self.status.stop()
        self.break_reminder.stop()
        # Wait for journal writes in flight: a decision the moderator made must not be dropped on exit.
        self.runner.shutdown(wait=True)
        # The queue load froze everything alive then (gc.freeze, see ui/review.py): thaw it, or this window and
        # all it holds could never be collected.
        gc.unfreeze()
        super().closeEvent(event)
