"""A platform that tries to lead the client astray, on loopback: redirects elsewhere (with the password or a decision
in the body), drips one byte at a time, never answers, or answers 50 MB. Each ends with one error line, within the
request's deadline and with bounded memory, and nothing reaches the other host."""

from __future__ import annotations

import re
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from moderator_app.core.decisions import Decision, DecisionKind
from moderator_app.core.errors import PlatformUnavailable, ProtocolError
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.platform_api import HttpOptions, PlatformClient

Behaviour = Callable[[socket.socket], None]


class RawServer:
    """Accepts connections on 127.0.0.1 and hands each to ``behaviour`` (raw bytes, no HTTP library)."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.connections = 0
        self.received = b""
        self._stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(30)
            try:
                self.received += connection.recv(65536)
                self.behaviour(connection)
            except OSError:
                pass

    def close(self) -> None:
        self._stop.set()
        self.listener.close()


@pytest.fixture
def servers() -> Iterator[Callable[[Behaviour], RawServer]]:
    started: list[RawServer] = []

    def start(behaviour: Behaviour) -> RawServer:
        started.append(RawServer(behaviour))
        return started[-1]

    yield start
    for server in started:
        server.close()


def redirect(to: str, status: int = 307) -> Behaviour:
    def answer(connection: socket.socket) -> None:
        connection.sendall(f"HTTP/1.1 {status} Moved\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n".encode())
    return answer


def drip(connection: socket.socket, *, headers_first: bool = True) -> None:
    if headers_first:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
    for byte in b'{"items": [' * 10000 if headers_first else b"HTTP/1.1 200 OK\r\n" * 1000:
        connection.sendall(bytes([byte]))
        time.sleep(0.4)


def never_answer(connection: socket.socket) -> None:
    connection.recv(1)  # blocks until the client goes away


def huge(connection: socket.socket) -> None:
    size = 50 * 1024 * 1024
    connection.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {size}\r\n\r\n"
                       .encode())
    block = b"[]," * (1024 * 1024 // 3)
    sent = 0
    while sent < size:
        connection.sendall(block[: size - sent])
        sent += len(block)


def client(url: str, **options: float) -> PlatformClient:
    api = PlatformClient(url, options=HttpOptions(retries=3, backoff_factor=0.01, **options))  # type: ignore[arg-type]
    api._token = "secret-token"  # as after a login: every request carries it
    return api


DECISION = Decision(post_id=PostId("1"), kind=DecisionKind.REMOVE, categories=(CategoryId("10.7"),), note="n",
                    moderator=UserId("mod1"), client_time=datetime(2026, 12, 1, tzinfo=UTC), idempotency_key="k-1")


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_are_never_followed_with_the_password_or_a_decision(servers: Callable[[Behaviour], RawServer],
                                                                      status: int) -> None:
    elsewhere = servers(redirect("http://127.0.0.1:9/"))
    platform = servers(redirect(elsewhere.url + "/v1/auth/login", status))
    api = client(platform.url)
    with pytest.raises(ProtocolError, match=f"answered {status} redirecting to .*; redirects are not followed"):
        api.login("mod1", "hunter2")
    with pytest.raises(ProtocolError, match="redirects are not followed"):
        api.submit_decision(DECISION)
    with pytest.raises(ProtocolError, match="redirects are not followed"):
        api.queue_page()
    assert elsewhere.connections == 0
    assert platform.received.startswith(b"POST /v1/auth/login")  # asked the platform itself, and no one else


def test_a_redirect_loop_and_a_redirect_to_plain_http_end_in_one_line(servers: Callable[[Behaviour], RawServer]
                                                                      ) -> None:
    loop = servers(lambda c: redirect(loop.url + "/v1/queue", 302)(c))
    with pytest.raises(ProtocolError) as caught:
        client(loop.url).queue_page()
    assert "\n" not in str(caught.value)
    assert loop.connections == 1
    downgrade = servers(redirect("http://evil.example/v1/auth/login", 307))
    with pytest.raises(ProtocolError, match=re.escape("'http://evil.example/v1/auth/login'")):
        client(downgrade.url).login("mod1", "hunter2")


@pytest.mark.parametrize("behaviour", [drip, lambda c: drip(c, headers_first=False), never_answer],
                         ids=["drip-body", "drip-headers", "never-answers"])
def test_one_deadline_per_request_whatever_the_server_does(servers: Callable[[Behaviour], RawServer],
                                                          behaviour: Behaviour) -> None:
    """Per-read timeouts (20 s here) never fire against a server sending a byte every 0.4 s; the deadline does,
    retries and the login's own attempts included."""
    api = client(servers(behaviour).url, deadline=1.0)
    for call in (api.queue_page, lambda: api.login("mod1", "pw"), lambda: api.submit_decision(DECISION)):
        started = time.monotonic()
        with pytest.raises(PlatformUnavailable, match="did not answer within 1 s") as caught:
            call()
        elapsed = time.monotonic() - started
        print(f"deadline 1 s: gave up after {elapsed:.2f} s")
        assert elapsed < 1.0 + 3.0, elapsed  # the deadline plus scheduling slack on a busy machine, not 20 s+
        assert "\n" not in str(caught.value)


def test_a_50_mb_answer_is_cut_off_with_bounded_memory(servers: Callable[[Behaviour], RawServer]) -> None:
    api = client(servers(huge).url)
    tracemalloc.start()
    try:
        with pytest.raises(ProtocolError, match="the answer is larger than 16 MB"):
            api.queue_page()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"50 MB answer: peak {peak / 1e6:.1f} MB traced")
    assert peak < 40 * 1024 * 1024  # the 16 MB cap and one copy, not the answer parsed (1.37 GB before)


def test_deeply_nested_answer_is_one_line(servers: Callable[[Behaviour], RawServer]) -> None:
    body = b"[" * 200_000 + b"]" * 200_000

    def nested(connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                           + str(len(body)).encode() + b"\r\n\r\n" + body)
    with pytest.raises(ProtocolError, match="nested too deeply"):
        client(servers(nested).url).queue_page()
