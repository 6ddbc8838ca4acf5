"""What the PDF summary counts while the export streams, and where its Chinese font is (reportlab itself is
imported only when a PDF is written: it is slow to import)."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from moderator_app.core.errors import UsageError

FONT_CANDIDATES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
                   "/usr/local/share/fonts/wqy-microhei.ttc")
DECISION_TYPE = "decision_recorded"


@dataclass
class ReportStats:
    total: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_day: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_moderator: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)

    def add(self, occurred_at: str, actor: str, event_type: str, category: str | None,
            decision_kind: str | None) -> None:
        self.total += 1
        self.by_type[event_type] += 1
        if event_type == DECISION_TYPE:
            self.by_day[occurred_at[:10]] += 1
            self.by_category[category or "-"] += 1
            self.by_moderator[actor] += 1
            self.by_kind[decision_kind or "-"] += 1


def find_cjk_font() -> Path:
    configured = os.environ.get("MODAPP_CJK_FONT")
    for candidate in ([configured] if configured else []) + list(FONT_CANDIDATES):
        if Path(candidate).is_file():
            return Path(candidate)
    raise UsageError("the PDF report needs an embeddable Chinese TrueType font: install WenQuanYi Micro Hei "
                     "(sudo apt-get install fonts-wqy-microhei) or set MODAPP_CJK_FONT to a .ttf/.ttc file")


