"""`make eval`: suggestion quality on public labelled sets the team did not build from, side by side.

For each set (benchmarks/eval_data.py; cached in build/eval-data/, a missing set is named and skipped): a
seeded sample of at most 12,000 posts, split in stratified halves. On the test half:
- cold: the shipped lexicons and starter model, no reports, no team model (and lexicons alone): macro-F1
  over the set's labelled categories and the false-positive rate (ordinary posts that get any suggestion);
- warm: a team model trained on the training half's labels, as `suggest train` would, combined with the
  lexicons and the starter model in the engine;
- baseline: character 1-3-gram TF-IDF logistic regression, class-balanced, C chosen by 3-fold CV;
- a learning curve: warm and baseline trained on the first 100, 300, 1,000 and 3,000 training decisions.

    python benchmarks/eval_suggestions.py [SET ...]           # all cached sets, or the named ones
    python benchmarks/eval_suggestions.py import NAME GIT_DIR  # copy a set out of a clone at its commit
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_data import SETS, DataSet, Labelled, by_name, import_from_git, load
from moderator_app.core.models import CategoryId
from moderator_app.services.suggestion_service import (
    LabelledExample,
    PostInput,
    SuggestionEngine,
    TeamModel,
    load_policy,
    load_starter,
)

CURVE = (100, 300, 1_000, 3_000)
TEST_CAP = 6_000
Predictions = list[set[str]]


def scores(gold: Labelled, predicted: Predictions) -> tuple[float, float]:
    """(macro-F1 over the categories in the labels, share of ordinary posts with any suggestion)."""
    categories = sorted({c for _t, cs in gold for c in cs})
    f1s = []
    for category in categories:
        tp = sum(category in cs and category in p for (_t, cs), p in zip(gold, predicted, strict=True))
        fp = sum(category not in cs and category in p for (_t, cs), p in zip(gold, predicted, strict=True))
        fn = sum(category in cs and category not in p for (_t, cs), p in zip(gold, predicted, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    ordinary = [bool(p) for (_t, cs), p in zip(gold, predicted, strict=True) if not cs]
    return (sum(f1s) / len(f1s) if f1s else 0.0), (sum(ordinary) / len(ordinary) if ordinary else 0.0)


def engine_predictions(engine: SuggestionEngine, posts: Labelled, *, use_model: bool) -> Predictions:
    found: Predictions = []
    for start in range(0, len(posts), 256):
        batch = [PostInput(text) for text, _c in posts[start:start + 256]]
        found.extend({s.category for s in suggestions}
                     for suggestions in engine.suggest_many(batch, use_model=use_model))
    return found


def train_team_model(engine: SuggestionEngine, train: Labelled) -> TeamModel | None:
    priors = engine.signal_scores([PostInput(text) for text, _c in train])
    examples = [LabelledExample(text, tuple(CategoryId(c) for c in cs)) for text, cs in train]
    return TeamModel.train(examples, priors)


def baseline_predictions(train: Labelled, test: Labelled) -> Predictions:
    """Character 1-3-gram TF-IDF + logistic regression per category, class-balanced, C by 3-fold CV."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegressionCV

    vectoriser = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2)
    x_train = vectoriser.fit_transform([t for t, _c in train])
    x_test = vectoriser.transform([t for t, _c in test])
    found: Predictions = [set() for _ in test]
    for category in sorted({c for _t, cs in train for c in cs}):
        y = [category in cs for _t, cs in train]
        if sum(y) < 3 or sum(y) > len(y) - 3:
            continue
        model = LogisticRegressionCV(Cs=[0.1, 1, 10, 100], cv=3, class_weight="balanced", scoring="f1",
                                     max_iter=2000).fit(x_train, y)
        for row, flag in enumerate(model.predict(x_test)):
            if flag:
                found[row].add(category)
    return found


