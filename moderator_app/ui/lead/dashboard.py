"""The dashboard: decisions per hour of day and per day, by category and by moderator, SLA breaches, outbox
failures, suggestion acceptance per category."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget

from moderator_app.core.audit import utc_timestamp
from moderator_app.core.lead import Counts, Dashboard
from moderator_app.services.lead_console import LeadConsole
from moderator_app.ui.lead.charts import bar_chart
from moderator_app.ui.lead.synthetic_banner import synthetic_banner
from moderator_app.ui.tasks import Lane, TaskRunner
from moderator_app.ui.widgets import plain_label


class DashboardPane(QWidget):
    def __init__(self, console: LeadConsole, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._console, self._runner = console, runner
        self.data: Dashboard | None = None
        layout = QVBoxLayout(self)
        self.synthetic = synthetic_banner(console, runner)
        layout.addWidget(self.synthetic)
        controls = QHBoxLayout()
        controls.addWidget(plain_label("", self.tr("Last days")))
        self.days = QSpinBox()
        self.days.setObjectName("dashboard_days")
        self.days.setRange(1, 3650)
        self.days.setValue(30)
        controls.addWidget(self.days)
        controls.addWidget(plain_label("", self.tr("SLA (minutes from claim to decision)")))
        self.sla = QSpinBox()
        self.sla.setObjectName("dashboard_sla")
        self.sla.setRange(1, 24 * 60)
        self.sla.setValue(15)
        controls.addWidget(self.sla)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("dashboard_refresh")
        refresh.clicked.connect(self.refresh)
        controls.addWidget(refresh)
        self.summary = plain_label("dashboard_summary", "", wrap=True)
        controls.addWidget(self.summary, 1)
        layout.addLayout(controls)
        self.grid = QGridLayout()
        for column in range(3):
            self.grid.setColumnStretch(column, 1)
        layout.addLayout(self.grid, 1)
        self.refresh()

    def refresh(self) -> None:
        until = datetime.now(UTC)
        since = until - timedelta(days=self.days.value())
        self.summary.setText(self.tr("Loading…"))
        self._runner.submit(Lane.DB, lambda: self._console.dashboard(utc_timestamp(since), utc_timestamp(until),
                                                                     sla_minutes=self.sla.value()),
                            self.show_data, lambda error: self.summary.setText(str(error)))

    def show_data(self, data: Dashboard) -> None:
        self.data = data
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        acceptance = tuple((a.category, round(100 * a.rate)) for a in data.acceptance)

        def days(counts: Counts) -> Counts:  # "11-05": the range is on the summary line
            return tuple((day[5:], count) for day, count in counts)

        every_day = [day[5:] for day in days_between(data.per_day, data.sla_breaches_per_day,
                                                     data.outbox_failures_per_day)]
        no_category = self.tr("no category")
        by_category = tuple((no_category if c == "-" else c, n) for c, n in data.by_category)

        charts = [
            bar_chart("chart_per_hour", self.tr("Decisions per 3 hours of the day (Beijing time, from the hour shown)"),
                      [(self.tr("Decisions"), beijing_hours(data.per_hour_of_day))], labels=HOURS),
            bar_chart("chart_per_day", self.tr("Decisions per day"), [(self.tr("Decisions"), days(data.per_day))],
                      labels=every_day),
            bar_chart("chart_by_category", self.tr("Decisions by category"), [(self.tr("Decisions"), by_category)]),
            bar_chart("chart_by_moderator", self.tr("Decisions by moderator"),
                      [(self.tr("Decisions"), data.by_moderator)]),
            bar_chart("chart_problems", self.tr("SLA breaches and outbox failures per day"),
                      [(self.tr("SLA breaches"), days(data.sla_breaches_per_day)),
                       (self.tr("Outbox failures"), days(data.outbox_failures_per_day))], labels=every_day),
            bar_chart("chart_acceptance", self.tr("Suggestions accepted per category"),
                      [(self.tr("Accepted"), acceptance)], percent=True),
        ]
        for number, chart in enumerate(charts):
            self.grid.addWidget(chart, number // 3, number % 3)
        self.summary.setText(self.tr("{decisions} decisions, {breaches} SLA breaches, {failures} outbox failures "
                                     "since {since}").format(decisions=f"{data.decisions:,}",
                                                             breaches=f"{data.sla_breaches:,}",
                                                             failures=f"{data.outbox_failures:,}",
                                                             since=data.since[:10]))


# Three-hour periods by their first hour: 24 hourly labels in a 300 px chart are all elided to "…".
HOURS = [str(h) for h in range(0, 24, 3)]
BEIJING_OFFSET_HOURS = 8  # China keeps UTC+8 all year (no daylight saving)


def beijing_hours(per_utc_hour: Counts) -> Counts:
    """UTC hour-of-day counts ("00"…"23") as three-hour periods of Beijing time ("0", "3" … "21"): the team works
    in Beijing time."""
    periods = dict.fromkeys(HOURS, 0)
    for hour, n in per_utc_hour:
        if hour.isdigit():
            periods[str((int(hour) + BEIJING_OFFSET_HOURS) % 24 // 3 * 3)] += n
    return tuple(periods.items())


def days_between(*series: Counts) -> list[str]:
    """Every day from the first to the last with data in any of ``series`` (YYYY-MM-DD), gaps included."""
    known = sorted({day for counts in series for day, _n in counts})
    if not known:
        return []
    first, last = date.fromisoformat(known[0][:10]), date.fromisoformat(known[-1][:10])
    return [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
