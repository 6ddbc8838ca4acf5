"""schemathesis against the reference server's own OpenAPI document (the one resources/platform-api.yaml copies):
generated requests, valid and invalid, for every operation; the answers must match the contract (status codes,
problem+json bodies, schemas) and no request may make the server fail (5xx)."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from moderator_app.demo_platform.runner import build_asgi

pytestmark = pytest.mark.reliability


# Built at import: schemathesis parametrizes at collection (its lazy fixture loader does not run on this pytest).
# An in-memory platform with 80 posts takes a fraction of a second.
APP, STORE = build_asgi(posts=80)
TOKEN = STORE.login("lead1", "demo")["access_token"]
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_reference_server_keeps_its_contract(case: Any) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})
