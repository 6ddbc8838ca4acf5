"""Suggestion engine figures: lexicon + normalisation throughput, model inference and training, near-duplicates.

Posts are built from the evaluation set (tests/data/suggest_eval.jsonl): random posts joined until 140
characters. Throughput is CPU time of this process (``time.process_time``), so other work on the machine
does not count against it; everything runs on one thread except what NumPy/SciPy may do in training.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from benchmarks.harness import REPO, Row, p95
from moderator_app.core.models import CategoryId
from moderator_app.services.suggestion_service import (
    DecidedPost,
    LabelledExample,
    PostInput,
    SuggestionEngine,
    TeamModel,
    load_policy,
    load_starter,
)

EVAL_SET = REPO / "tests" / "data" / "suggest_eval.jsonl"
POST_CHARS = 140
GUI_BUDGET_MS = 10  # our own share of DESIGN §8's 50 ms from decision key to the next post with suggestions


def _rows() -> list[dict[str, object]]:
    with EVAL_SET.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _posts(texts: Sequence[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    posts = []
    for _ in range(count):
        text = ""
        while len(text) < POST_CHARS:
            text += rng.choice(texts)
        posts.append(text[:POST_CHARS])
    return posts


def _per_second(work: Callable[[], object], items: int, repeats: int = 3) -> float:
    best = 0.0
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = max(best, items / max(time.process_time() - started, 1e-9))
    return best


def _training_set(rows: list[dict[str, object]], count: int, seed: int) -> tuple[list[LabelledExample],
                                                                                 list[tuple[str, ...]]]:
    """``count`` examples: an evaluation post with an ordinary post appended (the label stays the first's)."""
    rng = random.Random(seed)
    ordinary = [str(r["text"]) for r in rows if not r["categories"]]
    examples, reports = [], []
    for i in range(count):
        row = rows[i % len(rows)]
        categories = tuple(CategoryId(c) for c in row["categories"])  # type: ignore[attr-defined]
        examples.append(LabelledExample(f"{row['text']} {rng.choice(ordinary)}", categories))
        reports.append(tuple(r["reason"] for r in row["reports"]))  # type: ignore[attr-defined]
    return examples, reports


def run() -> list[Row]:
    rows = _rows()
    pack = load_policy()
    engine = SuggestionEngine(pack)
    ordinary = _posts([str(r["text"]) for r in rows if not r["categories"] and r["variant"] == "plain"], 5000, 1)
    mixed = _posts([str(r["text"]) for r in rows], 5000, 2)
    engine.suggest(ordinary[0])  # builds OpenCC's converter and the traditional-character table
    result = [
        Row("suggestions: lexicon + normalisation, 140-char ordinary posts", _per_second(
            lambda: [engine.suggest(p) for p in ordinary], len(ordinary)), "posts/s", 20_000, True,
            "one core, CPU time"),
        Row("suggestions: lexicon + normalisation, 140-char eval-set mix", _per_second(
            lambda: [engine.suggest(p) for p in mixed], len(mixed)), "posts/s", 20_000, True,
            "half violating, 44% of those evasive"),
    ]

    examples, reports = _training_set(rows, 10_000, 3)
    started = time.process_time()
    priors = engine.signal_scores([PostInput(e.text, r) for e, r in zip(examples, reports, strict=True)])
    model = TeamModel.train(examples, priors)
    training = time.process_time() - started
    assert model is not None
    result.append(Row("suggestions: train the team model on 10,000 examples", training, "s", 30,
                      note=f"{len(model.categories)} categories, CPU time"))
    batch = mixed[:2048]
    result.append(Row("suggestions: model inference, batches of 256", _per_second(
        lambda: [model.predict(batch[i:i + 256]) for i in range(0, len(batch), 256)], len(batch)),
        "posts/s", 5_000, True))
    engine.set_model(model)
    engine.starter = load_starter()  # as shipped: the starter model beside the lexicons, under the team model
    for label, posts in (("eval-set mix", batch), ("ordinary posts", ordinary[:2048])):
        inputs = [PostInput(p) for p in posts]
        result.append(Row(f"suggestions: whole engine as shipped, batches of 256, {label}", _per_second(
            lambda inputs=inputs: [engine.suggest_many(inputs[i:i + 256]) for i in range(0, len(inputs), 256)],
            len(inputs)), "posts/s", 5_000, True, "lexicons + starter + team model, evidence with spans"))
    latencies = []
    for post in mixed[:500]:
        started = time.perf_counter()
        engine.suggest(post, ["rumour"])
        latencies.append((time.perf_counter() - started) * 1000)
    result.append(Row("suggestions: one post with the model (GUI call), p95", p95(latencies), "ms", GUI_BUDGET_MS,
                      note=f"median {statistics.median(latencies):.2f} ms"))

    decided_at = datetime(2026, 11, 2, tzinfo=UTC)
    for i, post in enumerate(_posts([str(r["text"]) for r in rows], 10_000, 4)):
        engine.memory.add(DecidedPost(f"d{i}", post, (CategoryId("10.6"),), "lead1", decided_at))
    latencies = []
    for post in mixed[:500]:
        started = time.perf_counter()
        engine.suggest(post)
        latencies.append((time.perf_counter() - started) * 1000)
    result.append(Row("suggestions: one post, model + 10,000 decided posts, p95", p95(latencies), "ms",
                      GUI_BUDGET_MS, note=f"median {statistics.median(latencies):.2f} ms"))
    queue = [(f"q{i}", text) for i, text in enumerate(_posts([str(r["text"]) for r in rows], 10_000, 5))]
    started = time.perf_counter()
    groups = engine.cluster(queue)
    result.append(Row("suggestions: cluster a queue of 10,000 posts", time.perf_counter() - started, "s", 10,
                      note=f"{len(groups)} groups"))
    return result
