"""`moderator-app audit export …` and `audit verify-export PATH`: subcommands of `audit` (see cli/audit.py).

Exports are a team-lead function: `audit export` logs in to the platform (--platform, default MODAPP_PLATFORM_URL
or the workstation's settings; --user, default the settings' user or the login name; the password from
MODAPP_PASSWORD or a prompt) and refuses anyone the platform does not give the lead role, before reading the log.
Author identities are pseudonymised unless --include-pii is given, which is itself recorded in the export_made
event. `verify-export` needs no role: it is for whoever receives the bundle.
"""

from __future__ import annotations

import argparse
import getpass
import json
import socket
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from moderator_app.cli.progress import TerminalProgress
from moderator_app.core.audit import CancelToken, EventFilter, EventType, utc_timestamp
from moderator_app.core.errors import CheckFailed, StorageUnavailable, UsageError
from moderator_app.core.models import PlatformKey, User
from moderator_app.platform_api import PlatformClient
from moderator_app.services import audit_review, bootstrap, exports
from moderator_app.services.platform_key import configured_platform_key

EXPORT_ACTIONS = ("export", "verify-export")
_ONE_DAY, _NO_TIME = timedelta(days=1), timedelta(0)


def add_subparsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exp = sub.add_parser("export", help="write a verifiable export bundle (a folder) of the events matching a filter")
    exp.add_argument("--from", dest="since", metavar="DATE", help="first day or instant (UTC), e.g. 2026-11-01")
    exp.add_argument("--to", dest="until", metavar="DATE", help="last day (inclusive) or instant (exclusive), UTC")
    exp.add_argument("--moderator", help="only this moderator's events")
    exp.add_argument("--category", help="only this policy category, e.g. 10.7")
    exp.add_argument("--decision", help="only this decision kind, e.g. remove")
    exp.add_argument("--type", dest="event_type", choices=[t.value for t in EventType], help="only this event type")
    exp.add_argument("--subject", help="only this subject, e.g. post:4711")
    exp.add_argument("--format", dest="formats", action="append", choices=exports.FORMATS, required=True,
                     help="csv, xlsx, jsonl or pdf (repeat for several); events.jsonl is always written")
    exp.add_argument("--out", type=Path, required=True, help="the bundle folder (created; must be empty if it exists)")
    exp.add_argument("--language", choices=("zh_CN", "zh", "en"),
                     help="language of the CSV/XLSX column headers and the PDF report (default: the workstation's "
                          "language setting; Chinese when it is auto)")
    exp.add_argument("--include-pii", action="store_true", help="keep author identities (recorded in the audit log)")
    exp.add_argument("--user", help="the lead exporting (default: the workstation's user, else your login name)")
    exp.add_argument("--platform", help="platform URL to confirm the lead role (default: MODAPP_PLATFORM_URL or the "
                                        "workstation's settings)")
    exp.add_argument("--db", metavar="URL", help="database URL (default: as for generate)")
    ver = sub.add_parser("verify-export", help="check an export bundle offline; exit 1 names what is wrong")
    ver.add_argument("path", type=Path, help="the bundle folder")
    ver.add_argument("--trust", action="append", default=[], metavar="KEY_ID",
                     help="require the manifest and checkpoints to be signed by these workstation key ids")
    ver.add_argument("--platform-key", metavar="KEY",
                     help="the platform's public key (base64, or a file holding it) that must have signed the export "
                          "grant and the redactions; default: the key this machine pinned for that platform")


def run(args: argparse.Namespace) -> int:
    if args.action == "verify-export":
        return _verify(args.path, frozenset(args.trust), args.platform_key)
    return _export(args)


