from __future__ import annotations

import re
from pathlib import Path

import pytest

from moderator_app import paths
from moderator_app.core.decisions import DecisionKind
from moderator_app.core.errors import PolicyError, UnknownCategoryError
from moderator_app.core.models import Severity
from moderator_app.policy import DEFAULT_PACK_ID, load_pack, load_pack_by_id

REGULATION = paths.resources_dir() / "regulation" / "beijing-microblog-2011.md"
SHARED_REGULATION = Path(__file__).resolve().parents[3] / "shared" / "regulation" / "beijing-microblog-2011.md"
NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]


def article_items(text: str, article: str) -> dict[str, str]:
    """Items （一）…（十一） of one article, as written in the regulation (trailing ；/。 dropped)."""
    start = text.index(f"{article} ")
    end = text.find("> 第", start + 1)
    body = text[start:end]
    items = re.findall(r"（([一二三四五六七八九十]+)）([^\n]+)", body)
    return {numeral: item.strip().rstrip("；。") for numeral, item in items}


@pytest.fixture(scope="module")
def pack():
    return load_pack_by_id(DEFAULT_PACK_ID, paths.policy_dirs())


def test_default_pack_has_all_eleven_article_10_items(pack) -> None:
    assert pack.category_ids == tuple(f"10.{n}" for n in range(1, 12))
    assert all(c.sla_hours > 0 and c.severity in Severity for c in pack.categories)


def test_every_category_quotes_the_regulation_verbatim(pack) -> None:
    items = article_items(REGULATION.read_text(encoding="utf-8"), "第十条")
    assert len(items) == 11
    for number, category in zip(NUMERALS, pack.categories, strict=True):
        assert category.article == f"第十条（{number}）"
        assert category.text_zh == items[number], category.category_id


def test_vendored_regulation_matches_the_shared_copy() -> None:
    if not SHARED_REGULATION.exists():
        pytest.skip("no shared/ folder beside this checkout")
    assert REGULATION.read_text(encoding="utf-8") == SHARED_REGULATION.read_text(encoding="utf-8")


def test_article_7_actions_quote_the_regulation(pack) -> None:
    items = article_items(REGULATION.read_text(encoding="utf-8"), "第七条")
    by_id = {a.action_id: a for a in pack.actions}
    assert {"7.8.stop", "7.8.restrict", "7.8.report", "7.5.refute"} <= set(by_id)
    assert by_id["7.8.report"].text_zh == items["八"]
    assert by_id["7.5.refute"].text_zh == items["五"]


def test_rumour_label_is_allowed_only_for_rumours(pack) -> None:
    allowed = [c.category_id for c in pack.categories if DecisionKind.RUMOUR_LABEL in c.decision_kinds]
    assert allowed == ["10.6"]


def test_report_reasons_map_to_categories(pack) -> None:
    assert pack.categories_for_reason("gambling") == ("10.7",)
    assert pack.categories_for_reason("scam") == ("10.11",)
    assert pack.categories_for_reason("spam") == ()
    assert pack.categories_for_reason("not-a-code") == ()


def test_unknown_category_id_names_it_and_the_known_ones(pack) -> None:
    with pytest.raises(UnknownCategoryError) as err:
        pack.category("10.99")
    message = str(err.value)
    assert "'10.99'" in message and "10.1" in message and "\n" not in message


def write_pack(tmp_path: Path, text: str) -> Path:
    source = (paths.resources_dir() / "policies" / "beijing-2011.toml").read_text(encoding="utf-8")
    path = tmp_path / "broken.toml"
    path.write_text(text if text else source, encoding="utf-8")
    return path


def shipped_text() -> str:
    return (paths.resources_dir() / "policies" / "beijing-2011.toml").read_text(encoding="utf-8")


def line_number(text: str, needle: str, occurrence: int = 1) -> int:
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return text[:index].count("\n") + 1


def test_bad_severity_is_refused_with_file_line_and_field(tmp_path: Path) -> None:
    text = shipped_text().replace('severity = "critical"', 'severity = "urgent"', 1)
    path = write_pack(tmp_path, text)
    with pytest.raises(PolicyError) as err:
        load_pack(path)
    expected_line = line_number(text, 'severity = "urgent"')
    assert str(err.value) == (
        f"{path}:{expected_line}: category[1].severity: 'urgent' is not one of low, medium, high, critical"
    )


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = shipped_text().replace('sla_hours = 24', 'sla_hours = = 24', 1)
    path = write_pack(tmp_path, text)
    with pytest.raises(PolicyError) as err:
        load_pack(path)
    assert str(err.value).startswith(f"{path}:{line_number(text, 'sla_hours = = 24')}: invalid TOML")


