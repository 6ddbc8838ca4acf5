"""The platform's signing key and its audit witness, on the real reference server: receipts verify with the
published key, the witness is monotonic (a fork or a lower seq is a 409 problem), leads list the receipts, and the
workstation pins the key on first use and refuses another one later."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from moderator_app.core.errors import Conflict, PermissionDenied
from moderator_app.platform_signature import PlatformSigner, verify_platform_signature
from moderator_app.services.platform import make_client
from moderator_app.services.platform_key import (
    PlatformKeyChanged,
    check_platform_key,
    configured_platform_key,
    pinned_platform_key,
)
from tests.demo_platform.test_server import Api, assert_problem

HASH_A, HASH_B = "ab" * 32, "cd" * 32


def test_receipts_verify_with_the_published_key_and_the_witness_is_monotonic(
        platform_server: Callable[..., Any]) -> None:
    url = platform_server(posts=5).url
    api = Api(url, "mod1")
    key = api.get("/v1/platform-key").json()
    public = base64.b64decode(key["public_key"])
    receipt = api.post("/v1/audit-witness", {"log_id": "log-1", "seq": 50, "chain_hash": HASH_A})
    assert receipt.status_code == 201
    body = receipt.json()
    signature = body.pop("signature")
    assert body["key_id"] == key["key_id"] and verify_platform_signature(public, body, signature)
    assert not verify_platform_signature(public, {**body, "seq": 51}, signature)

    again = api.post("/v1/audit-witness", {"log_id": "log-1", "seq": 50, "chain_hash": HASH_A}).json()
    assert again["signature"] == signature  # the same head again: the stored receipt
    fork = assert_problem(api.post("/v1/audit-witness", {"log_id": "log-1", "seq": 50, "chain_hash": HASH_B}),
                          409, "witness-fork")
    assert "forked" in fork["detail"] and fork["witnessed"]["chain_hash"] == HASH_A
    assert_problem(api.post("/v1/audit-witness", {"log_id": "log-1", "seq": 49, "chain_hash": HASH_B}),
                   409, "witness-stale")
    assert api.post("/v1/audit-witness", {"log_id": "log-1", "seq": 100, "chain_hash": HASH_B}).status_code == 201

    assert_problem(api.get("/v1/audit-witness", log_id="log-1"), 403, "forbidden")  # leads only
    listed = Api(url, "lead1").get("/v1/audit-witness", log_id="log-1").json()
    assert [r["seq"] for r in listed["items"]] == [50, 100] and listed["next_since"] == 100


def test_client_fetches_and_lists_receipts(platform_server: Callable[..., Any]) -> None:
    server = platform_server(posts=5)
    moderator, lead = make_client(server.url), make_client(server.url)
    moderator.login("mod1", "demo")
    lead.login("lead1", "demo")
    key = moderator.platform_key()
    receipt = moderator.witness(log_id="log-2", seq=3, chain_hash=HASH_A)
    assert verify_platform_signature(key.public_key, receipt.signed(), receipt.signature)
    with pytest.raises(Conflict):
        moderator.witness(log_id="log-2", seq=3, chain_hash=HASH_B)
    with pytest.raises(PermissionDenied):
        moderator.witness_receipts("log-2")
    assert lead.witness_receipts("log-2") == [receipt]


def test_key_is_pinned_on_first_use_and_another_key_is_refused(
        platform_server: Callable[..., Any], tmp_path: Path) -> None:
    key_file = tmp_path / "platform.key"
    first = platform_server(posts=5, signer=PlatformSigner.from_file(key_file))
    assert key_file.stat().st_mode & 0o777 == 0o600
    folder = tmp_path / "config"
    pinned = pinned_platform_key(make_client(first.url), folder)
    assert pinned.key_id == first.store.signer.key_id and (folder / "platform-keys.json").exists()
    assert check_platform_key(make_client(first.url), folder) == pinned
    url = first.url
    first.stop()
    host, port = url.rsplit(":", 1)
    # The same address, restarted with a new key (the default: one per start): the pin refuses it.
    impostor = platform_server(posts=5, host=host.removeprefix("http://"), port=int(port))
    with pytest.raises(PlatformKeyChanged, match="remove that entry"):
        check_platform_key(make_client(impostor.url), folder)
    # The key file keeps the key across restarts.
    assert PlatformSigner.from_file(key_file).key_id == pinned.key_id
    # A reviewer passes the key out of band, as base64 or a file.
    text = base64.b64encode(pinned.public_key).decode()
    assert configured_platform_key(text) == pinned
    (tmp_path / "k.txt").write_text(text + "\n")
    assert configured_platform_key(str(tmp_path / "k.txt")) == pinned
