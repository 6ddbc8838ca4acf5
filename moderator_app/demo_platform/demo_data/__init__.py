"""Deterministic demo data for the reference platform server's demo mode.

    from moderator_app.demo_platform.demo_data import generate
    data = generate(seed=7, posts=2400)

Returns a dict of plain lists/dicts/str/int (JSON-serialisable):

    authors         [{author_id, display_name, real_name, registered_at}]
    posts           [{post_id, author_id, text, published_at, url,
                      repost_count, media: [{media_id, kind, description}],
                      true_categories}]
    reports         [{report_id, post_id, reporter_id, reason, text, reported_at}]
    flags           [{post_id, source, flagged_at, priority}]
    author_history  [{author_id, post_id, decided_at, kind, categories}]

Every post is in the moderation queue (has >= 1 flag).  For every post:
published_at < first flagged_at < every reported_at < BASE_TIME.  A
"user_report" flag is raised when a reporter opens the report dialog; the
report record (reason + free text) is submitted seconds to minutes later.
Priority 1 is the most urgent, 5 the least.

Only random.Random(seed) is used; no clock, no hash(), no set iteration, so
the same (seed, posts) gives byte-identical output.  Stdlib only.

Content is synthetic.  Categories 10.1-10.3, 10.9 and 10.10 (political) get
no generated posts; there is no political content at all.
"""
from __future__ import annotations

from moderator_app.demo_platform.demo_data.generator import generate, generate_with_meta
from moderator_app.demo_platform.demo_data.pools import BASE_TIME, REASON_CODES

__all__ = ["BASE_TIME", "REASON_CODES", "generate", "generate_with_meta"]
