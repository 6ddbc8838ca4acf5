"""Open a real workstation session: log in to the platform, open the audit log, build the suggestion engine."""

from __future__ import annotations

import socket

from moderator_app import paths
from moderator_app.platform_api import MemorySecretStore
from moderator_app.services.audit_service import open_audit_log
from moderator_app.services.outbox import journal_path
from moderator_app.services.outbox_journal import OutboxJournal
from moderator_app.services.platform import make_client
from moderator_app.services.policy import load_policy
from moderator_app.services.suggestion_service import SuggestionService, default_model_path
from moderator_app.services.workstation import WorkstationParts, WorkstationSession
from moderator_app.settings import Settings


def open_session(settings: Settings, url: str, username: str, password: str, *, remember: bool) -> WorkstationSession:
    """Blocking (network and database): the GUI calls it on its network lane."""
    client = make_client(url, ca_bundle=settings.ca_bundle)
    if not remember:
        client.secrets = MemorySecretStore()  # "remember me" off: the token never reaches the keyring
    auth = client.login(username, password)
    pack = load_policy(settings.policy_pack)
    audit = open_audit_log(settings.database_url, workstation=socket.gethostname(), platform=client)
    suggestions = SuggestionService.build(pack, model_path=default_model_path())
    parts = WorkstationParts(client, auth, audit, suggestions, pack, socket.gethostname(),
                             OutboxJournal(journal_path()), claim_batch=settings.claim_batch_size)
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    return WorkstationSession(parts)
