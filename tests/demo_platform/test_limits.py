"""The reference platform bounds what one client can take: a 300 MB unauthenticated body (it took the server to
1.23 GB) is refused with 413 problem+json, declared or streamed; one moderator holds at most a fair share of the
queue (one claimed 2,386 posts, leaving the other none)."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from moderator_app.demo_platform.limits import MAX_BODY_BYTES
from moderator_app.demo_platform.store import MAX_HELD
from tests.demo_platform.test_server import Api, assert_problem

HUGE = 300 * 1024 * 1024


def raw_post(url: str, head: bytes, chunks: int = 0) -> tuple[bytes, int]:
    """Send ``head`` then up to ``chunks`` chunks of 64 KiB (chunked encoding) while nothing is answered; the answer
    and how many body bytes went out before it came."""
    parts = urlsplit(url)
    sent = 0
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(head)
        connection.setblocking(False)
        chunk = b"10000\r\n" + b"a" * 0x10000 + b"\r\n"
        answer = b""
        for _ in range(chunks):
            try:
                answer = connection.recv(65536)
                break
            except BlockingIOError:
                pass
            try:
                connection.sendall(chunk)
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                break
            sent += 0x10000
        connection.settimeout(10)
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            more = connection.recv(65536)
            if not more:
                break
            answer += more
    return answer, sent


def status_and_problem(answer: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"content-type: application/problem+json" in head.lower(), head
    return int(head.split()[1]), json.loads(body[body.index(b"{"):])


def test_a_declared_300_mb_body_is_refused_before_it_is_read(platform_server: Callable[..., Any]) -> None:
    url = platform_server(posts=10).url
    answer, _ = raw_post(url, b"POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              b"Content-Length: %d\r\n\r\n" % HUGE)
    status, problem = status_and_problem(answer)
    assert status == 413 and problem["type"].endswith("/body-too-large") and problem["title"] == "Content too large"


def test_a_streamed_300_mb_body_is_cut_off_at_the_limit(platform_server: Callable[..., Any]) -> None:
    url = platform_server(posts=10).url
    answer, sent = raw_post(url, b"POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                 b"Transfer-Encoding: chunked\r\n\r\n", chunks=HUGE // 0x10000)
    status, problem = status_and_problem(answer)
    assert status == 413 and problem["detail"] == f"The request body is larger than {MAX_BODY_BYTES:,} bytes"
    print(f"streamed body: answered 413 after {sent / 1e6:.1f} MB sent (limit {MAX_BODY_BYTES / 1e6:.1f} MB)")
    assert sent < 64 * 1024 * 1024  # the limit plus what socket buffers held, not 300 MB


def test_one_moderator_holds_a_fair_share_and_leaves_the_rest(platform_server: Callable[..., Any]) -> None:
    url = platform_server(posts=2400).url
    mod1, mod2 = Api(url, "mod1"), Api(url, "mod2")
    held = 0
    for _ in range(MAX_HELD // 100):
        answer = mod1.post("/v1/claims", {"count": 100})
        assert answer.status_code == 201, answer.text
        held += len(answer.json()["post_ids"])
    assert held == MAX_HELD
    refused = assert_problem(mod1.post("/v1/claims", {"count": 100}), 409, "holding-limit")
    assert refused["reason"] == "holding_limit" and f"at most {MAX_HELD} at once" in refused["detail"]
    first = mod2.get("/v1/queue", limit=200).json()
    page = mod2.get("/v1/queue", limit=200, cursor=first["next_cursor"]).json()["items"]  # past mod1's 200
    unclaimed = [item["post"]["post_id"] for item in page if item["claimed_by"] is None][:5]
    assert len(unclaimed) == 5
    assert_problem(mod1.post("/v1/claims", {"post_ids": unclaimed}), 409, "holding-limit")
    assert mod2.post("/v1/claims", {"count": 100}).status_code == 201  # the other moderator still gets work
