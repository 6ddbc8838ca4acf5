"""Pure functions from core models to what the widgets show. No Qt here, so they are tested without a display."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from moderator_app.core.decisions import DECISIONS
from moderator_app.core.models import QueueItem
from moderator_app.core.report_reasons import REPORT_REASON_ZH
from moderator_app.ui.i18n import current_language, pick

DEFAULT_SLA_HOURS = 24
DUE_SOON = timedelta(hours=1)
EXCERPT_CHARS = 80
# Characters that reorder or hide text: an RTL override turns "gpj.exe" into "exe.jpg" on screen, a zero-width space
# hides the evasion a lexicon caught. Everywhere untrusted text is shown, each appears as a visible mark "<U+202E>".
INVISIBLE_CONTROLS = frozenset({
    0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
})
_ZWJ = 0x200D
_VARIATION_SELECTOR_16 = 0xFE0F


def control_mark(code: int) -> str:
    return f"<U+{code:04X}>"


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or code == _VARIATION_SELECTOR_16


def _joins_emoji(text: str, i: int) -> bool:
    """A zero-width joiner inside an emoji sequence (👨‍👩‍👧) draws one picture: left alone."""
    return 0 < i < len(text) - 1 and _is_emoji(text[i - 1]) and _is_emoji(text[i + 1])


@dataclass(frozen=True, slots=True)
class VisibleText:
    """Untrusted text as shown: controls as marks, lone surrogates replaced. ``starts[i]`` is where original
    character i begins in ``text`` (evidence spans index the original)."""

    text: str
    starts: tuple[int, ...]

    def position(self, index: int) -> int:
        if not self.starts:
            return index
        return self.starts[index] if index < len(self.starts) else len(self.text)

    @property
    def marks(self) -> list[tuple[int, int]]:
        """(start, end) of every control mark in ``text``, to tint them."""
        out, at = [], 0
        while (at := self.text.find("<U+", at)) != -1:
            end = self.text.find(">", at)
            if end == -1:
                break
            if self.text[at:end + 1] in _MARK_STRINGS:
                out.append((at, end + 1))
            at = end + 1
        return out


_MARK_STRINGS = frozenset(control_mark(c) for c in INVISIBLE_CONTROLS)


def visible_text(text: str) -> VisibleText:
    """The one function that makes untrusted text safe to show in full (post pane, author line, reports, media
    descriptions, lead views)."""
    if not any(ord(ch) in INVISIBLE_CONTROLS or 0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return VisibleText(text, ())  # the common case: nothing to change, positions are the identity
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    for i, ch in enumerate(text):
        code = ord(ch)
        if code in INVISIBLE_CONTROLS and not (code == _ZWJ and _joins_emoji(text, i)):
            shown = control_mark(code)
        elif 0xD800 <= code <= 0xDFFF:
            shown = "\ufffd"  # a lone surrogate cannot be drawn or encoded
        else:
            shown = ch
        starts.append(at)
        parts.append(shown)
        at += len(shown)
    return VisibleText("".join(parts), tuple(starts))


def printable(text: str) -> str:
    """Full untrusted text for a plain-text widget: invisible controls as marks, lone surrogates replaced."""
    return visible_text(text).text


def safe_excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """One line of untrusted text for a table cell: controls made visible, newlines folded, length capped."""
    joined = printable(text[: limit * 2]).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def format_remaining(deadline: datetime, now: datetime) -> str:
    """'2 h 05 min', '12 min', or 'overdue 3 h 10 min' (in Chinese: '2 小时 05 分', '超时 3 小时 10 分')."""
    seconds = int((deadline - now).total_seconds())
    overdue = seconds < 0
    hours, minutes = divmod(abs(seconds) // 60, 60)
    if current_language() == "zh_CN":
        body = f"{hours} 小时 {minutes:02d} 分" if hours else f"{minutes} 分"
        return "超时 " + body if overdue else body
    body = f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
    return "overdue " + body if overdue else body


FLAG_SOURCES = {"user_report": ("用户举报", "user report"), "automated": ("自动标记", "automated"),
                "authority_request": ("主管部门要求", "authority request")}


def flag_source_label(source: str) -> str:
    zh, en = FLAG_SOURCES.get(source, (source, source))
    return pick(zh, en)


@dataclass(frozen=True, slots=True)
class SlaState:
    label: str
    breached: bool
    due_soon: bool


def sla_state(deadline: datetime, now: datetime) -> SlaState:
    left = deadline - now
    return SlaState(format_remaining(deadline, now), left.total_seconds() < 0, timedelta(0) <= left <= DUE_SOON)


def utf16_offset(text: str, index: int) -> int:
    """Qt's text positions count UTF-16 units; Python counts code points (an emoji is 1 here, 2 there)."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def author_line(item: QueueItem, *, may_see_identity: bool) -> str:
    """Pseudonymous by default (Art. 7(4)); the real name only for a role that may see it."""
    author = item.post.author
    line = f"{printable(author.display_name)} · {printable(author.author_id)}"
    if may_see_identity and author.real_name:
        line += f" · {printable(author.real_name)}"
    return line


def report_lines(item: QueueItem) -> list[str]:
    return [
        f"{r.reported_at.astimezone().strftime('%m-%d %H:%M')}  {safe_excerpt(report_reason_label(r.reason), 40)}  "
        f"{safe_excerpt(r.reporter_id, 40)}"
        + (f"  “{safe_excerpt(r.text, 120)}”" if r.text else "")
        for r in item.reports
    ]


EVENT_LABELS = {
    "login": ("登录", "login"), "logout": ("退出登录", "logout"), "claim": ("领取", "claim"),
    "decision_recorded": ("处置已记录", "decision recorded"),
    "decision_delivered": ("处置已送达", "decision delivered"),
    "decision_failed": ("处置被拒", "decision refused"), "referral_created": ("移送已创建", "referral created"),
    "referral_approved": ("移送已批准", "referral approved"), "referral_rejected": ("移送被驳回", "referral rejected"),
    "referral_submitted": ("已移交公安", "referral submitted"), "referral_closed": ("移送已结案", "referral closed"),
    "export_made": ("已导出", "export made"), "settings_changed": ("设置已更改", "settings changed"),
    "media_revealed": ("已查看媒体", "media revealed"), "checkpoint": ("签名检查点", "checkpoint"),
    "suggestion_feedback": ("建议反馈", "suggestion feedback"), "review_requested": ("已请求复核", "review requested"),
    "review_recorded": ("复核已记录", "review recorded"), "review_closed": ("复核已关闭", "review closed"),
    "review_settled": ("分歧已裁定", "review settled"),
    "decision_discarded": ("处置已放弃", "decision discarded"),
    "claim_released": ("已释放领取", "claim released"),
}


def event_label(event_type: str) -> str:
    """An audit event's name in the user's language (the code itself for one this version does not know)."""
    zh, en = EVENT_LABELS.get(event_type, (event_type, event_type))
    return pick(zh, en)


def decision_label(kind: str) -> str:
    spec = next((s for s in DECISIONS if s.kind.value == kind), None)
    return pick(spec.label_zh, spec.label_en) if spec else kind




def report_reason_label(code: str) -> str:
    """A report reason code as the moderator reads it (the code in English, where it is readable as it is)."""
    return pick(REPORT_REASON_ZH.get(code, code), code.replace("_", " "))


ROLES = {"lead": ("组长", "lead"), "moderator": ("审核员", "moderator")}


def role_label(role: str) -> str:
    zh, en = ROLES.get(role, (role, role))
    return pick(zh, en)
