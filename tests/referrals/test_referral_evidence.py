"""Evidence capture: every item hashed over its RFC 8785 bytes; times carry their zone; a change is named."""

from __future__ import annotations

import copy
import hashlib

import rfc8785

from moderator_app.core.models import CategoryId, PostId, PriorDecision
from moderator_app.referrals.evidence import capture, digest_problems
from tests.factories import BASE, queue_item


def test_snapshot_items_are_hashed_and_times_have_their_zone() -> None:
    item = queue_item(3, "转发抽奖，私信领取百家乐彩金", reasons=("gambling", "scam"), reposts=41, real_name="王五")
    prior = (PriorDecision(PostId("99"), "remove", (CategoryId("10.7"),), BASE),)
    snapshot = capture(item, prior, post_count=8, captured_by="mod1", workstation="ws-7", captured_at=BASE)
    items = snapshot["items"]
    assert items["post"]["text"] == "转发抽奖，私信领取百家乐彩金" and items["post"]["repost_count"] == "41"
    assert items["post"]["published_at"] == {"utc": "2026-11-30T06:00:00.000000Z",
                                             "beijing": "2026-11-30T14:00:00+08:00"}
    assert [r["reason"] for r in items["reports"]] == ["gambling", "scam"]
    assert items["author"]["real_name"] == "王五"
    assert items["author_history"]["prior_decisions"][0]["categories"] == ["10.7"]
    for name, value in items.items():
        assert snapshot["digests"][name] == hashlib.sha256(rfc8785.dumps(value)).hexdigest()
    capture_info = snapshot["capture"]
    assert capture_info["captured_by"] == "mod1" and capture_info["captured_at"].startswith("2026-11-30T08")
    assert digest_problems(snapshot) == []


def test_a_changed_or_removed_item_is_named() -> None:
    snapshot = capture(queue_item(4, "原文"), (), post_count=None, captured_by="mod1", workstation="ws")
    altered = copy.deepcopy(snapshot)
    altered["items"]["post"]["text"] = "改过的"
    assert digest_problems(altered) == ["evidence item 'post' does not match its SHA-256"]
    del altered["items"]["reports"]
    assert "evidence item 'reports' is missing" in digest_problems(altered)
