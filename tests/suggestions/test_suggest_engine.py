"""The engine: evidence spans on the original text, ranking, reports, near-duplicates, hostile input."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from moderator_app.core.models import CategoryId, Report
from moderator_app.core.policy import Lexicon, LexiconTerm, PolicyPack
from moderator_app.suggestions.engine import SuggestionEngine
from moderator_app.suggestions.neardup import DecidedPost
from moderator_app.suggestions.reports import ReporterAccuracy


@pytest.fixture
def engine(small_pack: PolicyPack) -> SuggestionEngine:
    return SuggestionEngine(small_pack, min_score=0.3)


def spans(engine: SuggestionEngine, text: str, category: str = "10.7") -> list[str]:
    for suggestion in engine.suggest(text):
        if suggestion.category == category:
            return [text[a:b] for a, b in sorted(e.span for e in suggestion.evidence if e.span)]
    return []


@pytest.mark.parametrize(("text", "expected"), [
    ("这里有网络賭博，真人荷官在线", ["网络賭博", "真人荷官"]),  # traditional
    ("ＤＵＢＯ网站，首充１００送５０", ["ＤＵＢＯ", "首充１００送５０"]),  # full-width letters and digits
    ("快来 网 络 赌*博 吧", ["网 络 赌*博"]),  # inserted separators
    ("網\u200b絡\u200b賭\u200b博", ["網\u200b絡\u200b賭\u200b博"]),  # zero-width characters
    ("真 人 荷 官 发牌，网络賭博。真人荷官", ["真 人 荷 官", "网络賭博", "真人荷官"]),  # every occurrence
])
def test_evidence_spans_point_at_the_original_text(engine: SuggestionEngine, text: str,
                                                   expected: list[str]) -> None:
    assert spans(engine, text) == expected


def test_a_term_inside_a_longer_term_does_not_count_twice(engine: SuggestionEngine) -> None:
    [suggestion] = engine.suggest("网络赌博")
    assert [e.reference for e in suggestion.evidence] == ["网络赌博"]
    assert suggestion.score == pytest.approx(0.7)


def test_latin_terms_match_whole_words_only(engine: SuggestionEngine) -> None:
    assert engine.suggest("Greetings from Sussex, Essex and Wessex") == []
    assert spans(engine, "free SEX chat") == ["SEX"]
    assert spans(engine, "free s.e.x chat") == ["s.e.x"]


def test_scores_combine_and_rank_best_first(engine: SuggestionEngine) -> None:
    suggestions = engine.suggest("刷单返利，真人荷官，加微信：abc12345")
    assert [s.category for s in suggestions] == ["10.7", "10.11"]
    scam = suggestions[1]
    assert scam.score == pytest.approx(1 - (1 - 0.6) * (1 - 0.5))  # noisy-OR of the term and the pattern
    assert all(0.0 <= s.score <= 1.0 for s in suggestions)
    assert [e.contribution for e in scam.evidence] == sorted((e.contribution for e in scam.evidence), reverse=True)


def test_nothing_applies_gives_an_empty_list(engine: SuggestionEngine) -> None:
    assert engine.suggest("今天天气很好，我们去公园散步吧") == []
    assert engine.suggest("") == []


def test_a_weak_term_alone_stays_below_the_bar(small_pack: PolicyPack) -> None:
    engine = SuggestionEngine(small_pack)  # default min_score 0.5
    assert engine.suggest("警方打击赌博") == []  # 赌博 weighs 0.4: news about gambling is not an advert
    assert [s.category for s in engine.suggest("网络赌博，真人荷官")] == ["10.7"]


def test_reports_count_by_the_reporters_past_accuracy(small_pack: PolicyPack) -> None:
    reporters = ReporterAccuracy()
    for _ in range(8):
        reporters.record("good", upheld=True)
        reporters.record("bad", upheld=False)
    engine = SuggestionEngine(small_pack, reporters=reporters, min_score=0.05)
    at = datetime(2026, 11, 2, tzinfo=UTC)
    from_good = engine.suggest("看看这个", [Report("good", "rumour", "", at)])
    from_bad = engine.suggest("看看这个", [Report("bad", "rumour", "", at)])
    assert from_good[0].category == from_bad[0].category == "10.6"
    assert from_good[0].score == pytest.approx(9 / 11, abs=1e-4)  # (8 upheld + 1) / (8 + 1 + 2): smoothed
    assert from_bad[0].score == pytest.approx(1 / 11, abs=1e-4)
    assert from_good[0].evidence[0].kind == "report" and from_good[0].evidence[0].reference == "good"
    # the same reporter twice counts once; unmapped reasons (spam) suggest nothing
    twice = engine.suggest("看看这个", [Report("good", "rumour", "", at), Report("good", "rumour", "x", at)])
    assert twice[0].score == pytest.approx(9 / 11, abs=1e-4)
    assert engine.suggest("看看这个", ["spam", "other"]) == []


def test_one_report_from_an_unknown_reporter_is_not_enough_alone(small_pack: PolicyPack) -> None:
    engine = SuggestionEngine(small_pack)
    assert engine.suggest("看看这个", ["rumour"]) == []  # the moderator sees the report anyway
    [suggestion] = engine.suggest("看看这个", ["rumour", "rumour"])  # two people
    assert suggestion.category == "10.6" and suggestion.score == pytest.approx(1 - (2 / 3) ** 2, abs=1e-4)
    [suggestion] = engine.suggest("赌博", ["gambling"])  # a weak term and a report
    assert suggestion.category == "10.7" and {e.kind for e in suggestion.evidence} == {"lexicon", "report"}


def test_every_category_works_the_same_way(make_pack) -> None:  # type: ignore[no-untyped-def]
    """A political category ships no list, but a team's own list for it works like any other."""
    team_list = Lexicon("team-10.9", CategoryId("10.9"), "非法集会", "Illegal assembly",
                        (LexiconTerm("明天广场集合", 0.8, "号召集合", "call to gather"),))
    engine = SuggestionEngine(make_pack((team_list,)))
    [suggestion] = engine.suggest("明天廣場集合！")
    assert suggestion.category == "10.9" and suggestion.evidence[0].span == (0, 6)
    assert [s.category for s in engine.suggest("看看", ["illegal_assembly"] * 2)] == ["10.9"]


