"""`moderator-app db upgrade [--db URL]`: bring the audit database's schema to the newest version."""

from __future__ import annotations

import argparse

from moderator_app.core.errors import StorageUnavailable, UsageError
from moderator_app.services.audit_admin import upgrade_database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{upgrade}")
    up = sub.add_parser("upgrade", help="create or migrate the audit database (triggers and functions included)")
    up.add_argument("--db", metavar="URL", help="database URL (default: MODAPP_DATABASE_URL or the workstation's "
                                                "SQLite file)")


def run(args: argparse.Namespace) -> int:
    try:
        before, after, where = upgrade_database(args.db)
    except StorageUnavailable as exc:
        raise UsageError(str(exc)) from None
    if before == after:
        print(f"{where}: schema already at {after}")
    else:
        print(f"{where}: schema upgraded from {before or 'empty'} to {after}; protections in place")
    return 0
