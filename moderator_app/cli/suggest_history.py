"""`suggest train --from-platform URL --user LEAD [--since DATE]`: the decisions the platform already holds,
as training examples, so a team starts warm.

Reads ``GET /v1/decisions`` (leads only) page by page; the latest decision on a post wins (a re-decision
replaces the earlier one), escalations are left out (not a verdict), ``no_violation`` is a negative example and
every other kind is labelled with the categories it cited. Each post's text and reports come from
``GET /v1/posts/{id}``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from moderator_app.core.decisions import DecisionKind, PlatformDecision
from moderator_app.core.errors import UsageError
from moderator_app.core.models import PostId
from moderator_app.services import platform
from moderator_app.suggestions.evaluation import EvalPost
from moderator_app.suggestions.model import LabelledExample

_PAGE = 1000


def parse_since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), tzinfo=UTC)
    except ValueError:
        raise UsageError(f"--since must be a date YYYY-MM-DD, not {value!r}") from None


def platform_examples(url: str, user: str, since: datetime | None) -> list[EvalPost]:
    from moderator_app.cli.decide import _password  # the same password source as bulk decisions

    password = _password(user)
    client = platform.make_client(url, credentials=lambda: (user, password))
    if not client.login(user, password).user.is_lead:
        raise UsageError(f"{user} is not a lead: the platform shows its decision history to leads only")
    latest: dict[PostId, PlatformDecision] = {}
    seq = 0
    while True:
        page = client.decisions(since=seq, limit=_PAGE)
        for decision in page.items:
            if decision.kind is not DecisionKind.ESCALATE and (since is None or decision.decided_at >= since):
                latest[decision.post_id] = decision
        if not page.items or page.next_since <= seq:
            break
        seq = page.next_since
    posts = []
    for post_id, decision in latest.items():
        item = client.post_detail(post_id).item
        categories = () if decision.kind is DecisionKind.NO_VIOLATION else decision.categories
        posts.append(EvalPost(LabelledExample(item.post.text, categories),
                              tuple(report.reason for report in item.reports), post_id))
    return posts
