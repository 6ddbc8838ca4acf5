"""Shared helpers of the reliability suite: decisions to send, the lead's view of the platform, fault counting."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from moderator_app.core.decisions import Decision, DecisionKind, PlatformDecision
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.demo_platform import RunningServer
from moderator_app.demo_platform.faults import FaultInjector
from moderator_app.platform_api import MemorySecretStore
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.outbox_journal import OutboxJournal
from moderator_app.services.platform import make_client
from moderator_app.services.policy import load_policy
from moderator_app.services.suggestion_service import SuggestionService
from moderator_app.services.workstation import WorkstationParts, WorkstationSession

REACHED = "modapp.reliability.reached"
SHM = Path("/dev/shm")


def memory_folder(prefix: str) -> Path:
    """A folder in RAM where the machine has one: these tests are about networks, crashes and tampering, not
    about the disk, and thousands of fsyncs would otherwise take most of the time budget."""
    base = SHM if SHM.is_dir() and shutil.disk_usage(SHM).free > 2 * 1024**3 else None
    return Path(tempfile.mkdtemp(prefix=prefix, dir=base))


def open_workstation(url: str, user: str, folder: Path, audit_url: str, workstation: str) -> WorkstationSession:
    """A logged-in workstation as services.demo.start_demo builds one, on a platform and audit log of our choice,
    with its own outbox journal and key in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    client = make_client(url, credentials=lambda: (user, "demo"))
    client.secrets = MemorySecretStore()
    auth = client.login(user, "demo")
    pack = load_policy()
    audit = open_audit_log(audit_url, workstation=workstation, data_dir=folder)
    suggestions = SuggestionService.build(pack, model_path=folder / "team-model.bin")
    parts = WorkstationParts(client, auth, audit, suggestions, pack, workstation,
                             OutboxJournal(folder / "outbox.sqlite3"))
    return WorkstationSession(parts)


def decision_for(post_id: str, number: int, moderator: str = "mod1") -> Decision:
    """Every other post removed under 10.7 (gambling ads), the rest cleared."""
    removed = number % 2 == 0
    return Decision(PostId(post_id), DecisionKind.REMOVE if removed else DecisionKind.NO_VIOLATION,
                    (CategoryId("10.7"),) if removed else (), "", UserId(moderator),
                    datetime.now(UTC), uuid.uuid4().hex)


def lead_decisions(url: str) -> list[PlatformDecision]:
    """Every decision the platform applied, as the lead's reconciliation sees it (GET /v1/decisions)."""
    lead = make_client(url)
    lead.login("lead1", "demo")
    found: list[PlatformDecision] = []
    since = 0
    while True:
        page = lead.decisions(since=since, limit=1000)
        found.extend(page.items)
        if not page.items:
            return found
        since = page.next_since


def queue_post_ids(url: str, user: str = "lead1") -> list[str]:
    client = make_client(url)
    client.login(user, "demo")
    ids: list[str] = []
    cursor: str | None = None
    while True:
        page = client.queue_page(limit=200, cursor=cursor)
        ids.extend(i.post_id for i in page.items)
        cursor = page.next_cursor
        if not cursor:
            return ids


class CountingInjector(FaultInjector):
    """The demo platform's fault injector, counting what it did: injected errors, 429s, drops, and any 5xx of
    the platform itself (which would be a bug)."""

    counts: Counter[str]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await super().__call__(scope, receive, send)
            return
        state: dict[str, Any] = {"status": None, "done": False, "reached": False}
        scope = {**scope, REACHED: state}

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                state["done"] = True
            await send(message)

        await super().__call__(scope, receive, watch)
        self.counts["requests"] += 1
        status = state["status"]
        if not state["done"]:
            self.counts["dropped_after_running" if state["reached"] else "dropped_before_running"] += 1
        elif status == 429:
            self.counts["rate_limited"] += 1
        elif status is not None and status >= 500:
            self.counts["platform_5xx" if state["reached"] else "injected_5xx"] += 1


class _MarkReached:
    """Sits between the injector and the API: a request that gets here ran on the platform."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if REACHED in scope:
            scope[REACHED]["reached"] = True
        await self.app(scope, receive, send)


def counting_injector(server: RunningServer) -> CountingInjector:
    """The running server's injector, switched to counting (uvicorn keeps the object; its class changes)."""
    injector = server._server.config.app
    assert isinstance(injector, FaultInjector), "start the platform with faults"
    injector.__class__ = CountingInjector
    injector.counts = Counter()
    injector.app = _MarkReached(injector.app)
    return injector  # type: ignore[return-value]