def parse_bound(text: str | None, *, end: bool) -> str | None:
    """A date means the whole day (an end date includes its day); an instant is taken as UTC."""
    if not text:
        return None
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
            if end and day == date.max:
                return None  # through the last day there is: no upper bound
            return utc_timestamp(moment + (_ONE_DAY if end else _NO_TIME))
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        raise UsageError(f"not a date or time: {text!r} (use e.g. 2026-11-01 or 2026-11-01T08:00:00Z)") from None
    try:
        return utc_timestamp(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    except (ValueError, OverflowError):  # an offset that takes the instant past year 1..9999 in UTC
        raise UsageError(f"not a date or time: {text!r} (out of range)") from None


def _export(args: argparse.Namespace) -> int:
    wanted = EventFilter(since=parse_bound(args.since, end=False), until=parse_bound(args.until, end=True),
                         actor=args.moderator, category=args.category, decision_kind=args.decision,
                         event_type=EventType(args.event_type) if args.event_type else None, subject=args.subject)
    if wanted.since and wanted.until and wanted.since >= wanted.until:
        raise UsageError("--from must be before --to")
    user, client = _lead(args)
    language = args.language or _settings_language()
    spec = exports.ExportSpec(wanted, tuple(dict.fromkeys(args.formats)), args.out, args.include_pii, language)
    try:
        audit_log = bootstrap.audit_log(args.db, require_database=True, platform=client)  # witnessed at the end
    except StorageUnavailable as exc:  # a URL naming a database that is not there is bad input
        raise UsageError(str(exc)) from None
    started = time.perf_counter()
    progress = TerminalProgress("exporting", "events")
    try:
        result = exports.export_audit(audit_log, spec, user, workstation=socket.gethostname(),
                                      progress=progress, cancel=CancelToken(), platform=client)
    finally:
        progress.finish()
        audit_log.close()
    print(f"exported {result.matching:,} events to {result.out} in {time.perf_counter() - started:.1f} s "
          f"(export {result.export_id}; {result.context:,} other events of the range kept as completeness evidence"
          f"{'; author identities pseudonymised' if not args.include_pii else ''})")
    return 0


def _lead(args: argparse.Namespace) -> tuple[User, PlatformClient]:
    """The user, once the platform confirms the lead role (UsageError, exit 2, for anyone else), and the logged-in
    client that asks the platform for the export grant."""
    settings = bootstrap.settings()
    name = args.user or settings.username or getpass.getuser()
    url = args.platform or settings.platform_url
    if not url:
        raise UsageError("audit export is for team leads: give --platform URL (or set MODAPP_PLATFORM_URL) and a "
                         "lead's --user, to confirm the role")
    from moderator_app.cli.decide import _password  # the same password source as bulk decisions

    password = _password(name)
    client = bootstrap.platform_client(url, credentials=lambda: (name, password))
    user = client.login(name, password).user
    if not user.is_lead:
        raise UsageError(f"{name} is not a lead: audit exports are a team-lead function")
    return user, client


def _pinned_for_grant(path: Path) -> PlatformKey | None:
    """The pinned platform key whose id the bundle's grant names (read only: verifying pins nothing)."""
    try:
        grant = json.loads((path / "manifest.json").read_text(encoding="utf-8")).get("grant") or {}
    except (OSError, ValueError, AttributeError):
        return None
    return audit_review.pinned_key_by_id(str(grant.get("key_id", "")))


def _settings_language() -> str:
    """The workstation's language setting; "auto" means the team's language, Chinese."""
    return "en" if bootstrap.settings().language == "en" else "zh"


def _verify(path: Path, trusted: frozenset[str], platform_key: str | None) -> int:
    if not path.is_dir():
        raise UsageError(f"{path} is not a folder (an export bundle is a folder)")
    key = configured_platform_key(platform_key) if platform_key else _pinned_for_grant(path)
    started = time.perf_counter()
    progress = TerminalProgress("verifying", "events")
    try:
        report = exports.verify_export(path, trusted_keys=trusted, platform_key=key, require_grant=True,
                                       progress=progress)
    finally:
        progress.finish()
    took = time.perf_counter() - started
    if report.ok:
        print(f"verified: {report.matching:,} matching events complete for the filter, seq {report.first_seq}.."
              f"{report.last_seq} chained between signed checkpoints ({report.context:,} other events), every file "
              f"unaltered; manifest signed by key {report.signer_key_id}, checkpoints by "
              f"{', '.join(report.checkpoint_key_ids)}; exported by {report.grant} ({took:.1f} s)")
        if report.redacted:
            print(f"note: {report.redacted:,} events carry pseudonymised author identities; their place in the chain "
                  "is proven, and the platform attested each is that event with only identities replaced")
        return 0
    for problem in report.problems:
        print(f"  {problem}")
    raise CheckFailed(f"export NOT verified: {report.problems[0]}")