def test_missing_field_is_named(tmp_path: Path) -> None:
    text = shipped_text().replace('text_zh = "以非法民间组织名义活动的"\n', "", 1)
    with pytest.raises(PolicyError, match=r"category\[9\]\.text_zh: missing"):
        load_pack(write_pack(tmp_path, text))


def test_report_reason_with_unknown_category_is_refused(tmp_path: Path) -> None:
    text = shipped_text().replace('gambling = ["10.7"]', 'gambling = ["10.77"]')
    with pytest.raises(PolicyError, match=r"report_reasons\.gambling: unknown category id '10.77'"):
        load_pack(write_pack(tmp_path, text))


def test_duplicate_category_is_refused(tmp_path: Path) -> None:
    text = shipped_text().replace('id = "10.2"', 'id = "10.1"', 1)
    with pytest.raises(PolicyError, match=r"category\[1\]\.id: duplicate category id '10.1'"):
        load_pack(write_pack(tmp_path, text))


def test_missing_pack_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(PolicyError) as err:
        load_pack(missing)
    assert str(err.value) == f"{missing}: file not found"


def test_unknown_pack_id_lists_the_available_ones() -> None:
    with pytest.raises(PolicyError, match=r"no policy pack with this id \(available: .*beijing-2011"):
        load_pack_by_id("shanghai-2099", paths.policy_dirs())


def test_lexicon_with_unknown_category_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "x.toml").write_text(
        '[lexicon]\nid = "x"\ncategory = "12.1"\ntitle_zh = "x"\ntitle_en = "x"\n', encoding="utf-8"
    )
    text = shipped_text().replace('lexicons = ["beijing-2011/lexicons/*.toml"]', 'lexicons = ["lex/*.toml"]')
    with pytest.raises(PolicyError, match=r"x\.toml:3: lexicon\.category: unknown category id '12.1'"):
        load_pack(write_pack(tmp_path, text))


def test_lexicon_with_bad_weight_and_regex_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lex").mkdir()
    lexicon = tmp_path / "lex" / "g.toml"
    head = '[lexicon]\nid = "g"\ncategory = "10.7"\ntitle_zh = "赌博"\ntitle_en = "Gambling"\n'
    text = shipped_text().replace('lexicons = ["beijing-2011/lexicons/*.toml"]', 'lexicons = ["lex/*.toml"]')
    pack_path = write_pack(tmp_path, text)
    for body, message in [
        ('[[term]]\ntext = "百家乐"\nweight = 1.5\n', r"g\.toml:8: term\[0\]\.weight: must be between"),
        ('[[pattern]]\nregex = "(unclosed"\nweight = 0.5\n', r"pattern\[0\]\.regex: not a valid regular expression"),
        ("[[context]]\nid = 'n'\nbefore = '(unclosed'\nfactor = 0.5\n",
         r"context\[0\]\.before: not a valid regular expression"),
        ("[[context]]\nid = 'n'\nfactor = 0.5\n", r"context\[0\]: a context rule needs at least one of before"),
    ]:
        lexicon.write_text(head + body, encoding="utf-8")
        with pytest.raises(PolicyError, match=message):
            load_pack(pack_path)
    lexicon.write_text(head + '[[term]]\ntext = "百家乐"\nweight = 0.9\n', encoding="utf-8")
    loaded = load_pack(pack_path)
    assert [t.text for t in loaded.category("10.7").lexicons[0].terms] == ["百家乐"]


def test_a_team_pack_in_the_config_folder_overrides_the_shipped_one(isolated_dirs: Path) -> None:
    user_dir = paths.config_dir() / "policies"
    user_dir.mkdir(parents=True)
    text = shipped_text().replace('version = "1.0.0"', 'version = "1.0.0-team"').replace(
        'lexicons = ["beijing-2011/lexicons/*.toml"]', "lexicons = []"
    )
    (user_dir / "beijing-2011.toml").write_text(text, encoding="utf-8")
    assert load_pack_by_id("beijing-2011", paths.policy_dirs()).version == "1.0.0-team"
