"""The shipped beijing-2011 lexicons through the engine: evasion variants are caught, the reviewed misfires are gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderator_app.services.suggestion_service import SuggestionEngine, load_policy


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return SuggestionEngine(load_policy())


def test_every_lexicon_category_ships_a_list_and_the_political_ones_do_not() -> None:
    pack = load_policy()
    with_lists = {c.category_id for c in pack.categories if c.lexicons}
    assert with_lists == {"10.4", "10.5", "10.6", "10.7", "10.8", "10.11"}
    assert {lex.lexicon_id for c in pack.categories for lex in c.lexicons} >= {
        "gambling", "pornography", "violence", "terror", "crime_instigation", "scam", "insult", "ethnic_slur",
        "superstition", "rumour_cues"}


@pytest.mark.parametrize("text", [
    "网络赌场，真人荷官在线发牌",  # plain
    "網絡賭場，真人荷官在線發牌",  # traditional
    "网 络 赌 场，真*人*荷*官在线发牌",  # separators
    "网\u200b络\u200b赌\u200b场，真\u200b人荷官在线发牌",  # zero-width
])
def test_a_casino_advert_is_caught_in_every_disguise(engine: SuggestionEngine, text: str) -> None:
    [suggestion] = engine.suggest(text)
    assert suggestion.category == "10.7" and suggestion.score >= 0.9
    matched = {text[a:b].replace(" ", "").replace("*", "").replace("\u200b", "")
               for a, b in (e.span for e in suggestion.evidence if e.span)}
    assert matched >= {"真人荷官"} and matched & {"网络赌场", "網絡賭場"}


@pytest.mark.parametrize("text", [
    "晚上自己做了蒜蓉菠菜和红烧肉，第一次做居然没翻车",
    "重庆警方侦破一起非法买卖枪支案，缴获仿真枪12支",  # 卖枪 inside 买卖枪支: reviewed
    "首充送的皮肤还挺好看，就是抽卡太非了",  # game top-up bonus: reviewed
    "速转！走失老人，76岁，穿灰色外套，如有看到请联系家属",  # genuine appeal: reviewed
    "溜冰场新开了，带孩子去溜冰，摔了好几跤哈哈",
])
def test_ordinary_posts_with_look_alike_words_get_no_suggestion(engine: SuggestionEngine, text: str) -> None:
    assert engine.suggest(text) == []


def test_a_gun_seller_is_still_caught(engine: SuggestionEngine) -> None:
    assert "10.7" in {s.category for s in engine.suggest("本人卖枪，货到付款")}


def test_every_term_taken_from_a_public_list_names_its_source_and_weight_rule() -> None:
    """Attribution is part of the licence: SOURCES.md lists each sourced term with its source and weight rule."""
    pack = load_policy()
    (sourced,) = [lex for c in pack.categories for lex in c.lexicons if lex.lexicon_id == "insult_sourced"]
    sources = (Path(sourced.source).parent.parent / "SOURCES.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in sources.splitlines() if line.startswith("| ")}
    for term in sourced.terms:
        assert term.text in rows, term.text
        assert f"| {term.weight:g} |" in rows[term.text], rows[term.text]
    assert "CC BY 4.0" in sources and "Copyright (c) 2022 Aiqi Jiang" in sources and "Apache License" in sources
    for lexicon_id in ("pornography_sourced", "weapons_sourced"):
        (lexicon,) = [lex for c in pack.categories for lex in c.lexicons if lex.lexicon_id == lexicon_id]
        listed = sources.split(f"\n`{lexicon_id}.toml` (", 1)[1].split("\n\n", 2)[1]
        for term in lexicon.terms:
            assert term.text.replace("|", "\\|") in listed, term.text


@pytest.mark.parametrize(("text", "category"), [
    ("又是田园女权在打拳，婚驴们醒醒吧", "10.8"),  # gender-targeted slurs calibrated on SWSR
    ("你这个普信男，直男癌晚期", "10.8"),
])
def test_everyday_gender_slurs_are_suggested(engine: SuggestionEngine, text: str, category: str) -> None:
    assert [s.category for s in engine.suggest(text)][:1] == [category]


def test_a_quoted_slur_weighs_less_than_one_that_is_used(engine: SuggestionEngine) -> None:
    used = engine.suggest("你就是个婚驴")
    quoted = engine.suggest("有人管已婚女性叫“婚驴”，这很不尊重人")
    assert used and used[0].category == "10.8"
    assert not quoted or quoted[0].score < used[0].score
