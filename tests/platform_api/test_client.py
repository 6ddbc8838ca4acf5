"""PlatformClient against the real reference server on loopback: core models out, core errors for failures."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from moderator_app.core.decisions import Decision, DecisionKind, PlatformDecision
from moderator_app.core.errors import (
    AuthenticationRequired,
    Conflict,
    InvalidRequest,
    LeaseError,
    NotFound,
    PermissionDenied,
    PlatformUnavailable,
    RateLimited,
)
from moderator_app.core.models import CategoryId, PostId, QueueItem, Role, UserId
from moderator_app.core.ports import PlatformGateway
from moderator_app.platform_api import HttpOptions, PlatformClient
from moderator_app.platform_api.session import make_session
from moderator_app.services.secrets import KeyringSecretStore

FAST = HttpOptions(backoff_factor=0.001, retry_after_cap=0.01, retries=12)


def decision(post_id: str, key: str, *, user: str = "lead1", kind: DecisionKind = DecisionKind.REMOVE,
             categories: tuple[str, ...] = ("10.7",)) -> Decision:
    return Decision(PostId(post_id), kind, tuple(CategoryId(c) for c in categories), "note", UserId(user),
                    datetime.now(UTC), key)


@pytest.fixture
def url(platform_server: Callable[..., Any]) -> str:
    return str(platform_server().url)


def client(url: str, user: str | None = "lead1", **kwargs: Any) -> PlatformClient:
    made = PlatformClient(url, options=kwargs.pop("options", FAST), secrets=kwargs.pop("secrets", None) or
                          KeyringSecretStore(), **kwargs)
    if user:
        made.login(user, "demo")
    return made


def test_login_and_queue_map_to_core_models(url: str, memory_keyring: Any) -> None:
    api = PlatformClient(url, secrets=KeyringSecretStore())
    gateway: PlatformGateway = api  # the port the services type against
    session = gateway.login("mod1", "demo")
    assert session.user.user_id == "mod1" and session.user.roles == {Role.MODERATOR}
    assert session.expires_at.tzinfo is not None
    assert list(memory_keyring.secrets.values()) == [api._token]  # the token lives in the keyring only
    page = gateway.queue_page(limit=10)
    assert len(page.items) == 10 and isinstance(page.items[0], QueueItem) and page.next_cursor
    assert page.items[0].post.author.real_name is None
    second = gateway.queue_page(limit=10, cursor=page.next_cursor)
    assert not {i.post_id for i in page.items} & {i.post_id for i in second.items}
    detail = gateway.post_detail(page.items[0].post_id)
    assert detail.item.post.text == page.items[0].post.text and detail.decision is None
    history = gateway.author_history(page.items[0].post.author.author_id)
    assert history.post_count >= 1
    gateway.logout()
    assert memory_keyring.secrets == {}
    with pytest.raises(AuthenticationRequired):
        gateway.queue_page()


def test_without_a_keyring_the_token_stays_in_memory_and_the_user_is_told(url: str, no_keyring: None) -> None:
    secrets = KeyringSecretStore()
    api = client(url, "mod1", secrets=secrets)
    assert not secrets.persistent and secrets.notice and "memory only" in secrets.notice
    assert api.queue_page(limit=1).items


def test_a_resumed_token_from_the_keyring_works(url: str, memory_keyring: Any) -> None:
    client(url, "mod1")
    fresh = PlatformClient(url, options=FAST, secrets=KeyringSecretStore())
    assert fresh.resume("mod1") and fresh.queue_page(limit=1).items
    assert not PlatformClient(url, secrets=KeyringSecretStore()).resume("mod2")
    assert not PlatformClient(url).resume("mod1"), "a client given no store keeps its token in memory only"


def test_claims_and_decisions(url: str) -> None:
    mod1, mod2, lead = client(url, "mod1"), client(url, "mod2"), client(url, "lead1")
    claim = mod1.claim(count=3)
    assert len(claim.items) == 3 and claim.lease.post_ids == tuple(i.post_id for i in claim.items)
    assert mod1.renew_claim(claim.lease.lease_id).expires_at >= claim.lease.expires_at
    with pytest.raises(LeaseError, match="claimed by mod1"):
        mod2.submit_decision(decision(claim.lease.post_ids[0], "k-mod2-000", user="mod2"))
    mine = decision(claim.lease.post_ids[0], "k-mod1-000", user="mod1")
    ack = mod1.submit_decision(mine)
    assert isinstance(ack, PlatformDecision) and ack.decided_by == "mod1" and ack.kind is DecisionKind.REMOVE
    assert mod1.submit_decision(mine) == ack  # a replay of the same key returns the original
    with pytest.raises(Conflict) as conflict:
        lead.submit_decision(decision(claim.lease.post_ids[0], "k-lead-000", kind=DecisionKind.NO_VIOLATION,
                                      categories=()))
    assert conflict.value.existing == ack and "already decided by mod1" in str(conflict.value)
    mod1.release_claim(claim.lease.lease_id)
    assert lead.decisions(since=0).items == (ack,)


def test_errors_are_mapped_to_the_core_tree(url: str) -> None:
    mod1, lead = client(url, "mod1"), client(url, "lead1")
    with pytest.raises(PermissionDenied, match="lead role"):
        mod1.decisions()
    with pytest.raises(NotFound):
        lead.post_detail(PostId("123"))
    with pytest.raises(InvalidRequest, match="must cite"):
        lead.submit_decision(decision(lead.queue_page(limit=1).items[0].post_id, "k-bad-0001", categories=()))
    with pytest.raises(AuthenticationRequired, match="refused the user name or password of mod1"):
        PlatformClient(url, options=FAST).login("mod1", "wrong")
    with pytest.raises(PlatformUnavailable, match="Cannot reach the platform"):
        PlatformClient("http://127.0.0.1:9", options=HttpOptions(retries=1, backoff_factor=0.001)).login("mod1", "demo")


def test_an_expired_token_is_renewed_with_the_credentials(platform_server: Callable[..., Any],
                                                          fake_clock: Any) -> None:
    server = platform_server(clock=fake_clock, token_seconds=60)
    api = client(server.url, "mod1", credentials=lambda: ("mod1", "demo"))
    fake_clock.advance(120)
    assert api.queue_page(limit=1).items  # 401, logged in again, retried
    without = client(server.url, "mod2")
    fake_clock.advance(120)
    with pytest.raises(AuthenticationRequired, match="log in again"):
        without.queue_page(limit=1)


def test_retry_after_is_honoured_but_capped(platform_server: Callable[..., Any]) -> None:
    url = platform_server(posts=5, faults="429=1,retry_after=3600").url
    api = PlatformClient(url, options=HttpOptions(retries=2, backoff_factor=0.001, retry_after_cap=0.05))
    api._token = "whatever"  # the fault answers before authentication
    started = time.monotonic()
    with pytest.raises(RateLimited) as limited:
        api.queue_page()
    assert time.monotonic() - started < 5  # not an hour
    assert limited.value.retry_after == pytest.approx(0.05)


def test_idempotent_reads_ride_out_injected_faults(platform_server: Callable[..., Any]) -> None:
    url = platform_server(faults="error=0.3,drop=0.1,429=0.05", fault_seed=3).url
    api = client(url, "lead1")
    cursor, seen = None, 0
    for _ in range(30):
        page = api.queue_page(limit=20, cursor=cursor)
        seen += len(page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == 300


def test_tls_verification_stays_on_and_takes_a_ca_bundle() -> None:
    assert make_session(HttpOptions()).verify is True
    assert make_session(HttpOptions(ca_bundle="/etc/team-ca.pem")).verify == "/etc/team-ca.pem"
