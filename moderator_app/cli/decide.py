"""`moderator-app decide --from-csv FILE --platform URL --user U`: bulk decisions for leads, on the GUI's path.

Every row is checked first (a bad row: one line naming it, exit 2, nothing sent). Then each decision takes the one
decision path (``services.decisions``): ``decision_recorded`` in the audit log (the workstation's, or ``--db``),
journalled with a key derived from the lead and the row, delivered with a few requests in flight, each
acknowledgement audited. Re-running the file, here or on another workstation, sends nothing twice: the platform
answers the same key and meaning with the decision it holds, reported as already applied. The password comes from
MODAPP_PASSWORD or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import socket
import sys
from pathlib import Path

from moderator_app.cli.progress import TerminalProgress
from moderator_app.core.decisions import Decision, PlatformDecision
from moderator_app.core.errors import CheckFailed, PermissionDenied, UsageError
from moderator_app.services import platform
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.bulk_decisions import BadRows, read_decision_csv, render_problems
from moderator_app.services.decisions import DecisionPipeline
from moderator_app.services.outbox import RetryPolicy, journal_path
from moderator_app.services.outbox_journal import EntryState, OutboxEntry, OutboxJournal
from moderator_app.services.policy import load_policy

PROGRESS_EVERY = 100
BATCH_RETRIES = 12
MAX_IN_FLIGHT = 16


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from-csv", dest="csv", type=Path, required=True,
                        help="CSV with columns post_id, kind, categories, note (+ restriction_days, refutation)")
    parser.add_argument("--platform", default=os.environ.get("MODAPP_PLATFORM_URL"),
                        required="MODAPP_PLATFORM_URL" not in os.environ,
                        help="the platform's address (default: MODAPP_PLATFORM_URL)")
    parser.add_argument("--user", required=True, help="a lead's user name")
    parser.add_argument("--ca-bundle", help="CA certificates file for a platform with a private CA")
    parser.add_argument("--retry-failed", action="store_true",
                        help="also send again rows that failed in an earlier run (e.g. after a conflict was fixed)")
    parser.add_argument("--retry-delay", type=float, default=0.2,
                        help="first wait after a transient failure, in seconds; doubles up to --max-wait (default 0.2)")
    parser.add_argument("--max-wait", type=float, default=30.0,
                        help="longest wait between attempts, also caps the platform's Retry-After (default 30)")
    parser.add_argument("--in-flight", type=int, default=8, metavar="N",
                        help=f"decisions sent at once, 1 to {MAX_IN_FLIGHT} (default 8)")
    parser.add_argument("--db", metavar="URL", help="audit database URL (default: MODAPP_DATABASE_URL or the "
                                                    "workstation's SQLite file)")


def _password(user: str) -> str:
    password = os.environ.get("MODAPP_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise UsageError("no password: set MODAPP_PASSWORD or run in a terminal to be asked")
    return getpass.getpass(f"Password for {user}: ")


def run(args: argparse.Namespace) -> int:
    if args.retry_delay < 0 or args.max_wait < args.retry_delay:
        raise UsageError("--retry-delay cannot be negative, and --max-wait cannot be shorter than it")
    if not 1 <= args.in_flight <= MAX_IN_FLIGHT:
        raise UsageError(f"--in-flight must be between 1 and {MAX_IN_FLIGHT}, not {args.in_flight}")
    pack = load_policy()
    try:
        decisions = read_decision_csv(args.csv, args.user, pack=pack)
    except BadRows as bad:
        for line in render_problems(bad.source, bad.problems):
            sys.stderr.write(line + "\n")
        raise
    password = _password(args.user)
    # A batch run can afford patience: more attempts for login and reads than the GUI's default.
    client = platform.make_client(args.platform, ca_bundle=args.ca_bundle, retry_after_cap=args.max_wait,
                                  retries=BATCH_RETRIES, credentials=lambda: (args.user, password))
    session = client.login(args.user, password)
    if not session.user.is_lead:
        raise PermissionDenied(f"{args.user} is not a lead; bulk decisions need the lead role")
    notice = getattr(client.secrets, "notice", None)
    if notice:
        sys.stderr.write(f"note: {notice}\n")
    audit = open_audit_log(args.db, workstation=socket.gethostname(), platform=client)
    try:
        pipeline = DecisionPipeline(
            client, audit, OutboxJournal(journal_path()), session.user, workstation=socket.gethostname(),
            pack=pack, retry=RetryPolicy(initial_delay=args.retry_delay, max_delay=args.max_wait),
            in_flight=args.in_flight)
        progress = DeliveryProgress(len(decisions))
        pipeline.on_delivered(progress)
        try:
            return _send(pipeline, decisions, args)
        finally:
            progress.finish()
            pipeline.close()
    finally:
        audit.close()


class DeliveryProgress:
    """On a terminal, a counter on one line rewritten in place; otherwise a line on stderr every hundred deliveries,
    so a long run shows it is alive (and a log keeps a trace)."""

    def __init__(self, total: int) -> None:
        self.count, self.total = 0, total
        self.terminal = TerminalProgress("delivering", "decisions")

    def __call__(self, entry: OutboxEntry, ack: PlatformDecision) -> None:
        self.count += 1
        if self.terminal.stream.isatty():
            self.terminal(self.count, max(self.total, self.count))
        elif self.count % PROGRESS_EVERY == 0:
            sys.stderr.write(f"  {self.count} delivered\n")

    def finish(self) -> None:
        self.terminal.finish()


def _send(pipeline: DecisionPipeline, decisions: list[Decision], args: argparse.Namespace) -> int:
    recorded = pipeline.record(decisions)
    earlier = [entry for entry, new in recorded if not new and entry.state is EntryState.DELIVERED]
    if args.retry_failed:
        for entry, _new in recorded:
            if entry.state is EntryState.FAILED:
                pipeline.outbox.retry(entry.seq)
    report = pipeline.deliver_pending()
    ours = {d.idempotency_key for d in decisions}
    failed = [e for e in pipeline.journal.failed(pipeline.account) if e.decision.idempotency_key in ours]
    now = len(report.delivered) - len(report.already_applied)
    print(f"{len(decisions)} rows: {now} delivered now, {len(earlier) + len(report.already_applied)} already "
          f"applied, {len(failed)} failed, {report.transient_errors} transient errors retried")
    for entry in failed:
        print(f"  post {entry.decision.post_id}: {entry.failure_kind}: {entry.last_error}")
    if report.blocked:
        raise CheckFailed(f"stopped: {report.blocked}; run the same command again to send the rest")
    if failed:
        raise CheckFailed(f"{len(failed)} decision{'s' if len(failed) != 1 else ''} not applied (see above); "
                          "fix them and run again with --retry-failed")
    return 0
