"""A line over the viewer and the dashboard when the log holds synthetic history (`audit generate`): those events
are demo and benchmark data, each marked "synthetic": true, and must not be read as the team's work."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label


def synthetic_banner(console: LeadConsole, runner: TaskRunner) -> QLabel:
    label = plain_label("synthetic_banner", label_text(), wrap=True, bold=True)
    label.setStyleSheet("background: #fff3cd; color: #664d03; padding: 4px;")
    label.hide()
    runner.submit(Lane.DB, console.holds_synthetic, label.setVisible)
    return label


def label_text() -> str:
    return QCoreApplication.translate(
        "SyntheticBanner", 'This log holds SYNTHETIC events (made by "audit generate" for demos and benchmarks, each '
        'marked "synthetic": true): they are not real work.')
