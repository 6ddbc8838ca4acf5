"""The human-readable part of an evidence package: a Chinese PDF with the CJK font embedded (subset).

reportlab embeds TrueType outlines only (not CFF/OpenType such as Noto Sans CJK), so the font is a TrueType
collection: WenQuanYi Micro Hei (Debian ``fonts-wqy-microhei``) or another from ``CJK_FONT_CANDIDATES``.
A frozen build looks in ``resources/fonts/`` first (the PyInstaller spec copies the font there).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from moderator_app import paths
from moderator_app.core.errors import UnknownCategoryError, UsageError
from moderator_app.core.policy import PolicyPack
from moderator_app.referrals import zh
from moderator_app.referrals.model import Referral

FONT_NAME = "ReferralCJK"
# (file, index inside a .ttc); the first one present wins. MODAPP_CJK_FONT=/path/font.ttc[:index] overrides.
CJK_FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
)
STATE_ZH = {"pending_approval": "待批准", "approved": "已批准", "rejected": "已驳回", "submitted": "已移送",
            "closed": "已结案"}
EVENT_ZH = {"referral_created": "创建", "referral_approved": "批准", "referral_rejected": "驳回",
            "referral_submitted": "移送", "referral_closed": "结案"}


def find_cjk_font() -> tuple[Path, int]:
    """The TrueType CJK font to embed, or a UsageError that says how to get one."""
    override = os.environ.get("MODAPP_CJK_FONT")
    if override:
        name, _, suffix = override.rpartition(":")
        if not suffix.isdigit():
            name, suffix = override, "0"
        if not Path(name).is_file():
            raise UsageError(f"MODAPP_CJK_FONT names {name}, which is not a file")
        return Path(name), int(suffix)
    bundled = paths.resources_dir() / "fonts" / "wqy-microhei.ttc"
    for candidate, index in ((str(bundled), 0), *CJK_FONT_CANDIDATES):
        if Path(candidate).is_file():
            return Path(candidate), index
    raise UsageError("no TrueType CJK font for the referral PDF: install fonts-wqy-microhei "
                     "(sudo apt-get install fonts-wqy-microhei) or set MODAPP_CJK_FONT=/path/to/font.ttc")


def load_font(path: Path, index: int) -> Any:
    """A reportlab TTFont, or a UsageError saying why the file cannot be embedded (CFF outlines, not a font)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        return TTFont(FONT_NAME, str(path), subfontIndex=index)
    except (TTFError, OSError) as exc:
        raise UsageError(f"{path} cannot be embedded in a PDF ({exc}); it needs TrueType outlines, "
                         "e.g. fonts-wqy-microhei") from None


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(load_font(*find_cjk_font()))


def _unregister_font() -> None:
    """Drop the parsed font once the PDF is written: it is ~40,000 Python objects, exports are rare, and a larger
    permanent heap lengthens every garbage collection, including those on the GUI thread."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics._fonts.pop(FONT_NAME, None)
    if font is not None:
        pdfmetrics._dynFaceNames.pop(getattr(getattr(font, "face", None), "name", None), None)


def _urgency_zh(referral: Referral) -> str:
    if referral.request.threat_to_life:
        return "紧急（危及生命或人身安全）"
    return "紧急" if referral.request.is_urgent else "一般"


def _outcome_rows(referral: Referral) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if referral.rejection_reason:
        rows.append(("驳回理由", referral.rejection_reason))
    if referral.submission:
        sub = referral.submission
        rows += [("接收单位", sub.receiving_unit), ("受案回执／案件编号", sub.receipt_number),
                 ("移送日期", sub.submitted_on), ("移送人", sub.submitted_by)]
    if referral.outcome:
        rows.append(("处理结果", referral.outcome))
    return rows


def _rows(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    return [[label, value] for label, value in pairs]


def _person(user_id: str, role: str) -> str:
    return f"{user_id}（{zh.ROLE_ZH.get(role, '其他角色')}）"


def _short_names(pack: PolicyPack | None, category_ids: Iterable[str]) -> str:
    names = []
    for category_id in category_ids:
        try:
            names.append(pack.category(category_id).short_zh if pack else category_id)
        except UnknownCategoryError:
            names.append(category_id)
    return "、".join(names) or "—"


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What the report states beyond the referral itself, all read when the package is made."""

    package_id: str
    snapshot_sha256: str
    handling: zh.HandlingStatus
    pack: PolicyPack | None = None
    media_files: Mapping[str, Path] = field(default_factory=dict)  # media sha256 -> its file (data/media/<name>)


