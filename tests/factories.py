"""Small builders for core records used across tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from moderator_app.core.models import Author, AuthorId, CategoryId, Post, PostId, QueueItem, Report, Suggestion

BASE = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def queue_item(
    n: int,
    text: str = "",
    *,
    reasons: tuple[str, ...] = (),
    priority: int = 3,
    flagged_minutes_ago: int = 60,
    reposts: int = 0,
    real_name: str | None = None,
) -> QueueItem:
    post_id = PostId(f"{5000000000000000000 + n}")
    author = Author(AuthorId(f"u{n:010d}"), f"用户{n}", real_name)
    flagged = BASE - timedelta(minutes=flagged_minutes_ago)
    post = Post(post_id, author, text or f"普通帖子 {n}", flagged - timedelta(hours=1), f"https://weibo.example/{n}",
                reposts)
    reports = tuple(Report(f"r{i:08d}", reason, "举报", flagged) for i, reason in enumerate(reasons))
    return QueueItem(post, reports, flagged, priority=priority)


def suggestion(category: str, score: float = 0.8) -> Suggestion:
    return Suggestion(CategoryId(category), score)