def stratified_halves(posts: Labelled) -> tuple[Labelled, Labelled]:
    """Alternate within each label set, so both halves keep the mix; ``load`` shuffles the posts, so each prefix
    of the training half (the learning curve) is a random sample of it."""
    train: Labelled = []
    test: Labelled = []
    counters: dict[tuple[str, ...], int] = {}
    for post in posts:
        index = counters[post[1]] = counters.get(post[1], 0) + 1
        (train if index % 2 else test).append(post)
    return train, test


def evaluate_set(data_set: DataSet, engine: SuggestionEngine, lexicons_only: SuggestionEngine) -> list[str]:
    posts = load(data_set)
    if data_set.fp_only:
        _f1, fp = scores(posts, engine_predictions(engine, posts, use_model=False))
        _f1, lexicon_fp = scores(posts, engine_predictions(lexicons_only, posts, use_model=False))
        return [f"{data_set.name:<12} {len(posts):>6} ordinary posts   cold FP {fp:6.1%}   "
                f"(lexicons only {lexicon_fp:.1%})"]
    train, test = stratified_halves(posts)
    test = test[:TEST_CAP]
    positives = sum(bool(cs) for _t, cs in posts)
    cold_f1, cold_fp = scores(test, engine_predictions(engine, test, use_model=False))
    lexicon_f1, lexicon_fp = scores(test, engine_predictions(lexicons_only, test, use_model=False))
    lines = [f"{data_set.name:<12} {len(posts):>6} posts ({positives} violating), train {len(train)}, "
             f"test {len(test)}",
             f"  cold   macro-F1 {cold_f1:.3f}  FP {cold_fp:6.1%}   (lexicons only: {lexicon_f1:.3f}, "
             f"FP {lexicon_fp:.1%}; with the starter model: the first figures)"]
    curve = [n for n in CURVE if n < len(train)] + [len(train)]
    for size in curve:
        subset = train[:size]
        model = train_team_model(engine, subset)
        engine.set_model(model)
        warm_f1, warm_fp = scores(test, engine_predictions(engine, test, use_model=True))
        engine.set_model(None)
        base_f1, base_fp = scores(test, baseline_predictions(subset, test))
        label = "warm  " if size == len(train) else "      "
        lines.append(f"  {label} n={size:>5}  team {warm_f1:.3f} (FP {warm_fp:5.1%})   "
                     f"baseline {base_f1:.3f} (FP {base_fp:5.1%})   team−baseline {warm_f1 - base_f1:+.3f}")
    return lines


def main(argv: Sequence[str]) -> int:
    if argv[:1] == ["import"]:
        if len(argv) != 3 or by_name(argv[1]) is None:
            print(f"eval: usage: import NAME GIT_DIR (NAME one of {', '.join(s.name for s in SETS)})",
                  file=sys.stderr)
            return 2
        data_set = by_name(argv[1])
        assert data_set is not None
        print(f"{data_set.name}: {import_from_git(data_set, Path(argv[2]))} files -> {data_set.folder}")
        return 0
    unknown = [n for n in argv if by_name(n) is None]
    if unknown:
        print(f"eval: unknown set(s) {', '.join(unknown)} (have: {', '.join(s.name for s in SETS)})",
              file=sys.stderr)
        return 2
    chosen = [s for s in SETS if not argv or s.name in argv]
    warnings.filterwarnings("ignore", category=FutureWarning)  # scikit-learn's notices about 1.10 defaults
    engine = SuggestionEngine(load_policy(), starter=load_starter())
    lexicons_only = SuggestionEngine(engine.pack)
    print("Suggestion quality on public labelled sets (macro-F1 over each set's labelled categories; FP = "
          "ordinary posts with any suggestion)")
    for data_set in chosen:
        print(f"\n{data_set.title}: github.com/{data_set.repo} @ {data_set.commit[:12]} ({data_set.licence})")
        problem = data_set.missing()
        if problem:
            print(f"  SKIPPED, missing: {problem}")
            continue
        started = time.perf_counter()
        for line in evaluate_set(data_set, engine, lexicons_only):
            print(line, flush=True)
        print(f"  ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
