"""`moderator-app audit generate --events N [--db URL]` and `audit verify [--db URL]`."""

from __future__ import annotations

import argparse
import time

from moderator_app.cli import audit_export
from moderator_app.cli.progress import TerminalProgress
from moderator_app.core.errors import CheckFailed, StorageUnavailable, UsageError
from moderator_app.services.audit_service import AuditLogService, open_audit_log


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{generate,verify,export,verify-export}")
    gen = sub.add_parser("generate", help="append a realistic synthetic history (demos, benchmarks)")
    gen.add_argument("--events", type=int, required=True, metavar="N", help="how many events to append")
    gen.add_argument("--seed", type=int, default=2011, help="random seed (same seed, same history)")
    gen.add_argument("--db", metavar="URL", help="database URL (default: MODAPP_DATABASE_URL or the workstation's "
                                                 "SQLite file)")
    ver = sub.add_parser("verify", help="recompute every hash and check checkpoints; exit 1 names the first bad seq")
    ver.add_argument("--db", metavar="URL", help="database URL (default: MODAPP_DATABASE_URL or the workstation's "
                                                 "SQLite file)")
    ver.add_argument("--all-signatures", action="store_true",
                     help="also check every event's writer signature and indexed copies, not only those after "
                          "the last checkpoint (slow: about 10,000 events per second)")
    audit_export.add_subparsers(sub)


def run(args: argparse.Namespace) -> int:
    if args.action in audit_export.EXPORT_ACTIONS:
        return audit_export.run(args)
    if args.action == "generate" and args.events < 1:
        raise UsageError(f"--events must be at least 1, not {args.events}")
    try:
        audit_log = open_audit_log(args.db, require_database=True, for_verification=args.action == "verify")
        try:
            if args.action == "generate":
                return _generate(audit_log, args.events, args.seed)
            return _verify(audit_log, args.all_signatures)
        finally:
            audit_log.close()
    except StorageUnavailable as exc:  # the URL names a database that is not there: bad input, not a failed check
        raise UsageError(str(exc)) from None


def _generate(audit_log: AuditLogService, count: int, seed: int) -> int:
    started = time.perf_counter()
    head = audit_log.generate(count, seed=seed)
    print(f"appended {count:,} events in {time.perf_counter() - started:.1f} s; the log now holds {head:,} events")
    return 0


def _verify(audit_log: AuditLogService, all_signatures: bool) -> int:
    started = time.perf_counter()
    progress = TerminalProgress("verifying", "events")
    try:
        report = audit_log.verify(progress, all_signatures=all_signatures)
    finally:
        progress.finish()
    took = time.perf_counter() - started
    if report.ok:
        print(f"intact: {report.events_checked:,} events, {report.checkpoints_checked:,} checkpoints, "
              f"{report.signatures_checked:,} writer signatures checked in {took:.1f} s")
        return 0
    first = report.first_problem
    print(f"NOT intact: {len(report.problems)} problem(s); {report.events_checked:,} events chained correctly "
          f"before the first")
    for problem in report.problems:
        print(f"  {problem}")
    raise CheckFailed(f"NOT intact: {first}")