def render_pdf(referral: Referral, out: Path, context: ReportContext) -> None:
    """Write the referral report; every text from the platform is escaped (it is data, never markup)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_font()
    body = ParagraphStyle("body", fontName=FONT_NAME, fontSize=9.5, leading=14, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, fontSize=12, leading=18, spaceBefore=8, spaceAfter=4)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=1)
    pack = context.pack

    def para(text: Any, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    def table(rows: list[list[Any]], widths: tuple[float, ...] = (38 * mm, 132 * mm)) -> Table:
        cells = [[cell if isinstance(cell, Image) else para(cell) for cell in row] for row in rows]
        made = Table(cells, colWidths=list(widths), repeatRows=0)
        made.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke)]))
        return made

    def image(path: Path) -> Image:
        picture = Image(str(path))
        scale = min(1.0, 90 * mm / picture.imageWidth, 45 * mm / picture.imageHeight)
        picture.drawWidth, picture.drawHeight = picture.imageWidth * scale, picture.imageHeight * scale
        return picture

    items = referral.evidence["items"]
    post, author, capture = items["post"], items["author"], referral.evidence["capture"]
    request = referral.request
    story: list[Any] = [para("移送公安机关报告（证据包）", title), Spacer(1, 4 * mm)]
    story.append(table(_rows([
        ("报告编号", referral.referral_id), ("当前状态", STATE_ZH.get(referral.state.value, "未知状态")),
        ("紧急程度", _urgency_zh(referral)),
        ("涉嫌类别", "\n".join(zh.category_line(pack, c) for c in request.categories)),
        ("法律依据", "\n".join(request.legal_basis)), ("内容处置", zh.handling_zh(context.handling)),
        ("创建人", f"{_person(referral.created_by, 'moderator')}，{zh.beijing_time(referral.created_at)}"),
        ("批准人", referral.approved_by or "—"),
        *((("平台会签", note),) if (note := zh.countersignature_zh(referral.countersignature, referral.anomalies))
          else ()),
        *_outcome_rows(referral),
    ])))
    story += [para("涉嫌违法事实说明", heading), para(request.suspicion)]
    media = post.get("media", [])
    files = [(n, e, context.media_files.get(e.get("sha256", ""))) for n, e in enumerate(media, 1)]
    pictures = [[f"图像 {n}", image(path)] for n, _entry, path in files if path is not None]
    story += [para("帖子快照", heading), table([*_rows([
        ("帖子编号", post["post_id"]), ("网址", post["url"] or "—"),
        ("发布时间", zh.beijing_time(post["published_at"]["utc"])),
        ("转发数", post["repost_count"]), ("正文", post["text"]),
    ]), *pictures, *_rows([
        ("附带媒体", f"{len(media)} 个（见下方“媒体文件”）" if media else "无"),
        ("作者编号", author["author_id"]), ("作者昵称", author["display_name"]),
        ("实名信息", author["real_name"] or "（未获取；可依法向平台调取）"),
    ])])]
    if media:
        listed = []
        for number, entry, path in files:
            kind = zh.MEDIA_KIND_ZH.get(entry["kind"], "其他")
            where = (f"SHA-256 {entry['sha256']}\n包内文件 data/media/{path.name}（{entry['size']} 字节）"
                     if path is not None else f"未复制入证据包：{entry.get('not_copied') or '采集时未获取'}")
            listed.append([f"{'图像' if path is not None else '媒体'} {number}",
                           f"{entry['media_id']}（{kind}）：{entry['description'] or '无描述'}\n{where}"])
        story += [para("媒体文件", heading), table(listed)]
    reports = [[r["reporter_id"], zh.reason_zh(pack, r["reason"]), zh.beijing_time(r["reported_at"]["utc"]),
                r["text"]] for r in items["reports"]]
    story += [para(f"举报记录（{len(reports)} 条）", heading),
              table([["举报人", "原因", "时间（北京时间）", "说明"], *reports], (28 * mm, 28 * mm, 44 * mm, 70 * mm))]
    history = items["author_history"]
    prior = [[d["post_id"], zh.kind_zh(d["kind"]), _short_names(pack, d["categories"]),
              zh.beijing_time(d["decided_at"]["utc"])] for d in history["prior_decisions"]]
    story += [para(f"作者历史（发帖 {history['post_count'] or '未知'} 条，既往处置 {len(prior)} 条）", heading)]
    if history.get("unavailable"):
        story.append(para(f"采集时未能从平台获取作者历史：{history['unavailable']}"))
    story += [table([["帖子编号", "处置", "类别", "时间（北京时间）"], *prior], (46 * mm, 32 * mm, 44 * mm, 48 * mm))]
    story += [para("证据采集与完整性", heading), table(_rows([
        ("采集时间", zh.beijing_time(capture["captured_at"])), ("采集人", capture["captured_by"]),
        ("工作站", capture["workstation"]), ("采集方式", zh.CAPTURE_METHOD_ZH), ("采集工具", capture["tool"]),
        ("摘要算法", zh.DIGEST_METHOD_ZH),
        *((f"{zh.ITEM_ZH.get(name, '其他证据项')}摘要（SHA-256）", digest)
          for name, digest in referral.evidence["digests"].items()),
        ("快照文件摘要（SHA-256）", context.snapshot_sha256), ("证据包编号", context.package_id),
    ]))]
    steps = [[str(s.seq), EVENT_ZH.get(s.event_type, "其他"), _person(s.actor, s.actor_role),
              zh.beijing_time(s.occurred_at), s.detail] for s in referral.history]
    story += [para("流转记录（审计日志）", heading),
              table([["序号", "环节", "操作人", "时间（北京时间）", "说明"], *steps],
                    (16 * mm, 16 * mm, 36 * mm, 48 * mm, 54 * mm))]
    story += [Spacer(1, 4 * mm), para("核验方法：见证据包内 verification/VERIFY.md（中文、英文）。"
                                      "各文件的 SHA-256 列于 manifest-sha256.txt，清单由工作站 Ed25519 密钥签名；"
                                      "批准或驳回须有平台密钥的会签，请以平台公布的公钥核验。")]
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=f"移送公安机关报告 {referral.referral_id}",
                            author="moderator-app", invariant=True, initialFontName=FONT_NAME)
    try:
        doc.build(story)
    finally:
        _unregister_font()
