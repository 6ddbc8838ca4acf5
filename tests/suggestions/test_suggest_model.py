"""The team model: learns from examples, contributes nothing untrained, saves and loads what it learned."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from moderator_app.core.models import CategoryId
from moderator_app.core.policy import PolicyPack
from moderator_app.suggestions.engine import SuggestionEngine
from moderator_app.suggestions.model import (
    MIN_POSITIVES,
    LabelledExample,
    ModelFileError,
    TeamModel,
    training_digest,
)

RUMOUR = CategoryId("10.6")
SCAM = CategoryId("10.11")
RUMOURS = ["震惊！{}要地震了，赶紧转发", "内部消息，{}的水被污染了，千万别喝", "{}医院出现怪病，官方在压消息",
           "紧急扩散：{}明天全城停电三天", "听说{}的超市大米有毒，已经有人中毒"]
SCAMS = ["刷单兼职日赚{}元，加我", "{}元垫付返现，佣金当天结", "低息贷款{}万，无抵押秒批", "免费领{}元红包，先交手续费"]
ORDINARY = ["今天{}的天气真好，出去走走", "{}的火锅太好吃了，推荐", "周末去{}看展览，人不多", "{}的地铁今天有点挤",
            "和朋友在{}喝咖啡聊天"]
PLACES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安"]


def examples() -> list[LabelledExample]:
    data = []
    for place in PLACES:
        data += [LabelledExample(t.format(place), (RUMOUR,)) for t in RUMOURS]
        data += [LabelledExample(t.format(len(place) * 300), (SCAM,)) for t in SCAMS]
        data += [LabelledExample(t.format(place), ()) for t in ORDINARY]
    return data


@pytest.fixture(scope="module")
def model() -> TeamModel:
    trained = TeamModel.train(examples())
    assert trained is not None
    return trained


def test_the_model_learns_the_teams_categories(model: TeamModel) -> None:
    assert set(model.categories) == {RUMOUR, SCAM}
    rumour, scam, ordinary = model.predict(["紧急扩散：南京明天全城停电三天", "刷单兼职日赚500元，加我",
                                            "南京的火锅太好吃了，推荐"])
    assert rumour[RUMOUR] > 0.7 > rumour[SCAM]
    assert scam[SCAM] > 0.7 > scam[RUMOUR]
    assert max(ordinary.values()) < 0.3
    assert model.predict([]) == []


def test_no_training_data_means_no_model() -> None:
    assert TeamModel.train([]) is None
    few = [LabelledExample(f"谣言{i}", (RUMOUR,)) for i in range(MIN_POSITIVES - 1)]
    assert TeamModel.train(few + [LabelledExample(f"正常{i}", ()) for i in range(20)]) is None


def test_an_untrained_engine_has_no_model_evidence(small_pack: PolicyPack, model: TeamModel) -> None:
    text = "紧急扩散：南京明天全城停电三天"
    cold = SuggestionEngine(small_pack)
    assert cold.model is None and cold.suggest(text) == []
    cold.set_model(model)  # what background retraining does
    [suggestion] = cold.suggest(text)
    assert suggestion.category == RUMOUR and suggestion.evidence[-1].kind == "model"
    assert suggestion.evidence[-1].reference == model.info.model_version
    assert cold.suggest(text, use_model=False) == []


def test_save_and_load_keep_predictions_version_and_digest(model: TeamModel, tmp_path: Path) -> None:
    path = tmp_path / "models" / "team.npz"
    model.save(path)
    loaded = TeamModel.load(path)
    assert loaded.info == model.info
    assert loaded.info.training_digest == training_digest(examples())
    texts = ["听说成都的超市大米有毒", "刷单兼职日赚800元", "你好"]
    for a, b in zip(model.predict(texts), loaded.predict(texts), strict=True):
        assert a == pytest.approx(b, abs=1e-6)
    assert [p.name for p in path.parent.iterdir()] == ["team.npz"]  # no temporary file left behind


def test_the_digest_depends_on_content_not_order() -> None:
    data = examples()
    assert training_digest(data) == training_digest(list(reversed(data)))
    assert training_digest(data) != training_digest(data[1:])


def test_bad_model_files_are_refused_with_a_reason(model: TeamModel, tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="not found"):
        TeamModel.load(tmp_path / "missing.npz")
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a model")
    with pytest.raises(ModelFileError, match="not a suggestion model file"):
        TeamModel.load(junk)
    good = tmp_path / "good.npz"
    model.save(good)
    with np.load(good) as archive:
        arrays = {name: archive[name] for name in archive.files}
    header = json.loads(str(arrays["header"]))
    for change, message in [({"format_version": 99}, "model format 99"), ({"normaliser_version": 0}, "normaliser")]:
        arrays["header"] = np.array(json.dumps({**header, **change}))
        np.savez(tmp_path / "other.npz", **arrays)
        with pytest.raises(ModelFileError, match=message):
            TeamModel.load(tmp_path / "other.npz")
    arrays["header"] = np.array(json.dumps(header))
    arrays["calibration"] = arrays["calibration"][:2]
    np.savez(tmp_path / "damaged.npz", **arrays)
    with pytest.raises(ModelFileError, match="damaged"):
        TeamModel.load(tmp_path / "damaged.npz")
    assert zipfile.is_zipfile(good)


def test_naming_a_group_is_not_learned_as_a_violation() -> None:
    """Counterfactual pairs: when a team's insults happen to name 河南人, a neutral post about 河南人 should score
    like the same post about 浙江人 (without them, the group name alone carries the score)."""
    from moderator_app.core.models import CategoryId
    from moderator_app.suggestions.model import LabelledExample, TeamModel

    insults = [f"河南人{w}，真是{x}" for w in ("都是骗子", "就会偷井盖", "没一个好东西", "素质太低")
               for x in ("恶心", "垃圾", "丢人", "可笑", "离谱")]
    ordinary = [f"今天{w}，{x}" for w in ("天气很好", "去公园散步", "做了红烧肉", "看了场电影")
                for x in ("挺开心的", "周末愉快", "晚安", "明天见", "加油")]
    examples = [LabelledExample(t, (CategoryId("10.8"),)) for t in insults] + [LabelledExample(t, ()) for t in ordinary]
    neutral = ["我是河南人，今天去吃烩面", "我是浙江人，今天去吃烩面"]

    def gap(model: TeamModel | None) -> float:
        assert model is not None
        henan, zhejiang = (p[CategoryId("10.8")] for p in model.predict(neutral))
        return henan - zhejiang

    assert gap(TeamModel.train(examples, debias=True)) < gap(TeamModel.train(examples, debias=False)) / 2