def test_a_near_duplicate_of_a_decided_post_carries_its_decision(engine: SuggestionEngine) -> None:
    decided_at = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    original = "紧急通知：明天全市停水三天，自来水被污染了，大家赶紧囤水，转发给家人朋友"
    engine.memory.add(DecidedPost("p-1", original, (CategoryId("10.6"),), "lead1", decided_at, "rumour_label"))
    copy = "緊急通知!!明天全市停水三天,自來水被污染了,大家趕緊囤水,轉發給家人朋友"
    [suggestion] = engine.suggest(copy)
    [evidence] = suggestion.evidence
    assert suggestion.category == "10.6" and evidence.kind == "near_duplicate"
    assert evidence.reference == "p-1" and "lead1" in evidence.detail and "2026-11-02" in evidence.detail
    assert engine.suggest(copy, post_id="p-1") == []  # a post is not its own near-duplicate
    assert engine.suggest("今天天气很好，我们去公园散步吧，晚上吃火锅") == []


def test_hostile_text_gives_valid_spans_and_no_crash(engine: SuggestionEngine) -> None:
    huge = "正常内容" * 250_000 + "网络赌博"  # 1 MB; only the first 20,000 characters are analysed
    assert engine.suggest(huge) == []
    text = "\u202e<script>网络赌博</script>\ud800真人荷官" + "\u0301" * 50
    [suggestion] = engine.suggest(text)
    assert [text[a:b] for a, b in sorted(e.span for e in suggestion.evidence if e.span)] == ["网络赌博", "真人荷官"]


def test_language_of_the_evidence(small_pack: PolicyPack) -> None:
    zh = SuggestionEngine(small_pack, language="zh_CN").suggest("网络赌博")[0].evidence[0].detail
    en = SuggestionEngine(small_pack, language="en").suggest("网络赌博")[0].evidence[0].detail
    assert "网络赌博" in zh and "online gambling" in en


