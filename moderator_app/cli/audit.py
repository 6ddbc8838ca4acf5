"""`moderator-app audit verify [--db URL] [--witness URL --user LEAD | --receipts FILE] [--trust KEYS]` (writes
nothing anywhere), `audit keys export`, and the developer tool `audit generate --synthetic --events N --db URL` (not
listed in the help: it writes only a new synthetic log of its own, see audit/synthetic.py)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

from moderator_app.audit.verify import WitnessCheck
from moderator_app.audit.witness import log_identity
from moderator_app.cli import audit_export
from moderator_app.cli.progress import TerminalProgress
from moderator_app.core.audit import VerifyReport
from moderator_app.core.errors import CheckFailed, StorageUnavailable, UsageError
from moderator_app.services import audit_review, bootstrap
from moderator_app.services.audit_service import AuditLogService, check_synthetic_target


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{verify,keys,export,verify-export}")
    gen = sub.add_parser("generate", description="Developer tool: a synthetic history (demos, benchmarks) in a new "
                                                 "log of its own, every event marked synthetic")
    gen.add_argument("--synthetic", action="store_true", required=True,
                     help="required: say that you want fake events, marked as such, in a log of their own")
    gen.add_argument("--events", type=int, required=True, metavar="N", help="how many events to append")
    gen.add_argument("--seed", type=int, default=2011, help="random seed (same seed, same history)")
    gen.add_argument("--db", metavar="URL", required=True,
                     help="the synthetic log: a new database (never the workstation's or the team's)")
    ver = sub.add_parser("verify", help="recompute every hash and check checkpoints; exit 1 names the first bad seq")
    ver.add_argument("--db", metavar="URL", help="database URL (default: MODAPP_DATABASE_URL or the workstation's "
                                                 "SQLite file)")
    ver.add_argument("--all-signatures", action="store_true",
                     help="also check every event's writer signature and indexed copies, not only those after "
                          "the last checkpoint (slow: about 10,000 events per second)")
    ver.add_argument("--witness", metavar="PLATFORM_URL",
                     help="hold the log to the platform's witness receipts (needs a lead's --user)")
    ver.add_argument("--user", help="the lead whose login lists the receipts (password: MODAPP_PASSWORD or a prompt)")
    ver.add_argument("--receipts", type=Path, metavar="FILE",
                     help="offline: the receipt list the platform exported (GET /v1/audit-witness?log_id=…)")
    ver.add_argument("--platform-key", metavar="KEY",
                     help="the platform's public key (base64, or a file holding it), obtained out of band; "
                          "default: the key pinned for --witness")
    ver.add_argument("--trust", type=Path, action="append", default=[], metavar="KEYS",
                     help="only these workstation keys count (files from 'audit keys export'); events and "
                          "checkpoints signed by any other key are reported as forged")
    keys = sub.add_parser("keys", help="'keys export': print this workstation's audit key for a reviewer's --trust")
    keys.add_argument("keys_action", choices=["export"])
    keys.add_argument("--workstation", help="the name to print (default: this machine's host name)")
    audit_export.add_subparsers(sub)


def writes_nothing(args: argparse.Namespace) -> bool:
    """The checks promise to leave the data and config folders as they were (no log file either)."""
    return args.action in ("verify", "verify-export", "keys")


def run(args: argparse.Namespace) -> int:
    if args.action in audit_export.EXPORT_ACTIONS:
        return audit_export.run(args)
    if args.action == "keys":
        print(json.dumps(audit_review.own_key_record(args.workstation), sort_keys=True))
        return 0
    if args.action == "generate" and args.events < 1:
        raise UsageError(f"--events must be at least 1, not {args.events}")
    if args.action == "verify":
        _check_verify_options(args)
    trusted = audit_review.read_trusted_keys(args.trust) if args.action == "verify" else None
    try:
        if args.action == "generate":
            check_synthetic_target(args.db)
        audit_log = bootstrap.audit_log(args.db, require_database=True, for_verification=args.action == "verify")
        try:
            if args.action == "generate":
                return _generate(audit_log, args.events, args.seed)
            return _verify(audit_log, args, trusted or None)
        finally:
            audit_log.close()
    except StorageUnavailable as exc:  # the URL names a database that is not there: bad input, not a failed check
        raise UsageError(str(exc)) from None


def _generate(audit_log: AuditLogService, count: int, seed: int) -> int:
    started = time.perf_counter()
    head = audit_log.generate(count, seed=seed)
    print(f"appended {count:,} events in {time.perf_counter() - started:.1f} s; the log now holds {head:,} events")
    return 0


def _check_verify_options(args: argparse.Namespace) -> None:
    if args.witness and args.receipts:
        raise UsageError("give --witness (online) or --receipts (offline), not both")
    if args.witness and not args.user:
        raise UsageError("--witness needs --user: a lead's login lists the platform's receipts")
    if args.user and not args.witness:
        raise UsageError("--user is for --witness")


def _witness(audit_log: AuditLogService, args: argparse.Namespace) -> tuple[WitnessCheck | None, str]:
    if args.receipts:
        return audit_review.witness_from_file(args.receipts, args.platform_key)
    if args.witness:
        from moderator_app.cli.decide import _password  # the same password source as bulk decisions

        identity = log_identity(audit_log.store)
        return audit_review.witness_from_platform(args.witness, args.user, _password(args.user), identity,
                                                  args.platform_key)
    return None, ""


def _with_forged_referral_decisions(audit_log: AuditLogService, report: VerifyReport, platform_key: str | None,
                                    witness: WitnessCheck | None) -> VerifyReport:
    """Four eyes: a referral approval or rejection counts only with the platform's countersignature."""
    from moderator_app.services.referrals import forged_referral_decisions, trusted_platform_keys

    keys = trusted_platform_keys(platform_key)
    if witness is not None and not platform_key:
        keys.append(witness.platform_key)
    forged = forged_referral_decisions(audit_log, keys)
    return dataclasses.replace(report, problems=(*report.problems, *forged)) if forged else report


def _verify(audit_log: AuditLogService, args: argparse.Namespace, trusted: dict[str, bytes] | None) -> int:
    witness, key_source = _witness(audit_log, args)
    started = time.perf_counter()
    # remember=False: a verification writes nothing, not even this workstation's checkpoint copy
    # --trust checks every writer signature: checkpoints signed with a trusted key vouch for content, not for
    # who re-signed the rows under them since
    progress = TerminalProgress("verifying", "events")
    try:
        report = audit_log.verify(progress, all_signatures=args.all_signatures or trusted is not None,
                                  witness=witness, trusted_keys=trusted, remember=False)
    finally:
        progress.finish()
    report = _with_forged_referral_decisions(audit_log, report, args.platform_key, witness)
    took = time.perf_counter() - started
    identity = log_identity(audit_log.store)
    print(f"log {identity or audit_log.store.log_id + ' (empty)'}")
    if trusted is not None:
        print(f"trusted workstation keys: {', '.join(sorted(trusted))} (every other key counts as forged)")
    if report.anchor is not None and witness is not None:
        print(f"witness: {report.anchor.describe()}; platform key {witness.platform_key.key_id} ({key_source})")
    else:
        print("no witness: only internal consistency was checked (the chain, signatures and checkpoints agree with "
              "each other); a deleted tail or a rolled-back copy would not show. Give --witness PLATFORM_URL "
              "--user LEAD or --receipts FILE")
    for note in report.notes:
        print(f"note: {note}")
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
