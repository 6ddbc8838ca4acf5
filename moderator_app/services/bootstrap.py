"""The composition root: the one place the GUI, the CLI and the demo get their parts from.

    boot = start("gui")                      # logging to the data folder, excepthooks, settings (problem kept)
    client = platform_client(url, ca_bundle=boot.settings.ca_bundle, remember=False)
    audit = audit_log(None, require_database=True)        # --db, else MODAPP_DATABASE_URL / settings / SQLite
    session = open_session(boot.settings, url, user, password, remember=True)

Paths come from ``moderator_app.paths``, settings from ``settings.store``, secrets from ``services.secrets``,
logging from ``services.logs``. Everything heavy (the engine, SQLAlchemy, requests) is imported when first asked
for, so ``start`` costs a few milliseconds and the CLI stays quick.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from moderator_app import __version__, paths
from moderator_app.core.errors import SettingsError
from moderator_app.services import logs
from moderator_app.settings import Settings
from moderator_app.settings.store import default_store

if TYPE_CHECKING:
    from moderator_app.core.models import AuthSession
    from moderator_app.core.policy import PolicyPack
    from moderator_app.platform_api import PlatformClient
    from moderator_app.services.audit_service import AuditLogService
    from moderator_app.services.demo import DemoWorkstation
    from moderator_app.services.demo_process import PlatformProcess
    from moderator_app.services.workstation import WorkstationSession

log = logging.getLogger(__name__)
Mode = Literal["gui", "cli", "demo-platform"]


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    settings_file: Path
    log_file: Path
    outbox_journal: Path
    audit_spool_dir: Path
    team_model: Path
    default_database_url: str

    @classmethod
    def current(cls) -> AppPaths:
        data = paths.data_dir()
        return cls(data, paths.config_dir(), default_store().path, logs.log_file_path(data),
                   data / "outbox.sqlite3", data / "audit-spool", data / "suggestions" / "team-model.npz",
                   paths.default_database_url())


@dataclass(frozen=True, slots=True)
class Boot:
    mode: Mode
    paths: AppPaths
    settings: Settings
    settings_problem: str | None  # the settings file could not be used: defaults are in effect, tell the user
    log_file: Path | None  # None: the data folder cannot be written, logs go to stderr only
    locked: dict[str, str]  # settings the administrator's managed file or the environment fix, and why


def start(mode: Mode) -> Boot:
    """The GUI's start: logging and excepthooks, then the settings (a bad file: defaults, and the problem kept)."""
    where = AppPaths.current()
    log_file = start_logging(mode)
    settings, locked, problem = load_layered_settings()
    if problem:
        log.warning("settings not loaded, defaults in effect: %s", problem)
    return Boot(mode, where, settings, problem, log_file, locked)


def start_logging(mode: Mode, *, read_only: bool = False) -> Path | None:
    """The rotating log file in the data folder, warnings on stderr, excepthooks. The CLI stops here: its
    commands read the settings only if they need them, and report a bad file themselves. ``read_only``: a check
    that promises to write nothing gets no log file (stderr only)."""
    log_file = logs.configure_logging(paths.data_dir(), to_file=not read_only)
    logs.install_excepthooks()
    log.info("moderator-app %s started (%s)", __version__, mode)
    return log_file


def load_settings() -> tuple[Settings, str | None]:
    """The effective settings (file + environment), or the defaults and what was wrong with the file."""
    try:
        return default_store().load(), None
    except SettingsError as exc:
        return Settings(), str(exc)


def load_layered_settings() -> tuple[Settings, dict[str, str], str | None]:
    """The effective settings (defaults, user file, environment, the managed file), the locked keys with why, and
    what was wrong with a file (then the defaults are in effect)."""
    try:
        layers = default_store().load_layers()
    except SettingsError as exc:
        return Settings(), {}, str(exc)
    return layers.settings, layers.locked, None


def settings() -> Settings:
    """The effective settings; SettingsError naming the file and the problem (the CLI's exit 1)."""
    return default_store().load()


def log_file() -> Path | None:
    """The file this process logs to; what the GUI's error box and ``diagnose`` point at."""
    return logs.current_log_file()


# --- parts ------------------------------------------------------------------------------------------------------

def platform_client(url: str, *, remember: bool = True, **options: Any) -> PlatformClient:
    """A configured client (UsageError for an address that is not http(s)); its token goes where
    ``services.secrets`` puts tokens, or stays in memory when ``remember`` is off."""
    from moderator_app.services.platform import make_client
    from moderator_app.services.secrets import token_store

    return make_client(url, secrets=token_store(remember=remember), **options)


def audit_log(database_url: str | None = None, **options: Any) -> AuditLogService:
    """``services.audit_service.open_audit_log``: the URL given, else MODAPP_DATABASE_URL, the settings' URL, or
    the workstation's SQLite file."""
    from moderator_app.services.audit_service import open_audit_log

    return open_audit_log(database_url, **options)


def assemble_session(client: PlatformClient, auth: AuthSession, pack: PolicyPack, *, workstation: str,
                     database_url: str | None, data_dir: Path, model_path: Path, journal: Path,
                     claim_batch: int, platform: PlatformClient | None = None,
                     language: str = "zh_CN") -> WorkstationSession:
    """The logged-in workstation from its parts: audit log, suggestion engine (explaining itself in ``language``,
    the interface's), outbox journal."""
    from moderator_app.services.audit_service import open_audit_log
    from moderator_app.services.outbox_journal import OutboxJournal
    from moderator_app.services.suggestion_service import SuggestionService
    from moderator_app.services.workstation import WorkstationParts, WorkstationSession

    data_dir.mkdir(parents=True, exist_ok=True)
    audit = open_audit_log(database_url, workstation=workstation, platform=platform, data_dir=data_dir)
    try:
        suggestions = SuggestionService.build(pack, model_path=model_path, language=language)
        parts = WorkstationParts(client, auth, audit, suggestions, pack, workstation, OutboxJournal(journal),
                                 claim_batch=claim_batch)
        return WorkstationSession(parts)
    except BaseException:
        audit.close()
        raise


def open_session(settings: Settings, url: str, username: str, password: str, *,
                 remember: bool, language: str = "zh_CN") -> WorkstationSession:
    """Log in and open the real workstation. Blocking (network and database): the GUI calls it on its network
    lane."""
    from moderator_app.services.policy import load_policy

    client = platform_client(url, remember=remember, ca_bundle=settings.ca_bundle)
    auth = client.login(username, password)
    log.info("logged in to %s as %s (token %s)", client.base_url, auth.user.user_id,
             "remembered in the keyring" if remember and getattr(client.secrets, "persistent", False)
             else "kept in memory")
    pack = load_policy(settings.policy_pack)
    where = AppPaths.current()
    return assemble_session(client, auth, pack, workstation=socket.gethostname(),
                            database_url=settings.database_url, data_dir=where.data_dir,
                            model_path=where.team_model, journal=where.outbox_journal,
                            claim_batch=settings.claim_batch_size, platform=client, language=language)


def start_demo(user: str, settings: Settings, platform: PlatformProcess | None = None,
               **options: Any) -> DemoWorkstation:
    """``--demo``: the reference platform (``platform``, already starting, or one in this process) and a session
    on it with its own audit log, journal and in-memory tokens under ``<data>/demo``."""
    from moderator_app.services.demo import start_demo as start_demo_workstation

    demo = start_demo_workstation(user, claim_batch=settings.claim_batch_size, platform=platform, **options)
    log.info("demo started as %s, its data in %s", user, demo.folder)
    return demo
