"""The platform connection for the CLI and the GUI: a configured client and the reference server for demos."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from moderator_app.core.audit import Checkpoint, Witness
from moderator_app.core.errors import PlatformError, UsageError
from moderator_app.platform_api import HttpOptions, PlatformClient

if TYPE_CHECKING:
    from moderator_app.demo_platform import RunningServer


def make_client(
    base_url: str,
    *,
    ca_bundle: str | None = None,
    retry_after_cap: float = 30.0,
    retries: int = 3,
    credentials: Callable[[], tuple[str, str]] | None = None,
) -> PlatformClient:
    if not base_url.startswith(("http://", "https://")):
        raise UsageError(f"the platform address must start with https:// (or http:// for loopback), not {base_url!r}")
    if ca_bundle and not os.path.exists(ca_bundle):
        raise UsageError(f"the CA bundle {ca_bundle} does not exist "
                         "(settings ca_bundle, MODAPP_CA_BUNDLE, --ca-bundle)")
    options = HttpOptions(ca_bundle=ca_bundle, retry_after_cap=retry_after_cap, retries=retries)
    return PlatformClient(base_url, options=options, credentials=credentials)


def platform_witness(client: PlatformClient) -> Witness:
    """Send each signed checkpoint to the platform's ``POST /v1/audit-witness``; its receipt is kept with the
    checkpoint. A platform that does not offer it (or is down) leaves the checkpoint unwitnessed, never blocks."""

    def send(checkpoint: Checkpoint) -> str | None:
        try:
            receipt = client.witness(log_id=checkpoint.log_id, seq=checkpoint.seq, head_hash=checkpoint.chain_hash,
                                     signature=checkpoint.signature)
        except PlatformError:
            return None
        return json.dumps({"receipt_id": receipt.receipt_id, "received_at": receipt.received_at.isoformat(),
                           "signature": receipt.signature}, sort_keys=True)

    return send


def start_demo_platform(host: str = "127.0.0.1", port: int = 0, **options: Any) -> RunningServer:
    """The reference platform in a background thread (GUI --demo, tests); ``.url`` and ``.stop()``."""
    from moderator_app.demo_platform import start_in_thread

    return start_in_thread(host, port, **options)


def check_faults(faults: str) -> None:
    """Raise UsageError naming what is wrong with a ``--faults`` spec."""
    from moderator_app.demo_platform.faults import FaultSpec, FaultSpecError

    try:
        FaultSpec.parse(faults)
    except FaultSpecError as exc:
        raise UsageError(f"--faults: {exc}") from None


def serve_demo_platform(host: str, port: int, *, faults: str = "", on_ready: Callable[[str], None] | None = None,
                        **options: Any) -> None:
    """The reference platform in the foreground until Ctrl+C; ``on_ready(url)`` once it listens.

    A bad ``faults`` spec or an address that cannot be used is a UsageError.
    """
    from moderator_app.demo_platform.runner import serve_forever

    check_faults(faults)
    try:
        serve_forever(host, port, faults=faults, on_ready=on_ready, **options)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    except sqlite3.Error as exc:
        raise UsageError(f"--db {options.get('db')}: not a usable platform database ({exc})") from None


def platform_contract_yaml() -> str:
    """The OpenAPI contract the reference server serves (resources/platform-api.yaml is a copy of it)."""
    from moderator_app.demo_platform.openapi import openapi_yaml

    return openapi_yaml()
