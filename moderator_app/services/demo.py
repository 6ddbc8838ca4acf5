"""Demo mode: the reference platform in-process on a free loopback port, a fresh demo audit log, logged in.

Everything lives under ``<data dir>/demo`` and is recreated at each start, so a demo never touches the
workstation's real audit log, outbox or keyring. With ``second_reviews``, a colleague's decisions are re-queued
blind to the demo user, so the review screen shows review quality's second reviews too.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from moderator_app import paths
from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.models import Role, User, UserId
from moderator_app.platform_api import MemorySecretStore
from moderator_app.services.bootstrap import assemble_session
from moderator_app.services.decision_events import decision_recorded_event
from moderator_app.services.demo_process import PlatformProcess
from moderator_app.services.platform import make_client, start_demo_platform
from moderator_app.services.policy import load_policy
from moderator_app.services.review_quality import sample_for_review
from moderator_app.services.workstation import WorkstationSession

if TYPE_CHECKING:  # the web stack is imported only where the platform runs in this process (tests)
    from moderator_app.demo_platform import RunningServer

DEMO_USERS = ("mod1", "mod2", "lead1")
DEMO_PASSWORD = "demo"  # documented as demo-only; the reference server knows no other
GUI_SECOND_REVIEWS = 3  # what `moderator-app --demo` re-queues to its user


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
               platform: PlatformProcess | None = None, second_reviews: int = 0,
               language: str = "zh_CN") -> DemoWorkstation:
    """Log in to the reference platform as ``user``. With ``platform`` (the GUI) it is that child process, already
    starting; without, it starts here in a background thread (tests reach into its store). ``second_reviews``:
    how many of a colleague's decisions are re-queued blind to ``user`` (``requeue_colleague_decisions``)."""
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
        client = make_client(url, credentials=lambda: (user, DEMO_PASSWORD), secrets=MemorySecretStore())
        auth = client.login(user, DEMO_PASSWORD)
        session = assemble_session(
            client, auth, load_policy(), workstation="demo-workstation",
            database_url=f"sqlite:///{folder / 'audit.sqlite3'}", data_dir=folder,
            model_path=folder / "team-model.bin", journal=folder / "outbox.sqlite3", claim_batch=claim_batch,
            platform=client, language=language)
        demo = DemoWorkstation(server, session, folder)
    except BaseException:
        server.stop()
        raise
    if second_reviews:
        try:
            requeue_colleague_decisions(demo, second_reviews)
        except BaseException:
            demo.close()
            raise
    return demo


def requeue_colleague_decisions(demo: DemoWorkstation, count: int) -> int:
    """Review quality in the demo: a colleague (mod2, or mod1 for mod2) decides ``count`` posts on the demo platform,
    recorded in the demo audit log as theirs, and lead1 re-queues each of them blind to the demo's user. Returns how
    many were re-queued."""
    session = demo.session
    user = session.user
    colleague = UserId(next(name for name in ("mod2", "mod1") if name != user.user_id))
    client = make_client(demo.server.url, secrets=MemorySecretStore())
    client.login(colleague, DEMO_PASSWORD)
    pack = session.pack
    try:
        for item in client.claim(count=count).items:
            cited = next((c for reason in item.report_reasons for c in pack.categories_for_reason(reason)), None)
            removable = cited is not None and DecisionKind.REMOVE in pack.category(cited).decision_kinds
            decision = Decision(
                item.post_id, DecisionKind.REMOVE if removable else DecisionKind.NO_VIOLATION,
                (cited,) if removable and cited else (), "", colleague, datetime.now(UTC), str(uuid.uuid4()))
            client.submit_decision(decision)
            session.audit.append(decision_recorded_event(
                decision, User(colleague, colleague, frozenset({Role.MODERATOR})), workstation="demo-colleague"))
    finally:
        client.logout()
    lead = User(UserId("lead1"), "lead1", frozenset({Role.LEAD}))
    return sample_for_review(session.audit, lead, 1.0, workstation="demo-lead", moderators=(user.user_id,))
