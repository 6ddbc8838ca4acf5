"""Bar charts with Qt's own QtCharts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from moderator_app.core.lead import Counts


def bar_chart(name: str, title: str, series: Sequence[tuple[str, Counts]], *, max_bars: int = 31,
              percent: bool = False) -> QChartView:
    """One bar set per (legend, counts); the categories are the union of labels, in order, the last ``max_bars``."""
    labels = sorted({label for _legend, counts in series for label, _n in counts})[-max_bars:]
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
    axis_x.setLabelsAngle(-90 if len(labels) > 12 or max((len(label) for label in labels), default=0) * len(labels) > 40
                          else 0)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(0, 100 if percent else max(1.0, top * 1.1))
    axis_y.setLabelFormat("%d %%" if percent else "%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_y)
    chart.legend().setVisible(len(series) > 1)
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(300, 220)
    return view
