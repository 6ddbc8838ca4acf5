"""Bar charts with Qt's own QtCharts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from moderator_app.core.lead import Counts


def nice_step(top: float, ticks: int = 5) -> int:
    """A whole 1, 2 or 5 × 10ⁿ step giving at most ``ticks`` intervals up to ``top``: axes read 0, 100, 200…,
    never 92, 185, 278 or a count repeated by rounding."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if top <= step * factor * ticks:
                return step * factor
        step *= 10


def bar_chart(name: str, title: str, series: Sequence[tuple[str, Counts]], *, max_bars: int = 31,
              percent: bool = False, labels: Sequence[str] | None = None) -> QChartView:
    """One bar set per (legend, counts); the categories are ``labels`` (every hour, every day: a day without data
    is a gap, not skipped) or else the union of labels, in order, the last ``max_bars``."""
    if labels is None:
        labels = sorted({label for _legend, counts in series for label, _n in counts})
    labels = list(labels)[-max_bars:]
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    bars = QBarSeries()
    top = 0.0
    for legend, counts in series:
        values = dict(counts)
        bar_set = QBarSet(legend)
        for label in labels:
            bar_set.append(float(values.get(label, 0)))
            top = max(top, float(values.get(label, 0)))
        bars.append(bar_set)
    chart.addSeries(bars)
    axis_x = QBarCategoryAxis()
    axis_x.append(labels or ["—"])
    widest = max((len(label) for label in labels), default=0)
    axis_x.setLabelsAngle(-90 if widest > 2 and widest * len(labels) > 40 else 0)
    if len(labels) > 12:  # 24 hours or a month of days: a smaller font, so every label shows (not "⋮")
        font = axis_x.labelsFont()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        axis_x.setLabelsFont(font)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    axis_y = QValueAxis()
    step = 25 if percent else nice_step(top)
    axis_y.setRange(0, 100 if percent else step * max(1, -(-int(top) // step)))
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(step)
    axis_y.setLabelFormat("%d %%" if percent else "%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_y)
    chart.legend().setVisible(len(series) > 1)
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(300, 220)
    return view
