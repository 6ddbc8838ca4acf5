"""`moderator-app referral export --id ID --out DIR [--db URL]` and `referral verify-package PATH`."""

from __future__ import annotations

import argparse
import getpass
import socket
from pathlib import Path

from moderator_app.core.errors import StorageUnavailable, UsageError
from moderator_app.core.models import User, UserId
from moderator_app.services import bootstrap
from moderator_app.services.referrals import ReferralService, trusted_platform_keys, verify_package


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="{export,verify-package}")
    export = sub.add_parser("export", help="write a referral's signed evidence package (a BagIt folder)")
    export.add_argument("--id", required=True, dest="referral_id", help="the referral id, e.g. R-20261130-1A2B3C")
    export.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write the package into")
    export.add_argument("--db", metavar="URL", help="audit database URL (default: MODAPP_DATABASE_URL or the "
                                                    "workstation's SQLite file)")
    export.add_argument("--user", default=None, help="who exports (recorded in the audit log; default: you)")
    export.add_argument("--platform-key", metavar="KEY_OR_FILE",
                        help="the platform's public key (base64, or a file holding it) that countersigns approvals "
                             "(default: the keys pinned on this workstation)")
    check = sub.add_parser("verify-package", help="check a package; exit 1 names the altered, missing or added file")
    check.add_argument("path", type=Path, metavar="PATH", help="the package folder")
    check.add_argument("--expect-key", metavar="KEY_ID", help="fail unless the package is signed by this key id")
    check.add_argument("--platform-key", metavar="KEY_OR_FILE",
                       help="the platform's published public key (base64, or a file holding it): an approval "
                            "counts only with its countersignature (default: the key the package carries)")


def writes_nothing(args: argparse.Namespace) -> bool:
    """The checks promise to leave the data and config folders as they were (no log file either)."""
    return bool(args.action == "verify-package")


def run(args: argparse.Namespace) -> int:
    if args.action == "verify-package":
        from moderator_app.services.platform_key import configured_platform_key

        given = configured_platform_key(args.platform_key) if args.platform_key else None
        report = verify_package(args.path, expect_key=args.expect_key, platform_key=given)
        print(f"intact: referral {report.referral_id} ({report.state}), {report.events} audit events covered by "
              f"the checkpoint at seq {report.checkpoint_seq}, {report.files} files, signed by key {report.key_id}"
              f"; events written by {', '.join(report.writers) or 'unknown keys'}")
        if report.platform_key_id and report.platform_key_given:
            print(f"the {report.state} decision is countersigned by platform key {report.platform_key_id} "
                  "(checked against --platform-key)")
        elif report.platform_key_id:
            print(f"the {report.state} decision is countersigned by platform key {report.platform_key_id}, checked "
                  "only against the key the package carries: pass --platform-key with the platform's published "
                  "key to know the platform signed it")
        return 0
    try:
        audit = bootstrap.audit_log(args.db, require_database=True)
    except StorageUnavailable as exc:
        raise UsageError(str(exc)) from None
    try:
        name = args.user or getpass.getuser()
        service = ReferralService(audit, User(UserId(name), name, frozenset()), socket.gethostname(),
                                  trusted_platform_keys=trusted_platform_keys(args.platform_key))
        path = service.export_package(args.referral_id, args.out)
    finally:
        audit.close()
    print(f"wrote {path}")
    return 0
