"""A small pack for the engine's tests: the real beijing-2011 categories and report reasons, with test lexicons
instead of the shipped ones (so these tests do not change when a team edits its lists)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from moderator_app import paths
from moderator_app.core.models import CategoryId
from moderator_app.core.policy import Lexicon, LexiconPattern, LexiconTerm, PolicyPack
from moderator_app.policy import DEFAULT_PACK_ID, load_pack_by_id

TEST_LEXICONS = (
    Lexicon("gambling", CategoryId("10.7"), "赌博", "Gambling", (
        LexiconTerm("赌博", 0.4, "赌博", "gambling"),
        LexiconTerm("网络赌博", 0.7, "网络赌博", "online gambling"),
        LexiconTerm("真人荷官", 0.8, "真人荷官", "live dealer"),
        LexiconTerm("dubo", 0.6, "赌博拼音", "gambling in pinyin"),
    ), (LexiconPattern(r"首[充存]\s*\d+\s*送\s*\d+", 0.7, "首充送", "first-deposit bonus"),)),
    Lexicon("porn", CategoryId("10.7"), "色情", "Pornography", (
        LexiconTerm("色情", 0.5, "色情", "pornography"),
        LexiconTerm("sex", 0.5, "", "sex"),
    )),
    Lexicon("scam", CategoryId("10.11"), "诈骗", "Scams", (
        LexiconTerm("刷单", 0.6, "刷单", "fake-order scam"),
    ), (LexiconPattern(r"(?:vx|微信)[:：]?[a-z0-9_-]{5,}", 0.5, "私下联系方式", "contact id"),)),
)


def pack_with(lexicons: tuple[Lexicon, ...]) -> PolicyPack:
    pack = load_pack_by_id(DEFAULT_PACK_ID, paths.policy_dirs())
    categories = tuple(replace(c, lexicons=tuple(lex for lex in lexicons if lex.category == c.category_id))
                       for c in pack.categories)
    return replace(pack, categories=categories)


@pytest.fixture(scope="session")
def small_pack() -> PolicyPack:
    return pack_with(TEST_LEXICONS)


@pytest.fixture(scope="session")
def make_pack():  # type: ignore[no-untyped-def]
    """pack_with, for tests that need their own lexicons."""
    return pack_with
