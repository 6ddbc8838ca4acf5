"""`moderator-app audit generate --events N [--db URL]` and `audit verify [--db URL]`."""

from __future__ import annotations

import argparse
import sys
import time

from moderator_app.core.errors import CheckFailed, StorageUnavailable, UsageError
from moderator_app.services.audit_service import open_audit_log


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{generate,verify}")
    gen = sub.add_parser("generate", help="append a realistic synthetic history (demos, benchmarks)")
    gen.add_argument("--events", type=int, required=True, metavar="N", help="how many events to append")
    gen.add_argument("--seed", type=int, default=2011, help="random seed (same seed, same history)")
    gen.add_argument("--db", metavar="URL", help="database URL (default: MODAPP_DATABASE_URL or the workstation's "
                                                 "SQLite file)")
    ver = sub.add_parser("verify", help="recompute every hash and check checkpoints; exit 1 names the first bad seq")
    ver.add_argument("--db", metavar="URL", help="database URL (default: as for generate)")
    ver.add_argument("--all-signatures", action="store_true",
                     help="also check the writer signature of every event (slow: about 10,000 per second)")


def run(args: argparse.Namespace) -> int:
    try:
        audit_log = open_audit_log(args.db)
    except StorageUnavailable as exc:
        raise UsageError(str(exc)) from None
    try:
        if args.action == "generate":
            return _generate(audit_log.generate, args.events, args.seed)
        return _verify(audit_log.verify, args.all_signatures)
    finally:
        audit_log.close()


def _generate(generate: object, count: int, seed: int) -> int:
    if count < 1:
        raise UsageError(f"--events must be at least 1, not {count}")
    started = time.perf_counter()
    head = generate(count, seed=seed)  # type: ignore[operator]
    print(f"appended {count:,} events in {time.perf_counter() - started:.1f} s; the log now holds {head:,} events")
    return 0


def _verify(verify: object, all_signatures: bool) -> int:
    started = time.perf_counter()
    report = verify(all_signatures=all_signatures)  # type: ignore[operator]
    took = time.perf_counter() - started
    if report.ok:
        print(f"intact: {report.events_checked:,} events, {report.checkpoints_checked:,} checkpoints, "
              f"{report.signatures_checked:,} writer signatures checked in {took:.1f} s")
        return 0
    for problem in report.problems[1:]:
        sys.stderr.write(f"  also: {problem}\n")
    first = report.first_problem
    raise CheckFailed(f"NOT intact: {first} ({len(report.problems)} problem(s); {report.events_checked:,} events "
                      "checked before it)")
