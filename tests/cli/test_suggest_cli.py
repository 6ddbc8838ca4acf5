"""`moderator-app suggest`, `suggest train`, `suggest eval` as a script would use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moderator_app.launcher import main

REPO = Path(__file__).resolve().parents[2]
EVAL_SET = REPO / "tests" / "data" / "suggest_eval.jsonl"


def jsonl(*rows: object) -> bytes:
    return b"".join(json.dumps(row, ensure_ascii=False).encode() + b"\n" for row in rows)


def test_jsonl_in_jsonl_out_through_a_pipe() -> None:
    posts = jsonl({"id": "1", "text": "网上赌场，真人荷官在线发牌，首充100送50"}, {"id": "2", "text": "今天天气很好"},
                  {"id": "3", "text": "你看看这条", "reports": [{"reason": "rumour"}, "rumour"]})
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "suggest", "--no-model"], input=posts,
                            capture_output=True, timeout=60, check=False, env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["id"] for line in lines] == ["1", "2", "3"]
    [gambling] = lines[0]["suggestions"]
    assert gambling["category"] == "10.7" and 0.5 <= gambling["score"] <= 1
    text = "网上赌场，真人荷官在线发牌，首充100送50"
    assert any(e["kind"] == "lexicon" and text[e["span"][0]:e["span"][1]] == "真人荷官" for e in gambling["evidence"])
    assert lines[1]["suggestions"] == []
    assert [s["category"] for s in lines[2]["suggestions"]] == ["10.6"]
    assert lines[2]["suggestions"][0]["evidence"][0]["kind"] == "report"


def test_bad_lines_are_reported_by_number_and_the_rest_is_processed(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "posts.jsonl"
    source.write_bytes(
        jsonl({"id": "ok1", "text": "网上赌场"})
        + jsonl({"id": "empty", "text": "  "})
        + jsonl({"id": "huge", "text": "长" * 1_048_576})
        + b'{"id": "latin1", "text": "caf\xe9"}\n'
        + b"this is not json\n"
        + jsonl(["a", "list"])
        + jsonl({"id": "no-text"})
        + jsonl({"id": "ok2", "text": "今天天气很好"})
    )
    out = tmp_path / "out.jsonl"
    assert main(["suggest", "--no-model", "--in", str(source), "--out", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "moderator-app suggest: line 2: 'text' is empty",
        "moderator-app suggest: line 3: line longer than 1,000,000 bytes; skipped",
        "moderator-app suggest: line 4: not valid UTF-8 (byte 0xe9 at byte 30)",
        "moderator-app suggest: line 5: not valid JSON (Expecting value at column 1)",
        "moderator-app suggest: line 6: expected a JSON object, got list",
        "moderator-app suggest: line 7: missing 'text'",
    ]
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["ok1", "ok2"]


def test_a_long_text_within_the_line_limit_is_refused_by_length(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "posts.jsonl"
    source.write_bytes(jsonl({"id": "long", "text": "a" * 200_000}, {"id": "ok", "text": "网上赌场"}))
    assert main(["suggest", "--no-model", "--in", str(source), "--out", str(tmp_path / "o.jsonl")]) == 2
    assert capsys.readouterr().err == (
        "moderator-app suggest: line 1: 'text' has 200,000 characters; the limit is 100,000\n")


def test_train_then_eval_with_the_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = tmp_path / "team.npz"
    assert main(["suggest", "train", "--in", str(EVAL_SET), "--model-out", str(model)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("trained on 743 examples; categories 10.11, 10.4, 10.5, 10.6, 10.7, 10.8; model version")
    assert "training set sha256 " in out and model.exists()
    assert main(["suggest", "eval", "--in", str(EVAL_SET), "--model", str(model), "--json"]) == 0
    [report] = json.loads(capsys.readouterr().out).values()
    assert report["posts"] == 743 and report["macro"]["f1"] > 0.9  # its own training set: a sanity check only
    source = tmp_path / "posts.jsonl"
    source.write_bytes(jsonl({"id": 7, "text": "加微信领取红包，刷单日赚500"}))
    assert main(["suggest", "--model", str(model), "--in", str(source), "--out", str(tmp_path / "o.jsonl")]) == 0
    [line] = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert line["id"] == 7 and any(e["kind"] == "model" for s in line["suggestions"] for e in s["evidence"])


def test_eval_prints_per_category_figures_and_macro_averages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", "eval", "--in", str(EVAL_SET), "--train-fraction", "0.5"]) == 0
    out = capsys.readouterr().out
    assert "== cold (lexicons + reports), on the held-out" in out and "== trained on " in out
    for category in ["10.4", "10.5", "10.6", "10.7", "10.8", "10.11"]:
        assert out.count(f"\n{category} ") == 2
    assert out.count("\nmacro ") == 2 and "precision  recall     F1" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["suggest", "eval", "--in", "missing.jsonl"], "moderator-app: error: cannot read missing.jsonl: No such file"),
    (["suggest", "--model", "missing.npz", "--in", "-"], "moderator-app: error: missing.npz: model file not found"),
    (["suggest", "--min-score", "2", "--no-model"], "moderator-app: error: --min-score must be in (0, 1], not 2.0"),
    (["suggest", "--policy", "nope", "--no-model"], "moderator-app: error: nope: no policy pack with this id"),
])
def test_bad_arguments_are_one_line_and_exit_2(argv: list[str], message: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_training_on_unusable_data_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "few.jsonl"
    source.write_bytes(jsonl({"text": "网上赌场", "categories": ["10.7"]}, {"text": "你好", "categories": ["10.99"]}))
    assert main(["suggest", "train", "--in", str(source), "--model-out", str(tmp_path / "m.npz")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "moderator-app suggest train: line 2: unknown category '10.99' in policy pack beijing-2011"
    assert err[1].startswith("moderator-app: error: no category has enough examples")
    assert not (tmp_path / "m.npz").exists()


def test_lexicon_report_gives_each_terms_hits_precision_and_proposed_weight(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"text": f"周末去澳门玩百家乐{i}", "categories": ["10.7"]} for i in range(6)]
    rows += [{"text": f"新闻：百家乐骗局{i}", "categories": []} for i in range(2)]
    rows += [{"text": "今天天气不错", "categories": []}, {"text": "{broken", "categories": []}]
    source = tmp_path / "decided.jsonl"
    source.write_bytes(b"\n".join(json.dumps(r, ensure_ascii=False).encode() for r in rows[:-1]) + b"\n{broken\n")
    assert main(["suggest", "lexicon-report", "--in", str(source), "--json"]) == 2  # the bad line is named
    captured = capsys.readouterr()
    assert "line 10" in captured.err
    (row,) = [r for r in json.loads(captured.out) if r["term"] == "百家乐"]
    assert (row["category"], row["hits"], row["cited"]) == ("10.7", 8, 6)
    assert row["precision"] == 0.75 and row["proposed_weight"] == 0.7  # (6 + 1) / (8 + 2)
