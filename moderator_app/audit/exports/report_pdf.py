"""The PDF summary report: counts and bar charts of the exported events, in Chinese or English.

Chinese needs an embeddable TrueType font (a PDF without the font embedded is not portable): WenQuanYi Micro Hei
from Debian's fonts-wqy-microhei, found at run time, or the file named by MODAPP_CJK_FONT."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from moderator_app.audit.exports.report_stats import DECISION_TYPE, ReportStats, find_cjk_font

if TYPE_CHECKING:
    from moderator_app.audit.exports.bundle import ExportRequest

FONT_NAME = "WenQuanYiMicroHei"
_TEXT = {
    "title": ("Audit export summary", "审计导出摘要"),
    "export": ("Export", "导出编号"), "digest": ("events.jsonl SHA-256", "events.jsonl SHA-256"),
    "filter": ("Filter", "筛选条件"), "events": ("Events exported", "导出事件数"),
    "decisions": ("Decisions", "决定数"), "by_type": ("Events by type", "按事件类型"),
    "by_day": ("Decisions per day", "每日决定数"), "by_category": ("Decisions by category", "按类别的决定"),
    "by_moderator": ("Decisions by moderator", "按审核员的决定"), "by_kind": ("Decisions by kind", "按处理方式"),
    "none": ("(none)", "（无）"),
}


def _register_font() -> str:
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(find_cjk_font()), subfontIndex=0))
    return FONT_NAME


def write_pdf(path: Path, stats: ReportStats, request: ExportRequest, export_id: str, events_digest: str) -> None:
    font = _register_font()
    zh = request.language == "zh"

    def text(key: str) -> str:
        return _TEXT[key][1 if zh else 0]

    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13)
    heading = ParagraphStyle("heading", parent=body, fontSize=13, leading=18, spaceBefore=8)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=24)
    wanted = {k: v for k, v in _filter_text(request).items() if v}
    story: list[Any] = [
        Paragraph(text("title"), title),
        Paragraph(f"{text('export')}: {export_id}", body),
        Paragraph(f"{text('digest')}: {events_digest}", body),
        Paragraph(f"{text('filter')}: " + (", ".join(f"{k}={v}" for k, v in wanted.items()) or text("none")), body),
        Paragraph(f"{text('events')}: {stats.total:,}    {text('decisions')}: {stats.by_type[DECISION_TYPE]:,}",
                  body),
    ]
    for key, counter, vertical in (("by_day", stats.by_day, True), ("by_type", stats.by_type, False),
                                   ("by_category", stats.by_category, False),
                                   ("by_moderator", stats.by_moderator, False), ("by_kind", stats.by_kind, False)):
        story += [Paragraph(text(key), heading), _chart(counter, font, vertical=vertical), Spacer(1, 3 * mm),
                  _table(counter, font)]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawString(15 * mm, 8 * mm, f"{export_id} · events.jsonl sha256 {events_digest} · {doc.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(str(path), pagesize=A4, title=text("title"), leftMargin=15 * mm,
                                 rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm)
    document.build(story, onFirstPage=footer, onLaterPages=footer)


def _filter_text(request: ExportRequest) -> dict[str, str | None]:
    wanted = request.wanted
    return {"from": wanted.since, "to": wanted.until, "moderator": wanted.actor, "category": wanted.category,
            "decision": wanted.decision_kind, "type": wanted.event_type.value if wanted.event_type else None,
            "subject": wanted.subject}


def _chart(counter: Counter[str], font: str, *, vertical: bool, limit: int = 20) -> Drawing:
    items = sorted(counter.items())[-limit:] if vertical else counter.most_common(limit)[::-1]
    height = 55 * mm if vertical else max(20, 5 * mm * len(items) + 10 * mm)
    drawing = Drawing(180 * mm, height)
    chart: Any = VerticalBarChart() if vertical else HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30 * mm, 8 * mm, 140 * mm, height - 12 * mm
    chart.data = [[count for _label, count in items] or [0]]
    chart.categoryAxis.categoryNames = [label for label, _count in items] or ["-"]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#3b6ea5")
    drawing.add(chart)
    return drawing


def _table(counter: Counter[str], font: str) -> Table:
    rows = [[label, f"{count:,}"] for label, count in counter.most_common(30)] or [["-", "0"]]
    table = Table(rows, colWidths=(80 * mm, 30 * mm))
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT")])
    return table
