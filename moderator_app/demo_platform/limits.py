"""Request body limit of the reference platform: a body over ``MAX_BODY_BYTES`` is refused with 413 problem+json
before it is read (Content-Length) or as soon as it has grown past the limit (chunked), so an unauthenticated
client cannot make the server hold hundreds of megabytes (a 300 MB login body took it to 1.23 GB)."""

from __future__ import annotations

import json
from typing import Any

from moderator_app.demo_platform.problems import PROBLEM_MEDIA_TYPE, Problem, problem_body

MAX_BODY_BYTES = 1024 * 1024  # the largest real body (a decision with two 4,000-character texts) is ~30 KB

Scope = dict[str, Any]
Message = dict[str, Any]


def too_large(limit: int) -> Problem:
    return Problem(413, "body-too-large", f"The request body is larger than {limit:,} bytes")


class BodyLimit:
    """Pure ASGI middleware (no buffering of its own)."""

    def __init__(self, app: Any, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _refuse(send, too_large(self.max_bytes))
            return
        # Read the body here, up to the limit (the API's bodies are small), and hand it on in one message: a
        # streamed body is cut off as soon as it grows past the limit, and nothing downstream can turn the refusal
        # into another error.
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await _refuse(send, too_large(self.max_bytes))
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay([{"type": "http.request", "body": bytes(body), "more_body": False}], receive),
                       send)


def _replay(messages: list[Message], then: Any = None) -> Any:
    async def receive() -> Message:
        if messages:
            return messages.pop(0)
        if then is not None:
            message: Message = await then()  # after the body: disconnect notices
            return message
        return {"type": "http.disconnect"}
    return receive


async def _refuse(send: Any, problem: Problem) -> None:
    body = json.dumps(problem_body(problem.status, problem.slug, problem.detail)).encode()
    await send({"type": "http.response.start", "status": problem.status,
                "headers": [(b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
