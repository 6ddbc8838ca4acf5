"""What the police report says, in Chinese: category names and article text from the policy pack, report reasons,
roles, decision kinds, Beijing time without fractions, and the content handling as requested versus confirmed.

The PDF is read by a public security unit: no English field names or codes appear as labels. A code the pack
does not know is shown as the code, marked as unknown, rather than dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from moderator_app.core.decisions import DECISIONS_BY_KIND, DecisionKind
from moderator_app.core.errors import UnknownCategoryError
from moderator_app.core.policy import PolicyPack
from moderator_app.referrals.evidence import BEIJING
from moderator_app.referrals.model import ContentHandling

CHINESE_DIGITS = "〇一二三四五六七八九"
ROLE_ZH = {"moderator": "审核员", "lead": "组长", "": "—"}
SOURCE_ZH = {"user_report": "用户举报", "automated": "系统自动发现", "authority_request": "主管部门要求核查"}
# The platform's report reason codes; a code not listed is named by its category's short name in the pack.
REASON_ZH = {"spam": "垃圾信息", "other": "其他", "rumour": "谣言", "pornography": "色情", "gambling": "赌博",
             "violence": "暴力威胁", "terrorism": "恐怖活动", "crime_instigation": "教唆犯罪",
             "insult_defamation": "侮辱诽谤", "scam": "诈骗", "illegal_assembly": "非法集会",
             "illegal_organisation": "非法组织"}
ITEM_ZH = {"post": "帖子", "author": "作者", "reports": "举报记录", "author_history": "作者历史", "queue": "审核队列"}
MEDIA_KIND_ZH = {"image": "图片", "video": "视频", "link": "链接"}
CAPTURE_METHOD_ZH = "创建移送时经平台接口采集的快照"
DIGEST_METHOD_ZH = "对每项证据的 RFC 8785 规范化 JSON 计算 SHA-256"


@dataclass(frozen=True, slots=True)
class HandlingStatus:
    """What was asked for the post and what the platform acknowledged (a ``decision_delivered`` audit event)."""

    requested: ContentHandling
    confirmed_kind: str | None = None  # the decision kind the platform acknowledged, if any
    confirmed_at: str | None = None  # UTC time of that acknowledgement, as recorded
    decision_id: str = ""
    as_of: str = ""  # UTC time the audit log was read


def chinese_number(number: int) -> str:
    """1..99 in Chinese numerals, as articles are cited (十, 十一, 二十三)."""
    if number < 10:
        return CHINESE_DIGITS[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + ("" if ones == 0 else CHINESE_DIGITS[ones])


def beijing_time(utc_text: str, *, suffix: str = "（北京时间）") -> str:
    """An RFC 3339 instant as Beijing time, to the second: ``2026-11-30 16:00:00（北京时间）``."""
    if not utc_text:
        return "—"
    try:
        moment = datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    except ValueError:
        return utc_text
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S") + suffix


def category_line(pack: PolicyPack | None, category_id: str) -> str:
    """``第十条第（六）项 散布谣言，扰乱社会秩序，破坏社会稳定的`` from the pack; the id when the pack lacks it."""
    if pack is None:
        return f"类别 {category_id}（未载入政策包）"
    try:
        category = pack.category(category_id)
    except UnknownCategoryError:
        return f"类别 {category_id}（政策包 {pack.pack_id} 中没有此类别）"
    article, _, item = category_id.partition(".")
    cited = category.article
    if article.isdigit() and item.isdigit():
        cited = f"第{chinese_number(int(article))}条第（{chinese_number(int(item))}）项"
    return f"《{pack.title_zh}》{cited} {category.text_zh}"


def reason_zh(pack: PolicyPack | None, reason: str) -> str:
    if reason in REASON_ZH:
        return REASON_ZH[reason]
    if pack is not None:
        for category_id in pack.categories_for_reason(reason):
            try:
                return pack.category(category_id).short_zh
            except UnknownCategoryError:
                break
    return "其他（未知原因代码）"


def kind_zh(kind: str) -> str:
    try:
        return DECISIONS_BY_KIND[DecisionKind(kind)].label_zh
    except ValueError:
        return "其他处置"


def handling_zh(status: HandlingStatus) -> str:
    """Requested versus confirmed: only the platform's recorded acknowledgement makes a removal a fact."""
    confirmed = ""
    if status.confirmed_kind:
        confirmed = f"平台已于 {beijing_time(status.confirmed_at or '')} 确认处置：{kind_zh(status.confirmed_kind)}"
        if status.decision_id:
            confirmed += f"（平台处置编号 {status.decision_id}）"
    as_of = f"（截至北京时间 {beijing_time(status.as_of, suffix='')}）" if status.as_of else ""
    if status.requested is ContentHandling.REMOVE:
        if status.confirmed_kind == DecisionKind.REMOVE.value:
            return f"已删除：{confirmed}"
        if confirmed:
            return f"已申请删除，平台尚未确认删除{as_of}；{confirmed}"
        return f"已申请删除，平台尚未确认{as_of}"
    kept = "申请保留可见，供侦查"
    return f"{kept}；{confirmed}" if confirmed else f"{kept}；平台未记录任何处置{as_of}"


def countersignature_zh(countersignature: dict[str, object] | None, anomalies: tuple[str, ...]) -> str:
    """How the approval or rejection was countersigned by the platform, or why a recorded one is not accepted."""
    if countersignature:
        signed = countersignature.get("signed")
        if not isinstance(signed, dict):
            return "平台会签记录格式不符，不予认可"
        decision = "批准" if signed.get("decision") == "approved" else "驳回"
        return (f"平台已会签：{signed.get('approver')}（组长）于 {beijing_time(str(signed.get('decided_at', '')))}"
                f"以本人平台账号{decision}；平台密钥 {signed.get('key_id')}，签名见 data/events.jsonl")
    if any("forged" in a for a in anomalies):
        return "审计日志中有未经平台会签的批准或驳回记录，不予认可（视为伪造）"
    return ""