def test_queue_clustering_groups_near_duplicates(engine: SuggestionEngine) -> None:
    rumour = "紧急通知：明天全市停水三天，自来水被污染了，大家赶紧囤水，转发给家人朋友"
    posts = [("a", rumour), ("b", "今天天气很好，我们去公园散步吧，晚上吃火锅"),
             ("c", rumour.replace("，", " ") + "!!"), ("d", "網絡賭博，真人荷官，首充100送50，快來玩吧朋友們"),
             ("e", "网络赌博 真人荷官 首充100送50 快来玩吧朋友们"), ("f", rumour)]
    assert engine.cluster(posts) == [["a", "c", "f"], ["d", "e"]]
    assert engine.cluster([]) == [] and engine.cluster([("x", "")]) == []


def test_duplicate_lexicon_terms_across_lexicons_are_merged(make_pack) -> None:  # type: ignore[no-untyped-def]
    first = Lexicon("a", CategoryId("10.7"), "a", "a", (LexiconTerm("荷官", 0.6),))
    second = replace(first, lexicon_id="b", category=CategoryId("10.11"))
    suggestions = SuggestionEngine(make_pack((first, second))).suggest("荷官")
    assert sorted(s.category for s in suggestions) == ["10.11", "10.7"]


def test_pattern_prefilter_never_loses_a_match() -> None:
    from moderator_app.suggestions.literals import required_literals

    assert required_literals(r"首[充存]\s*\d+\s*送") == {"首充", "首存"}
    assert required_literals(r"转发(?:到|给)?\s*\d+") == {"转发", "转发到", "转发给"}
    assert required_literals(r"(?i)abc") is None and required_literals(r"a|b+") is None
    assert required_literals(r"\d+") is None and required_literals("(") is None  # nothing, or unparsable
    for regex, text in [(r"首[充存]\s*\d+\s*送", "首存 100 送"), (r"(?:已经|已)?\s*\d+\s*个(?:人)?", "已 3 个人"),
                        (r"(?<!买)卖枪", "卖枪"), (r"(?:炸|烧)\S{0,6}(?:地铁|商场)", "炸了那个地铁")]:
        literals = required_literals(regex)
        assert literals and any(literal in text for literal in literals)


@pytest.fixture
def context_engine(make_pack) -> SuggestionEngine:  # type: ignore[no-untyped-def]
    from moderator_app.core.policy import LexiconContext
    rules = (LexiconContext("quoted", 0.5, before="[“\"][^”\"]{0,14}$", after="^[^“\"]{0,14}[”\"]"),
             LexiconContext("negated", 0.3, before="(?:谨防|严禁)[^，。]{0,8}$"),
             LexiconContext("news", 0.4, anywhere="(?:警方|破获)"))
    lexicon = Lexicon("gambling", CategoryId("10.7"), "赌博", "Gambling",
                      (LexiconTerm("网络赌博", 0.8, "网络赌博", "online gambling"),), contexts=rules)
    return SuggestionEngine(make_pack((lexicon,)), min_score=0.01)


@pytest.mark.parametrize(("text", "score", "lowered_by"), [
    ("来玩网络赌博，日赚千元", 0.8, None),
    ("谨防网络赌博陷阱", 0.24, "negated"),  # a warning, not an advert
    ("他说“网络赌博”害了他", 0.4, "quoted"),
    ("警方破获一起网络赌博案", 0.32, "news"),
    ("谨防网络赌博。来玩网络赌博，日赚千元", 0.8, None),  # a plain use elsewhere still counts in full
])
def test_context_rules_lower_a_mention_instead_of_firing_it(context_engine: SuggestionEngine, text: str,
                                                            score: float, lowered_by: str | None) -> None:
    (suggestion,) = context_engine.suggest(text)
    assert suggestion.score == pytest.approx(score)
    strongest = max(suggestion.evidence, key=lambda e: e.contribution)
    if lowered_by is None:
        assert "lowered" not in strongest.detail
    else:
        assert "lowered ×" in strongest.detail and lowered_by in strongest.detail, strongest.detail
    assert all(text[e.span[0]:e.span[1]] == "网络赌博" for e in suggestion.evidence if e.span)
