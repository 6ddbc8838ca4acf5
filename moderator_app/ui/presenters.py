"""Pure functions from core models to what the widgets show. No Qt here, so they are tested without a display."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from moderator_app.core.models import QueueItem
from moderator_app.ui.i18n import current_language, pick

DEFAULT_SLA_HOURS = 24
DUE_SOON = timedelta(hours=1)
EXCERPT_CHARS = 80
# Bidirectional overrides and isolates would reorder the rest of a table cell; show them as visible marks instead.
_BIDI_CONTROLS = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F}


def safe_excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """One line of untrusted text for a table cell: controls made visible, newlines folded, length capped."""
    out = []
    for ch in text[: limit * 2]:
        code = ord(ch)
        if code in _BIDI_CONTROLS:
            out.append(f"<U+{code:04X}>")
        elif ch in "\r\n\t":
            out.append(" ")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")  # a lone surrogate cannot be drawn or encoded
        else:
            out.append(ch)
    joined = "".join(out)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def printable(text: str) -> str:
    """Full untrusted text for a plain-text widget: lone surrogates replaced so Qt can encode it."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


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
    line = f"{author.display_name} · {author.author_id}"
    if may_see_identity and author.real_name:
        line += f" · {author.real_name}"
    return line


def report_lines(item: QueueItem) -> list[str]:
    return [
        f"{r.reported_at.astimezone().strftime('%m-%d %H:%M')}  {r.reason}  {r.reporter_id}"
        + (f"  “{safe_excerpt(r.text, 120)}”" if r.text else "")
        for r in item.reports
    ]
