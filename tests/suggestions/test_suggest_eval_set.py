"""The evaluation set's figures, as a floor: a change that makes suggestions clearly worse fails here.
The figures themselves are in docs/suggestions.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderator_app.core.models import CategoryId
from moderator_app.services.suggestion_service import (
    EvalPost,
    LabelledExample,
    PostInput,
    SuggestionEngine,
    TeamModel,
    evaluate,
    load_policy,
    load_starter,
    split,
)

EVAL_SET = Path(__file__).resolve().parents[1] / "data" / "suggest_eval.jsonl"


@pytest.fixture(scope="module")
def posts() -> list[EvalPost]:
    rows = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    return [EvalPost(LabelledExample(r["text"], tuple(CategoryId(c) for c in r["categories"])),
                     tuple(x["reason"] for x in r["reports"]), r["id"]) for r in rows]


def test_the_set_is_big_and_varied_enough(posts: list[EvalPost]) -> None:
    assert len(posts) >= 600
    labelled = {c for p in posts for c in p.example.categories}
    assert {"10.4", "10.5", "10.6", "10.7", "10.8", "10.11"} <= labelled
    assert sum(not p.example.categories for p in posts) >= 300  # ordinary posts, many with look-alike words


def test_cold_and_trained_figures_stay_above_their_floor(posts: list[EvalPost]) -> None:
    pack = load_policy()
    train, test = split(posts, 0.5, seed=0)
    assert not {p.post_id for p in train} & {p.post_id for p in test}
    engine = SuggestionEngine(pack)
    cold = evaluate(engine, test)
    precision, _recall, f1 = cold.macro()
    assert precision >= 0.8 and f1 >= 0.6, cold.render()
    priors = engine.signal_scores([PostInput(p.example.text, p.reports) for p in train])
    engine.set_model(TeamModel.train([p.example for p in train], priors))
    trained = evaluate(engine, test)
    # learning from the team helps; the floor was 0.8 before the rare-category calibration and the identity
    # counterfactuals, which cost this self-written set ~0.05 and help on public sets (docs/suggestions.md)
    assert trained.macro()[2] >= max(0.78, f1 + 0.1), trained.render()


def test_every_lexicon_or_model_suggestion_shows_spans_of_the_original_text(posts: list[EvalPost]) -> None:
    """The moderator sees why: each suggestion with lexicon, pattern or model evidence highlights at least one
    span, and every span's quoted text is exactly that slice of the post as written (evasions included)."""
    pack = load_policy()
    train, test = split(posts, 0.5, seed=1)
    engine = SuggestionEngine(pack, starter=load_starter())  # the shipped starter explains itself too
    priors = engine.signal_scores([PostInput(p.example.text, p.reports) for p in train])
    engine.set_model(TeamModel.train([p.example for p in train], priors))
    checked = model_spans = starter_spans = 0
    for post in test:
        text = post.example.text
        for suggestion in engine.suggest(text, post.reports):
            kinds = {e.kind for e in suggestion.evidence}
            if not kinds & {"lexicon", "pattern", "model"}:
                continue  # reports or near-duplicates only: nothing in the text to point at
            spans = [e for e in suggestion.evidence if e.span is not None]
            assert spans, (text, suggestion)
            for evidence in spans:
                assert evidence.span is not None
                start, end = evidence.span
                assert 0 <= start < end <= len(text)
                assert evidence.detail.startswith(f"“{text[start:end]}”"), (text, evidence)
                model_spans += evidence.kind == "model"
                starter_spans += (evidence.reference or "").startswith("starter:")
            checked += 1
    assert checked >= 150 and model_spans >= 100 and starter_spans >= 5, (checked, model_spans, starter_spans)


def test_the_starter_model_ships_and_a_team_model_calibrates_on_it(posts: list[EvalPost]) -> None:
    starter = load_starter()
    assert starter is not None and starter.categories == ("10.8",)
    engine = SuggestionEngine(load_policy(), starter=starter)
    text = "女人就该在家相夫教子，出来工作就是抢男人饭碗"  # no lexicon term: only the starter speaks
    evidence = [e for s in engine.suggest(text) if s.category == "10.8" for e in s.evidence]
    assert evidence and {e.kind for e in evidence} == {"model"}, evidence
    plain = SuggestionEngine(load_policy())
    assert plain.signal_scores([PostInput(text)])[0].get(CategoryId("10.8"), 0.0) == 0.0
    assert engine.signal_scores([PostInput(text)])[0][CategoryId("10.8")] >= 0.5  # what a team model trains on
