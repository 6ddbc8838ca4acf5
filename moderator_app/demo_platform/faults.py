"""Fault injection for reliability tests: ``--faults "error=0.2,drop=0.05,latency=50-400ms,429=0.05"``.

An ASGI middleware in front of the API (``/v1/...``). ``error`` answers 500/502/503 without running the request;
``429`` answers Too Many Requests; both carry ``Retry-After`` (``retry_after=`` seconds, default 1). ``drop``
closes the connection mid-answer: half of the time before the request runs, half of the time *after* it ran
(the platform applied it but the client never hears) — the case idempotency keys exist for.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from moderator_app.demo_platform.problems import PROBLEM_MEDIA_TYPE, problem_body

_LATENCY = re.compile(r"^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?(ms|s)?$")


class FaultSpecError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class FaultSpec:
    error: float = 0.0
    drop: float = 0.0
    rate_limit: float = 0.0
    latency_ms: tuple[float, float] = (0.0, 0.0)
    retry_after: int = 1

    @property
    def active(self) -> bool:
        return bool(self.error or self.drop or self.rate_limit or self.latency_ms[1])

    @classmethod
    def parse(cls, spec: str) -> FaultSpec:
        values: dict[str, Any] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, sep, raw = part.partition("=")
            if not sep:
                raise FaultSpecError(f"fault {part!r} needs a value (name=value)")
            name = name.strip()
            raw = raw.strip()
            if name in ("error", "drop", "429"):
                values["rate_limit" if name == "429" else name] = _probability(name, raw)
            elif name == "latency":
                values["latency_ms"] = _latency(raw)
            elif name == "retry_after":
                if not raw.isdigit():
                    raise FaultSpecError(f"retry_after must be whole seconds, not {raw!r}")
                values["retry_after"] = int(raw)
            else:
                raise FaultSpecError(f"unknown fault {name!r} (known: error, drop, 429, latency, retry_after)")
        fault = cls(**values)
        if fault.error + fault.drop + fault.rate_limit > 1:
            raise FaultSpecError("error + drop + 429 probabilities add up to more than 1")
        return fault


def _probability(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise FaultSpecError(f"{name} must be a probability between 0 and 1, not {raw!r}") from None
    if not 0 <= value <= 1:
        raise FaultSpecError(f"{name} must be a probability between 0 and 1, not {raw!r}")
    return value


def _latency(raw: str) -> tuple[float, float]:
    match = _LATENCY.match(raw)
    if not match:
        raise FaultSpecError(f"latency must look like 50-400ms or 20ms, not {raw!r}")
    scale = 1000.0 if match.group(3) == "s" else 1.0
    low = float(match.group(1)) * scale
    high = float(match.group(2)) * scale if match.group(2) else low
    if high < low:
        raise FaultSpecError(f"latency range {raw!r} runs backwards")
    return low, high


class _DroppedConnection(Exception):
    pass


class QuietDrops(logging.Filter):
    """uvicorn logs every deliberately dropped connection as an error; these are expected here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "without completing response" not in record.getMessage()


class FaultInjector:
    def __init__(self, app: ASGIApp, spec: FaultSpec, *, seed: int | None = None) -> None:
        self.app = app
        self.spec = spec
        self.rng = random.Random(seed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/") or not self.spec.active:
            await self.app(scope, receive, send)
            return
        spec = self.spec
        if spec.latency_ms[1]:
            await asyncio.sleep(self.rng.uniform(*spec.latency_ms) / 1000)
        roll = self.rng.random()
        if roll < spec.rate_limit:
            await _problem(send, 429, "rate-limited", "Too many requests; slow down", spec.retry_after)
        elif roll < spec.rate_limit + spec.error:
            status = self.rng.choice((500, 502, 503))
            await _problem(send, status, "unavailable", "Injected server fault", spec.retry_after)
        elif roll < spec.rate_limit + spec.error + spec.drop:
            if self.rng.random() < 0.5:
                await send(_truncated_start())  # dropped before the request ran
                return
            await self._run_then_drop(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _run_then_drop(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def cut(message: Message) -> None:
            if message["type"] == "http.response.start":
                await send(_truncated_start())
                raise _DroppedConnection

        try:
            await self.app(scope, receive, cut)
        except _DroppedConnection:
            return  # uvicorn closes the connection: the response started but never completes


def _truncated_start() -> Message:
    return {"type": "http.response.start", "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")]}


async def _problem(send: Send, status: int, slug: str, detail: str, retry_after: int) -> None:
    body = json.dumps(problem_body(status, slug, detail)).encode()
    headers = [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())]
    if status in (429, 503):
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
