"""Demo mode: the reference platform in-process on a free loopback port, a fresh demo audit log, logged in.

Everything lives under ``<data dir>/demo`` and is recreated at each start, so a demo never touches the
workstation's real audit log, outbox or keyring.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from moderator_app import paths
from moderator_app.platform_api import MemorySecretStore
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.demo_process import PlatformProcess
from moderator_app.services.outbox_journal import OutboxJournal
from moderator_app.services.platform import make_client, platform_witness, start_demo_platform
from moderator_app.services.policy import load_policy
from moderator_app.services.suggestion_service import SuggestionService
from moderator_app.services.workstation import WorkstationParts, WorkstationSession

if TYPE_CHECKING:  # the web stack is imported only where the platform runs in this process (tests)
    from moderator_app.demo_platform import RunningServer

DEMO_USERS = ("mod1", "mod2", "lead1")
DEMO_PASSWORD = "demo"  # documented as demo-only; the reference server knows no other


@dataclass
class DemoWorkstation:
    server: RunningServer | PlatformProcess
    session: WorkstationSession
    folder: Path

    def close(self) -> None:
        try:
            self.session.close()
        finally:
            self.server.stop()


def start_demo(user: str = "mod1", *, data_dir: Path | None = None, posts: int = 2400,
               faults: str | None = None, claim_batch: int = 20,
               platform: PlatformProcess | None = None) -> DemoWorkstation:
    """Log in to the reference platform as ``user``. With ``platform`` (the GUI) it is that child process, already
    starting; without, it starts here in a background thread (tests reach into its store)."""
    folder = (data_dir or paths.data_dir()) / "demo"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    server: RunningServer | PlatformProcess
    if platform is None:
        # The demo data is moved to end now, so SLA countdowns look like a real shift's.
        server = start_demo_platform(posts=posts, faults=faults, time_origin=datetime.now(UTC))
    else:
        server = platform
    try:
        url = server.wait_ready() if isinstance(server, PlatformProcess) else server.url
        client = make_client(url, credentials=lambda: (user, DEMO_PASSWORD))
        client.secrets = MemorySecretStore()
        auth = client.login(user, DEMO_PASSWORD)
        pack = load_policy()
        audit = open_audit_log(f"sqlite:///{folder / 'audit.sqlite3'}", workstation="demo-workstation",
                               data_dir=folder, witness=platform_witness(client))
        suggestions = SuggestionService.build(pack, model_path=folder / "team-model.bin")
        parts = WorkstationParts(client, auth, audit, suggestions, pack, "demo-workstation",
                                 OutboxJournal(folder / "outbox.sqlite3"), claim_batch=claim_batch)
        return DemoWorkstation(server, WorkstationSession(parts), folder)
    except BaseException:
        server.stop()
        raise
