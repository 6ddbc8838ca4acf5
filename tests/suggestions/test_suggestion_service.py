"""The service the GUI calls: build from pack + model file, record decisions (feedback, reporters, memory),
retrain in the background."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from moderator_app.core.models import Author, AuthorId, CategoryId, Post, PostId, QueueItem, Report
from moderator_app.core.policy import PolicyPack
from moderator_app.services.suggestion_service import (
    DecidedPost,
    LabelledExample,
    SuggestionFeedback,
    SuggestionService,
    default_model_path,
)
from moderator_app.suggestions.feedback import Outcome, precision_by_category

AT = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def item(post_id: str, text: str, *reports: tuple[str, str]) -> QueueItem:
    post = Post(PostId(post_id), Author(AuthorId("a1"), "作者"), text, AT)
    return QueueItem(post, tuple(Report(who, reason, "", AT) for who, reason in reports), AT)


def test_decisions_feed_back_into_precision_reporters_and_memory(small_pack: PolicyPack) -> None:
    received: list[SuggestionFeedback] = []
    service = SuggestionService.build(small_pack, on_feedback=received.extend, language="en")
    assert service.engine.model is None and service.model_error is None
    advert = item("p1", "网络赌博，真人荷官，刷单返利", ("r1", "gambling"), ("r2", "rumour"))
    suggestions = service.suggest(advert)
    assert [s.category for s in suggestions] == ["10.7", "10.11"]
    service.record_decision(advert, suggestions, [CategoryId("10.7")], kind="remove", moderator="mod1",
                            decided_at=AT)
    assert [(f.category, f.outcome) for f in received] == [("10.7", Outcome.ACCEPTED), ("10.11", Outcome.OVERRIDDEN)]
    assert received[0].evidence_kinds == ("lexicon", "report") and received[0].moderator == "mod1"
    assert json.loads(json.dumps(received[0].to_payload())) == {
        "post_id": "p1", "category": "10.7", "outcome": "accepted", "score": f"{suggestions[0].score:.3f}",
        "evidence_kinds": ["lexicon", "report"], "moderator": "mod1", "decided_at": "2026-11-02T10:00:00+00:00"}
    rows = {r.category: r for r in precision_by_category(received)}
    assert rows["10.7"].precision == 1.0 and rows["10.11"].precision == 0.0
    reporters = service.engine.reporters
    assert reporters.accuracy("r1") > reporters.accuracy(None) > reporters.accuracy("r2")  # upheld; not upheld
    copy = item("p2", "網絡賭博 真人荷官 刷單返利")
    kinds = {e.kind for s in service.suggest(copy) if s.category == "10.7" for e in s.evidence}
    assert "near_duplicate" in kinds


def test_a_cited_category_that_was_not_suggested_is_missed(small_pack: PolicyPack) -> None:
    received: list[SuggestionFeedback] = []
    service = SuggestionService.build(small_pack, on_feedback=received.extend)
    post = item("p1", "今天天气很好")
    service.record_decision(post, service.suggest(post), [CategoryId("10.6")], kind="rumour_label",
                            moderator="mod2", decided_at=AT)
    assert [(f.category, f.outcome, f.score) for f in received] == [("10.6", Outcome.MISSED, None)]


def test_retraining_saves_and_swaps_the_model(small_pack: PolicyPack) -> None:
    service = SuggestionService.build(small_pack)
    assert service.model_path == default_model_path() and not default_model_path().exists()
    rumours = [f"紧急扩散：{city}明天全城停电三天，转发" for city in ["北京", "上海", "广州", "深圳", "杭州", "成都"]]
    ordinary = [f"{city}的火锅太好吃了，推荐" for city in ["北京", "上海", "广州", "深圳", "杭州", "成都"]]
    examples = [LabelledExample(t, (CategoryId("10.6"),)) for t in rumours] + [LabelledExample(t, ()) for t in ordinary]
    done = threading.Event()
    infos = []

    def background() -> None:  # the GUI runs this on its background lane
        infos.append(service.retrain(examples, [["rumour"]] * 6 + [[]] * 6))
        done.set()

    threading.Thread(target=background).start()
    assert done.wait(60)
    [info] = infos
    assert info is not None and info.categories == ("10.6",) and info.examples == 12
    assert default_model_path().exists() and service.engine.model is not None
    rebuilt = SuggestionService.build(small_pack)
    assert rebuilt.engine.model is not None and rebuilt.engine.model.info == info
    assert service.retrain(examples[:2]) is None and service.engine.model is not None  # too little: kept


def test_a_damaged_model_file_is_reported_and_suggestions_go_on(small_pack: PolicyPack) -> None:
    path: Path = default_model_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage")
    service = SuggestionService.build(small_pack)
    assert service.engine.model is None and service.model_error and "not a suggestion model" in service.model_error
    assert [s.category for s in service.suggest_text("网络赌博")] == ["10.7"]


def test_queue_clusters_come_back_as_post_ids(small_pack: PolicyPack) -> None:
    service = SuggestionService.build(small_pack)
    text = "紧急通知：明天全市停水三天，自来水被污染了，大家赶紧囤水，转发给家人朋友"
    items: Sequence[QueueItem] = [item("1", text), item("2", "别的内容完全不一样的一条微博"), item("3", text + "！！")]
    assert service.cluster(items) == [["1", "3"]]


def test_decisions_become_training_data_and_retraining_falls_due(small_pack: PolicyPack) -> None:
    service = SuggestionService.build(small_pack)
    cities = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安"]
    history = [DecidedPost(f"h{i}", f"紧急扩散：{city}明天全城停电三天，转发", (CategoryId("10.6"),), "lead1", AT)
               for i, city in enumerate(cities)]
    assert service.remember(history) == 8 and not service.retrain_due(every=10)
    for i, city in enumerate(cities):
        post = item(f"n{i}", f"{city}的火锅太好吃了，推荐")
        service.record_decision(post, service.suggest(post), [], kind="no_violation", moderator="mod1",
                                decided_at=AT)
    assert service.retrain_due(every=10)
    info = service.retrain()
    assert info is not None and info.examples == 16 and not service.retrain_due(every=10)


def test_record_decision_as_the_workstation_calls_it(small_pack: PolicyPack) -> None:
    """services/workstation.py passes the decision kind positionally and no moderator or time."""
    service = SuggestionService.build(small_pack, language="en")
    post = item("w1", "网络赌博，真人荷官，首充100送50，快来玩")
    [feedback] = service.record_decision(post, service.suggest(post), (CategoryId("10.7"),), "remove")
    assert feedback.outcome == Outcome.ACCEPTED and feedback.decided_at.tzinfo is not None
    [suggestion] = service.suggest(item("w2", "網絡賭博 真人荷官 首充100送50 快來玩"))
    assert any(e.kind == "near_duplicate" and "by a moderator" in e.detail for e in suggestion.evidence)
