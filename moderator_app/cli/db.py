"""`moderator-app db upgrade [--db URL] [--app-role ROLE]`: bring the audit database's schema to the newest version
and, on PostgreSQL, check the rights of the role workstations will log in as."""

from __future__ import annotations

import argparse
import sys

from moderator_app.core.errors import StorageUnavailable, UsageError
from moderator_app.services.audit_admin import check_app_role, upgrade_database, workstation_versions

DB_HELP = "database URL (default: MODAPP_DATABASE_URL or the workstation's SQLite file)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{upgrade,workstations}")
    up = sub.add_parser("upgrade", help="create or migrate the audit database (triggers and functions included)")
    up.add_argument("--db", metavar="URL", help=DB_HELP)
    up.add_argument("--force", action="store_true",
                    help="upgrade even though recently connected workstations do not understand the new schema")
    listing = sub.add_parser("workstations", help="the workstations that use this database and their versions")
    listing.add_argument("--db", metavar="URL", help=DB_HELP)
    up.add_argument("--app-role", metavar="ROLE",
                    help="PostgreSQL: the role workstations log in as; its rights are checked (exit 1 if it could "
                         "change the log). Without it, PUBLIC's rights are checked")


def run(args: argparse.Namespace) -> int:
    if args.action == "workstations":
        for w in workstation_versions(args.db):
            print(f"{w.workstation}\t{w.app_version}\tschema {w.schema_head}\tlast seen {w.last_seen}")
        return 0
    try:
        before, after, where = upgrade_database(args.db, force=args.force)
        report = check_app_role(args.db, args.app_role)
    except StorageUnavailable as exc:
        raise UsageError(str(exc)) from None
    if before == after:
        print(f"{where}: schema already at {after}")
    else:
        print(f"{where}: schema upgraded from {before or 'empty'} to {after}; protections in place")
    if report is None:
        return 0
    for warning in report.warnings:
        print(f"moderator-app db: warning: {warning}", file=sys.stderr)
    for refusal in report.refusals:
        print(f"moderator-app db: {report.role} must not be handed to workstations: {refusal}", file=sys.stderr)
    if report.refusals:
        return 1
    print(f"{report.role}: rights checked: it cannot change the log"
          + (f" ({len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''})" if report.warnings
             else ""))
    return 0
