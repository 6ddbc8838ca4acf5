"""The platform connection for the CLI and the GUI: a configured client and the reference server for demos."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from moderator_app.core.errors import UsageError
from moderator_app.core.ports import SecretStore
from moderator_app.platform_api import HttpOptions, PlatformClient
from moderator_app.platform_signature import PlatformSigner

if TYPE_CHECKING:
    from moderator_app.demo_platform import RunningServer


def make_client(
    base_url: str,
    *,
    ca_bundle: str | None = None,
    retry_after_cap: float = 30.0,
    retries: int = 3,
    credentials: Callable[[], tuple[str, str]] | None = None,
    secrets: SecretStore | None = None,
) -> PlatformClient:
    """A client whose token goes where ``services.secrets`` says (the keyring, else memory), unless ``secrets``."""
    from moderator_app.services.secrets import token_store

    if not base_url.startswith(("http://", "https://")):
        raise UsageError(f"the platform address must start with https:// (or http:// for loopback), not {base_url!r}")
    if ca_bundle and not os.path.exists(ca_bundle):
        raise UsageError(f"the CA bundle {ca_bundle} does not exist "
                         "(settings ca_bundle, MODAPP_CA_BUNDLE, --ca-bundle)")
    options = HttpOptions(ca_bundle=ca_bundle, retry_after_cap=retry_after_cap, retries=retries)
    return PlatformClient(base_url, options=options, credentials=credentials,
                          secrets=secrets if secrets is not None else token_store())


def platform_signer(key_file: Path | None) -> PlatformSigner:
    """The reference platform's signing key: from ``key_file`` (created if missing), else a new one."""
    if key_file is None:
        return PlatformSigner.generate()
    try:
        return PlatformSigner.from_file(key_file)
    except (OSError, ValueError) as exc:
        raise UsageError(f"--key-file {key_file}: {exc}") from None


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
