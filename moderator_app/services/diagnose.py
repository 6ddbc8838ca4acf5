"""`moderator-app diagnose`: a support bundle an administrator can send, with no secret in it.

The zip holds ``diagnose.json`` (everything below, structured), ``summary.txt`` (the same for a person) and
``log-tail.txt`` (the end of the workstation's log). Versions (app, Python, PySide6 as installed, without
loading Qt; the OS), the effective settings, paths, the audit database (URL with the password masked, schema
revision, reachable or not), the keyring (backend, usable or not) and the local SQLite stores' schema versions.
Every text written passes through ``core.redaction``; no key or token is read from the keyring.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import sqlite3
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from moderator_app import __version__
from moderator_app.core import redaction
from moderator_app.core.errors import UsageError
from moderator_app.services import logs
from moderator_app.services.bootstrap import AppPaths, load_settings
from moderator_app.services.secrets import keyring_status

LOG_TAIL_BYTES = 512 * 1024
DB_TIMEOUT_S = 5
JOURNAL_COUNTS = "SELECT state, count(*) FROM outbox GROUP BY state"  # pending / delivered / failed decisions
SPOOL_COUNTS = "SELECT 'spooled', count(*) FROM spooled"  # events waiting for the team database
ENVIRONMENT = ("MODAPP_DATA_DIR", "MODAPP_CONFIG_DIR", "MODAPP_DATABASE_URL", "MODAPP_PLATFORM_URL",
               "QT_QPA_PLATFORM", "LANG", "LC_ALL")


def default_bundle_name(now: datetime | None = None) -> str:
    moment = now or datetime.now(UTC)
    return f"moderator-workstation-diagnose-{moment.strftime('%Y%m%d-%H%M%S')}.zip"


def write_bundle(out: Path | None = None) -> Path:
    """Write the bundle to ``out`` (a file, or a folder to put it in; default: the current folder)."""
    target = out or Path(default_bundle_name())
    if target.is_dir():
        target = target / default_bundle_name()
    if not target.parent.is_dir():
        raise UsageError(f"--out {out}: the folder {target.parent} does not exist")
    report = collect()
    where = AppPaths.current()
    tail = logs.tail(where.log_file, LOG_TAIL_BYTES)
    try:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr("diagnose.json", redaction.redact(json.dumps(report, indent=2, ensure_ascii=False)))
            bundle.writestr("summary.txt", redaction.redact(summary(report)))
            bundle.writestr("log-tail.txt", tail or "(no log file yet)\n")
    except OSError as exc:
        raise UsageError(f"--out {target}: cannot write: {exc.strerror or exc}") from None
    return target


def collect() -> dict[str, Any]:
    where = AppPaths.current()
    settings, problem = load_settings()
    effective = settings.to_json()
    database_url = settings.database_url or where.default_database_url
    return {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": versions(),
        "paths": {name: str(value) for name, value in (
            ("data_dir", where.data_dir), ("config_dir", where.config_dir), ("settings_file", where.settings_file),
            ("log_file", where.log_file), ("outbox_journal", where.outbox_journal),
            ("audit_spool_dir", where.audit_spool_dir), ("team_model", where.team_model))},
        "settings": {"effective": effective, "problem": problem,
                     "environment": {name: os.environ[name] for name in ENVIRONMENT if name in os.environ}},
        "database": database_status(database_url),
        "keyring": keyring_report(),
        "local_stores": {"outbox_journal": sqlite_version(where.outbox_journal, JOURNAL_COUNTS),
                         **{f"audit_spool/{p.name}": sqlite_version(p, SPOOL_COUNTS)
                            for p in sorted(where.audit_spool_dir.glob("*.sqlite3"))}},
    }


def versions() -> dict[str, str]:
    def installed(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {"moderator-app": __version__, "python": sys.version.split()[0], "executable": sys.executable,
            "frozen": str(bool(getattr(sys, "frozen", False))),
            # The Qt version is PySide6's (it ships its own Qt); read from the package metadata, Qt is not loaded.
            "pyside6": installed("PySide6"), "sqlalchemy": installed("SQLAlchemy"),
            "keyring": installed("keyring"), "os": platform.platform(), "machine": platform.machine()}


def database_status(url: str) -> dict[str, Any]:
    """Where the audit log is, its schema revision and whether it answers; never creates a file or a schema."""
    from sqlalchemy.exc import SQLAlchemyError

    from moderator_app.audit.database import display_url, parse_url
    from moderator_app.audit.migrate import head_revision
    from moderator_app.audit.store import AuditStore
    from moderator_app.core.errors import ModeratorError

    status: dict[str, Any] = {"url": redaction.redact(url), "expected_revision": head_revision()}
    try:
        parsed = parse_url(url)
        status["url"] = display_url(parsed)
        if parsed.get_backend_name() == "sqlite" and not Path(str(parsed.database)).exists():
            return {**status, "reachable": False, "revision": None, "detail": "no database file yet"}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            parsed = parsed.update_query_dict({"connect_timeout": str(DB_TIMEOUT_S)})
        store = AuditStore(parsed)
        try:
            revision = store.revision()
            missing = store.missing_protections() if revision else []
        finally:
            store.close()
    except (ModeratorError, SQLAlchemyError, OSError) as exc:
        return {**status, "reachable": False, "revision": None, "detail": redaction.redact(str(exc))[:500]}
    return {**status, "reachable": True, "revision": revision, "missing_protections": missing}


def keyring_report() -> dict[str, Any]:
    status = keyring_status()
    return {"backend": status.backend, "usable": status.usable, "detail": redaction.redact(status.detail)}


def sqlite_version(path: Path, counts: str | None = None) -> dict[str, Any]:
    """A local store's schema version (PRAGMA user_version) and, with ``counts`` (SQL giving name, number rows),
    how many rows of each kind it holds; opened read-only, never created."""
    if not path.exists():
        return {"exists": False}
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=DB_TIMEOUT_S)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            held = dict(connection.execute(counts).fetchall()) if counts else {}
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return {"exists": True, "error": str(exc)}
    return {"exists": True, "schema_version": version, "bytes": path.stat().st_size, "rows": held}


def summary(report: dict[str, Any]) -> str:
    lines = [f"Moderator Workstation support bundle, {report['created_at']}", ""]
    for section in ("versions", "paths", "database", "keyring", "local_stores"):
        lines.append(f"[{section}]")
        lines.extend(f"  {key}: {value}" for key, value in report[section].items())
        lines.append("")
    settings = report["settings"]
    lines.append("[settings]")
    if settings["problem"]:
        lines.append(f"  NOT LOADED (defaults in effect): {settings['problem']}")
    lines.extend(f"  {key}: {value}" for key, value in settings["effective"].items())
    lines.extend(f"  env {key}={value}" for key, value in settings["environment"].items())
    return "\n".join(lines) + "\n"
