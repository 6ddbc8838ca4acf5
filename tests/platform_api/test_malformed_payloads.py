"""A platform that breaks the contract: each malformed answer is a ProtocolError naming where, never a crash.

The misbehaving platform is a real HTTP server on loopback (stdlib), answering canned bytes.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from moderator_app.core.errors import ProtocolError
from moderator_app.platform_api import HttpOptions, PlatformClient

LOGIN = {"access_token": "t", "token_type": "bearer", "expires_at": "2026-12-01T00:00:00Z",
         "user": {"id": "mod1", "display_name": "m", "roles": ["moderator"]}}


def queue_item(post_id: str = "1001") -> dict[str, Any]:
    return {
        "post": {"post_id": post_id, "author": {"author_id": "u1", "display_name": "a", "real_name": None},
                 "text": "你好", "published_at": "2026-11-30T08:00:00Z", "url": "", "repost_count": 3,
                 "media": [{"media_id": "m1", "kind": "image", "description": "", "url": None}]},
        "reports": [{"reporter_id": "r1", "reason": "spam", "text": "", "reported_at": "2026-11-30T08:01:00Z"}],
        "flagged_at": "2026-11-30T08:00:30Z", "source": "user_report", "priority": 3, "category_hint": None,
        "claimed_by": None, "lease_expires_at": None,
    }


class Canned:
    body: bytes = b"{}"
    content_type: str = "application/json"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = json.dumps(LOGIN).encode() if self.path.startswith("/v1/auth/login") else Canned.body
        self.send_response(200)
        self.send_header("Content-Type", Canned.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer


@pytest.fixture(scope="module")
def rogue_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def queue_answer(rogue_url: str, body: bytes, *, max_body_bytes: int = 64 * 1024 * 1024) -> Any:
    Canned.body = body
    api = PlatformClient(rogue_url, options=HttpOptions(retries=0, max_body_bytes=max_body_bytes))
    api.login("mod1", "demo")
    return api.queue_page()


def page(*items: dict[str, Any]) -> bytes:
    return json.dumps({"items": list(items), "next_cursor": None}, ensure_ascii=False).encode()


def test_a_well_formed_answer_parses(rogue_url: str) -> None:
    result = queue_answer(rogue_url, page(queue_item()))
    assert result.items[0].post.text == "你好" and result.items[0].post.media[0].media_id == "m1"


@pytest.mark.parametrize(
    ("mutate", "path", "words"),
    [
        (lambda i: i["post"]["author"].pop("author_id"), "items[3].post.author.author_id", "missing"),
        (lambda i: i["post"].update(post_id=7531996225420194870), "items[3].post.post_id", "expected a string"),
        (lambda i: i["post"].update(repost_count="many"), "items[3].post.repost_count", "expected an integer"),
        (lambda i: i["post"].update(repost_count=True), "items[3].post.repost_count", "expected an integer"),
        (lambda i: i.update(flagged_at="yesterday"), "items[3].flagged_at", "not an RFC 3339 time"),
        (lambda i: i.update(flagged_at="2026-11-30T08:00:00"), "items[3].flagged_at", "without a UTC offset"),
        (lambda i: i.update(source="psychic"), "items[3].source", "unknown value 'psychic'"),
        (lambda i: i.update(reports={"a": 1}), "items[3].reports", "expected an array"),
        (lambda i: i["reports"][0].pop("reason"), "items[3].reports[0].reason", "missing"),
        (lambda i: i.update(post=None), "items[3].post", "expected an object"),
        (lambda i: i["post"].update(text="x" * 5_000_000), "items[3].post.text", "exceeds the limit"),
        (lambda i: i["post"]["author"].update(display_name="名" * 20_000), "items[3].post.author.display_name",
         "exceeds the limit"),
    ],
)
def test_malformed_fields_name_their_path(rogue_url: str, mutate: Any, path: str, words: str) -> None:
    items = [queue_item(str(n)) for n in range(5)]
    mutate(items[3])
    with pytest.raises(ProtocolError) as error:
        queue_answer(rogue_url, page(*items))
    assert error.value.path == path and words in str(error.value) and str(error.value).startswith(path)


def test_not_utf8_not_json_and_not_an_object(rogue_url: str) -> None:
    with pytest.raises(ProtocolError, match=r"not valid UTF-8 \(byte 12\)"):
        queue_answer(rogue_url, b'{"items": ["\xff\xfe"], "next_cursor": null}')
    with pytest.raises(ProtocolError, match="not JSON"):
        queue_answer(rogue_url, b"<html>502 Bad Gateway</html>")
    with pytest.raises(ProtocolError, match=r"^\(body\): expected an object, got array"):
        queue_answer(rogue_url, b"[]")
    with pytest.raises(ProtocolError, match=r"^items: missing"):
        queue_answer(rogue_url, b"{}")


def test_an_oversized_answer_is_refused(rogue_url: str) -> None:
    with pytest.raises(ProtocolError, match="larger than 1 MB"):
        queue_answer(rogue_url, page(*[queue_item(str(n)) for n in range(3000)]), max_body_bytes=1024 * 1024)


def test_a_1_mb_post_and_lone_surrogates_are_displayable(rogue_url: str) -> None:
    big = queue_item()
    big["post"]["text"] = "长" * 1_000_000
    assert len(queue_answer(rogue_url, page(big)).items[0].post.text) == 1_000_000
    broken = page(queue_item()).replace("你好".encode(), b"ok \\ud800 end")
    text = queue_answer(rogue_url, broken).items[0].post.text
    assert text == "ok \ufffd end" and text.encode("utf-8")
