"""`moderator-app policy check [FILE|ID]` and `policy show [--category ID]`."""

from __future__ import annotations

import argparse
import json

from moderator_app.policy import DEFAULT_PACK_ID
from moderator_app.services.policy import load_policy


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{check,show}")
    check = sub.add_parser("check", help="validate a pack file (or an installed pack id)")
    check.add_argument("pack", nargs="?", default=DEFAULT_PACK_ID, help="a .toml file or a pack id")
    show = sub.add_parser("show", help="print a pack's categories, or one category")
    show.add_argument("--pack", default=DEFAULT_PACK_ID, help="a .toml file or a pack id")
    show.add_argument("--category", help="a category id such as 10.7")
    show.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    pack = load_policy(args.pack)
    if args.action == "check":
        terms = sum(len(lex.terms) for c in pack.categories for lex in c.lexicons)
        print(f"{pack.pack_id} {pack.version}: {len(pack.categories)} categories, "
              f"{len(pack.actions)} actions, {len(pack.report_reasons)} report reasons, {terms} lexicon terms: ok")
        return 0
    categories = [pack.category(args.category)] if args.category else list(pack.categories)
    if args.json:
        rows = [{"id": c.category_id, "article": c.article, "text_zh": c.text_zh, "title_en": c.title_en,
                 "severity": c.severity.value, "sla_hours": c.sla_hours,
                 "decision_kinds": sorted(k.value for k in c.decision_kinds),
                 "lexicons": [lex.lexicon_id for lex in c.lexicons]} for c in categories]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for c in categories:
        print(f"{c.category_id:<6} {c.article}  {c.text_zh}")
        print(f"       {c.title_en}  [severity {c.severity.value}, SLA {c.sla_hours} h]")
    return 0
