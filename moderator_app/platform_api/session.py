"""One requests.Session: pooled connections, timeouts, TLS verification, retries for idempotent requests."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from typing import Any

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from moderator_app.platform_api import deadline

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True, slots=True)
class HttpOptions:
    connect_timeout: float = 3.05
    read_timeout: float = 20.0
    retries: int = 3
    backoff_factor: float = 0.3
    retry_after_cap: float = 30.0  # a server asking for an hour's pause must not freeze a moderator's screen
    ca_bundle: str | None = None  # a CA file trusted besides the system's store (private CA); verification stays on
    max_body_bytes: int = 16 * 1024 * 1024  # streamed and cut off beyond: parsing costs a multiple of it
    deadline: float = 30.0  # one request, all its attempts and pauses included (per-read timeouts never add up)

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)


class CappedRetry(Retry):
    """urllib3's Retry honours Retry-After however long it is; this one waits at most ``retry_after_cap``."""

    def __init__(self, *args: Any, retry_after_cap: float = 30.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after_cap = retry_after_cap

    def new(self, **kw: Any) -> CappedRetry:
        kw.setdefault("retry_after_cap", self.retry_after_cap)
        return super().new(**kw)

    def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
        value = super().get_retry_after(response)
        return None if value is None else min(value, self.retry_after_cap, _time_left())

    def get_backoff_time(self) -> float:
        return min(super().get_backoff_time(), _time_left())


def _time_left() -> float:
    """A pause between attempts never outlasts the request's deadline."""
    watching = deadline.current()
    return float("inf") if watching is None else watching.remaining()


class SystemTrustAdapter(HTTPAdapter):
    """Verifies certificates against the operating system's trust store (truststore: the Windows and macOS
    stores, the distribution's CA file on Linux) instead of the copy of public CAs bundled with requests, so a
    company CA the administrator installed is trusted. A configured CA bundle is loaded on top by requests."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        super().init_poolmanager(*args, **kwargs)


def make_session(options: HttpOptions) -> requests.Session:
    retry = CappedRetry(
        total=options.retries,
        connect=options.retries,
        read=options.retries,
        status=options.retries,
        other=0,
        allowed_methods=IDEMPOTENT_METHODS,  # POSTs are retried by their owners (login, the outbox), not here
        status_forcelist=(429, 500, 502, 503, 504),
        backoff_factor=options.backoff_factor,
        respect_retry_after_header=True,
        raise_on_status=False,  # hand back the last answer, so its problem+json reaches the user
        retry_after_cap=options.retry_after_cap,
    )
    session = requests.Session()
    adapter = SystemTrustAdapter(max_retries=retry, pool_connections=4, pool_maxsize=8)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.verify = options.ca_bundle or True
    session.headers["Accept"] = "application/json, application/problem+json"
    return session
