"""`moderator-app suggest` (JSONL posts -> JSONL suggestions), `suggest train` and `suggest eval`.

Bad lines are reported on stderr as ``moderator-app suggest: line N: reason`` and skipped; the other lines are
processed. Exit code: 0 when every line was good, 2 when any line was bad (or the arguments were).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from moderator_app.cli.jsonl_input import BadLines, LineError, json_objects, post_text, report_reasons
from moderator_app.cli.suggest_history import parse_since, platform_examples
from moderator_app.core.errors import UsageError
from moderator_app.core.models import CategoryId, Suggestion
from moderator_app.core.policy import PolicyPack
from moderator_app.services.suggestion_service import (
    EvalPost,
    EvalReport,
    LabelledExample,
    PostInput,
    SuggestionEngine,
    TeamModel,
    default_model_path,
    evaluate,
    lexicon_report,
    load_policy,
    load_starter,
    render_lexicon_report,
    split,
)

PROG = "moderator-app suggest"
_BATCH = 64


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("A bad input line is reported on stderr as 'line N: reason' and skipped; the rest is processed. "
                     "Exit codes: 0 every line was good, 2 a line or an argument was bad.")
    parser.add_argument("--policy", help="policy pack id or .toml file (default: beijing-2011)")
    parser.add_argument("--model", type=Path, help="team model file (default: the data folder's, if any)")
    parser.add_argument("--no-model", action="store_true", help="lexicons, reports only: ignore any model")
    parser.add_argument("--in", dest="input", default="-", help="JSONL {\"id\",\"text\"[,\"reports\"]} (default -)")
    parser.add_argument("--out", dest="output", default="-", help="JSONL suggestions (default -)")
    parser.add_argument("--min-score", type=float, help="suggest categories scoring at least this (default 0.5)")
    parser.add_argument("--language", choices=["en", "zh_CN"], default="en", help="language of evidence texts")
    sub = parser.add_subparsers(dest="action", metavar="{train,eval,lexicon-report}")
    train = sub.add_parser("train", help="train the team model from labelled JSONL")
    train.add_argument("--in", dest="input", help="JSONL {\"text\",\"categories\":[...]}")
    train.add_argument("--from-platform", metavar="URL", help="train on the decisions this platform holds (a lead's)")
    train.add_argument("--user", help="the lead whose login reads the platform's decisions (with --from-platform)")
    train.add_argument("--since", metavar="DATE", help="only decisions made on or after this date (YYYY-MM-DD)")
    train.add_argument("--model-out", type=Path, required=True, help="where to write the model")
    train.add_argument("--policy", help="policy pack id or .toml file (default: beijing-2011)")
    evaluation = sub.add_parser("eval", help="per-category precision, recall and F1 on labelled JSONL")
    evaluation.add_argument("--in", dest="input", required=True,
                            help="JSONL {\"text\",\"categories\":[...][,\"reports\"]}")
    evaluation.add_argument("--model", type=Path, help="evaluate with this team model (default: none, cold)")
    evaluation.add_argument("--policy", help="policy pack id or .toml file (default: beijing-2011)")
    evaluation.add_argument("--train-fraction", type=float,
                            help="train a model on this share of the set and evaluate on the rest")
    evaluation.add_argument("--seed", type=int, default=0, help="seed of the --train-fraction split")
    evaluation.add_argument("--ignore-reports", action="store_true", help="do not use the posts' reports")
    evaluation.add_argument("--min-score", type=float, help="suggest categories scoring at least this")
    evaluation.add_argument("--json", action="store_true", help="machine-readable output")
    report = sub.add_parser("lexicon-report", help="each term's hits, precision on decided posts, proposed weight")
    report.add_argument("--in", dest="input", required=True, help="JSONL {\"text\",\"categories\":[...]}")
    report.add_argument("--policy", help="policy pack id or .toml file (default: beijing-2011)")
    report.add_argument("--json", action="store_true", help="machine-readable output")


@contextlib.contextmanager
def _open_in(name: str) -> Iterator[IO[bytes]]:
    if name == "-":
        yield sys.stdin.buffer
        return
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from None
    with handle:
        yield handle


@contextlib.contextmanager
def _open_out(name: str) -> Iterator[IO[str]]:
    if name == "-":
        yield sys.stdout
        return
    try:
        handle = open(name, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {exc.strerror}") from None
    with handle:
        yield handle


def _engine(args: argparse.Namespace, pack: PolicyPack, model: TeamModel | None) -> SuggestionEngine:
    kwargs: dict[str, Any] = {"model": model, "language": getattr(args, "language", "en"),
                              "starter": None if getattr(args, "no_model", False) else load_starter()}
    if args.min_score is not None:
        if not 0.0 < args.min_score <= 1.0:
            raise UsageError(f"--min-score must be in (0, 1], not {args.min_score}")
        kwargs["min_score"] = args.min_score
    return SuggestionEngine(pack, **kwargs)


def _suggestion_json(suggestion: Suggestion) -> dict[str, Any]:
    return {"category": suggestion.category, "score": suggestion.score, "evidence": [
        {"kind": e.kind, "detail": e.detail, "contribution": round(e.contribution, 4),
         "span": list(e.span) if e.span else None, "reference": e.reference} for e in suggestion.evidence]}


def _run_suggest(args: argparse.Namespace) -> int:
    pack = load_policy(args.policy)
    model = None
    if not args.no_model:
        path = args.model or default_model_path()
        if args.model is not None or path.exists():
            model = TeamModel.load(path)
    engine = _engine(args, pack, model)
    bad = BadLines(PROG)
    with _open_in(args.input) as source, _open_out(args.output) as sink:
        batch: list[tuple[Any, PostInput]] = []

        def flush() -> None:
            results = engine.suggest_many([post for _id, post in batch])
            for (post_id, _post), suggestions in zip(batch, results, strict=True):
                line = {"id": post_id, "suggestions": [_suggestion_json(s) for s in suggestions]}
                sink.write(json.dumps(line, ensure_ascii=False) + "\n")
            sink.flush()
            batch.clear()

        for number, value in json_objects(source, bad):
            try:
                batch.append((value.get("id"), PostInput(post_text(value), report_reasons(value))))
            except LineError as exc:
                bad.report(number, str(exc))
            if len(batch) >= _BATCH:
                flush()
        flush()
    return 2 if bad.count else 0


def _labelled(path: str, pack: PolicyPack, bad: BadLines) -> list[EvalPost]:
    known = set(pack.category_ids)
    posts = []
    with _open_in(path) as source:
        for number, value in json_objects(source, bad):
            try:
                text = post_text(value)
                categories = value.get("categories")
                if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
                    raise LineError("'categories' must be a list of category ids ([] = no violation)")
                unknown = sorted(set(categories) - known)
                if unknown:
                    raise LineError(f"unknown category {unknown[0]!r} in policy pack {pack.pack_id}")
                example = LabelledExample(text, tuple(CategoryId(c) for c in categories))
                post_id = value.get("id")
                posts.append(EvalPost(example, report_reasons(value), None if post_id is None else str(post_id)))
            except LineError as exc:
                bad.report(number, str(exc))
    if not posts:
        raise UsageError(f"{path}: no usable labelled lines")
    return posts


def _run_train(args: argparse.Namespace) -> int:
    pack = load_policy(args.policy)
    bad = BadLines(f"{PROG} train")
    if (args.input is None) == (args.from_platform is None):
        raise UsageError("give either --in FILE or --from-platform URL --user LEAD")
    if args.from_platform is not None:
        if not args.user:
            raise UsageError("--from-platform needs --user LEAD")
        since = parse_since(args.since)
        posts = [p for p in platform_examples(args.from_platform, args.user, since)
                 if set(p.example.categories) <= set(pack.category_ids)]
        if not posts:
            raise UsageError(f"{args.from_platform}: the platform holds no decisions to learn from"
                             + (f" since {args.since}" if args.since else ""))
    else:
        posts = _labelled(args.input, pack, bad)
    engine = SuggestionEngine(pack, starter=load_starter())  # the team model learns how far to trust it
    priors = engine.signal_scores([PostInput(p.example.text, p.reports) for p in posts])
    model = TeamModel.train([post.example for post in posts], priors)
    if model is None:
        raise UsageError("no category has enough examples to learn from (at least 5 with it and 5 without)")
    model.save(args.model_out)
    info = model.info
    print(f"trained on {info.examples} examples; categories {', '.join(info.categories)}; "
          f"model version {info.model_version}; training set sha256 {info.training_digest}; saved to "
          f"{args.model_out}")
    return 2 if bad.count else 0


def _run_eval(args: argparse.Namespace) -> int:
    pack = load_policy(args.policy)
    bad = BadLines(f"{PROG} eval")
    posts = _labelled(args.input, pack, bad)
    use_reports = not args.ignore_reports
    reports: dict[str, EvalReport] = {}
    if args.train_fraction is not None:
        if not 0.0 < args.train_fraction < 1.0:
            raise UsageError(f"--train-fraction must be between 0 and 1, not {args.train_fraction}")
        train, test = split(posts, args.train_fraction, args.seed)
        engine = _engine(args, pack, None)
        priors = engine.signal_scores([PostInput(p.example.text, p.reports if use_reports else ()) for p in train])
        model = TeamModel.train([p.example for p in train], priors)
        if model is None:
            raise UsageError("the training share has too few examples of every category to learn from")
        engine.set_model(model)
        reports[f"cold (lexicons{' + reports' if use_reports else ''}), on the held-out {len(test)}"] = \
            evaluate(engine, test, use_reports=use_reports, use_model=False)
        reports[f"trained on {len(train)}, evaluated on the held-out {len(test)}"] = \
            evaluate(engine, test, use_reports=use_reports)
    else:
        model = TeamModel.load(args.model) if args.model else None
        engine = _engine(args, pack, model)
        label = "with the model" if model else f"cold (lexicons{' + reports' if use_reports else ''})"
        reports[f"{label}, {len(posts)} posts"] = evaluate(engine, posts, use_reports=use_reports)
    if args.json:
        print(json.dumps({title: r.as_dict() for title, r in reports.items()},
                         ensure_ascii=False, indent=2))
    else:
        for title, report in reports.items():
            print(f"== {title}")
            print(report.render())
            print()
    return 2 if bad.count else 0


def _run_lexicon_report(args: argparse.Namespace) -> int:
    pack = load_policy(args.policy)
    bad = BadLines(f"{PROG} lexicon-report")
    posts = _labelled(args.input, pack, bad)
    reports = lexicon_report(SuggestionEngine(pack), posts)
    if args.json:
        print(json.dumps([{"lexicon": r.lexicon_id, "category": r.category, "term": r.term, "weight": r.weight,
                           "hits": r.hits, "cited": r.cited, "precision": round(r.precision, 4),
                           "proposed_weight": r.proposed_weight} for r in reports], ensure_ascii=False, indent=2))
    else:
        print(render_lexicon_report(reports, len(posts)))
    return 2 if bad.count else 0


def run(args: argparse.Namespace) -> int:
    if args.action == "lexicon-report":
        return _run_lexicon_report(args)
    if args.action == "train":
        return _run_train(args)
    if args.action == "eval":
        return _run_eval(args)
    return _run_suggest(args)
