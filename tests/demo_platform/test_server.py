"""The reference platform over real loopback HTTP, exercised the way a platform team would (plain requests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests

PROBLEM = "application/problem+json"
DECISION = {"kind": "remove", "categories": ["10.7"], "note": "赌博广告", "client_time": "2026-11-30T09:00:00Z"}


class Api:
    def __init__(self, url: str, user: str | None = None) -> None:
        self.url = url
        self.http = requests.Session()
        if user:
            answer = self.http.post(f"{url}/v1/auth/login", json={"username": user, "password": "demo"}, timeout=10)
            assert answer.status_code == 200, answer.text
            self.http.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.http.get(self.url + path, params=params, timeout=10)

    def post(self, path: str, body: Any = None, key: str | None = None) -> requests.Response:
        headers = {"Idempotency-Key": key} if key else {}
        return self.http.post(self.url + path, json=body, headers=headers, timeout=10)

    def delete(self, path: str) -> requests.Response:
        return self.http.delete(self.url + path, timeout=10)

    def first_post_ids(self, n: int) -> list[str]:
        return [i["post"]["post_id"] for i in self.get("/v1/queue", limit=n).json()["items"]]


def assert_problem(answer: requests.Response, status: int, slug: str) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == PROBLEM
    body: dict[str, Any] = answer.json()
    assert body["type"].endswith("/" + slug) and body["status"] == status and body["title"] and body["detail"]
    return body


@pytest.fixture
def url(platform_server: Callable[..., Any]) -> str:
    return str(platform_server().url)


def test_login_gives_token_expiry_and_roles(url: str) -> None:
    answer = requests.post(f"{url}/v1/auth/login", json={"username": "lead1", "password": "demo"}, timeout=10)
    body = answer.json()
    assert answer.status_code == 200 and body["access_token"] and body["expires_at"].endswith("Z")
    assert body["user"] == {"id": "lead1", "display_name": "组长 (lead1)", "roles": ["moderator", "lead"]}


def test_wrong_password_and_missing_or_bad_token_are_401_problems(url: str) -> None:
    assert_problem(requests.post(f"{url}/v1/auth/login", json={"username": "mod1", "password": "x"}, timeout=10),
                   401, "unauthenticated")
    missing = requests.get(f"{url}/v1/queue", timeout=10)
    assert_problem(missing, 401, "unauthenticated")
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    bad = requests.get(f"{url}/v1/queue", headers={"Authorization": "Bearer nope"}, timeout=10)
    assert_problem(bad, 401, "unauthenticated")


def test_queue_pages_cover_every_item_once(url: str) -> None:
    api = Api(url, "mod1")
    seen: list[str] = []
    cursor = None
    while True:
        page = api.get("/v1/queue", limit=37, **({"cursor": cursor} if cursor else {})).json()
        seen += [item["post"]["post_id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 300 and len(set(seen)) == 300
    gambling = api.get("/v1/queue", limit=200, reason="gambling").json()["items"]
    assert gambling and all(any(r["reason"] == "gambling" for r in i["reports"]) for i in gambling)
    assert_problem(api.get("/v1/queue", cursor="garbage!"), 400, "invalid-cursor")
    assert_problem(api.get("/v1/queue", limit=0), 422, "invalid-body")


def test_real_names_only_for_leads(url: str) -> None:
    moderator_view = Api(url, "mod1").get("/v1/queue", limit=20).json()["items"]
    lead_view = Api(url, "lead1").get("/v1/queue", limit=20).json()["items"]
    assert all(i["post"]["author"]["real_name"] is None for i in moderator_view)
    assert all(i["post"]["author"]["real_name"] for i in lead_view)
    author_id = lead_view[0]["post"]["author"]["author_id"]
    assert Api(url, "mod1").get(f"/v1/authors/{author_id}/history").json()["author"]["real_name"] is None


def test_claims_are_exclusive_and_decisions_need_a_lease(url: str) -> None:
    mod1, mod2 = Api(url, "mod1"), Api(url, "mod2")
    claim1 = mod1.post("/v1/claims", {"count": 5})
    assert claim1.status_code == 201
    mine = claim1.json()["post_ids"]
    assert len(mine) == 5 and [i["claimed_by"] for i in claim1.json()["items"]] == ["mod1"] * 5
    theirs = mod2.post("/v1/claims", {"count": 5}).json()["post_ids"]
    assert not set(mine) & set(theirs)
    assert_problem(mod2.post("/v1/claims", {"post_ids": [mine[0]]}), 423, "claimed-by-other")
    assert_problem(mod2.post(f"/v1/posts/{mine[0]}/decisions", DECISION, key="k-mod2-0001"), 423, "claimed-by-other")
    unclaimed = next(p for p in mod1.first_post_ids(20) if p not in mine + theirs)
    body = assert_problem(mod1.post(f"/v1/posts/{unclaimed}/decisions", DECISION, key="k-mod1-0001"), 409,
                          "lease-required")
    assert body["reason"] == "no_valid_lease"
    assert mod1.post(f"/v1/posts/{mine[0]}/decisions", DECISION, key="k-mod1-0002").status_code == 201
    assert_problem(mod2.post("/v1/claims", {"count": 1, "post_ids": [unclaimed]}), 422, "invalid-body")


def test_leases_expire_and_items_return_to_the_queue(platform_server: Callable[..., Any], fake_clock: Any) -> None:
    server = platform_server(clock=fake_clock, lease_seconds=60)
    mod1, mod2 = Api(server.url, "mod1"), Api(server.url, "mod2")
    lease = mod1.post("/v1/claims", {"count": 2}).json()
    renewed = mod1.post(f"/v1/claims/{lease['lease_id']}/renew")
    assert renewed.status_code == 200 and renewed.json()["expires_at"] >= lease["expires_at"]
    fake_clock.advance(61)
    assert_problem(mod1.post(f"/v1/claims/{lease['lease_id']}/renew"), 409, "lease-expired")
    retaken = mod2.post("/v1/claims", {"post_ids": lease["post_ids"]})
    assert retaken.status_code == 201
    assert_problem(mod1.post(f"/v1/posts/{lease['post_ids'][0]}/decisions", DECISION, key="k-late-0001"), 423,
                   "claimed-by-other")


def test_release_frees_the_items(url: str) -> None:
    mod1, mod2 = Api(url, "mod1"), Api(url, "mod2")
    lease = mod1.post("/v1/claims", {"count": 1}).json()
    assert mod2.delete(f"/v1/claims/{lease['lease_id']}").status_code == 404  # not theirs
    assert mod1.delete(f"/v1/claims/{lease['lease_id']}").status_code == 204
    assert mod2.post("/v1/claims", {"post_ids": lease["post_ids"]}).status_code == 201


def test_idempotent_replay_and_conflicts(url: str) -> None:
    lead = Api(url, "lead1")
    post_id = lead.first_post_ids(1)[0]
    first = lead.post(f"/v1/posts/{post_id}/decisions", DECISION, key="key-000001")
    replay = lead.post(f"/v1/posts/{post_id}/decisions", DECISION, key="key-000001")
    assert first.status_code == 201 and replay.status_code == 200
    assert replay.json() == first.json() and replay.headers["Idempotent-Replayed"] == "true"
    # The same decision made again later (a bulk file re-run after its journal was lost): the meaning decides.
    later = lead.post(f"/v1/posts/{post_id}/decisions", {**DECISION, "client_time": "2026-12-01T10:00:00Z"},
                      key="key-000001")
    assert later.status_code == 200 and later.json() == first.json()
    assert_problem(lead.post(f"/v1/posts/{post_id}/decisions", {**DECISION, "note": "changed"}, key="key-000001"),
                   422, "idempotency-key-reused")
    other = {"kind": "no_violation", "categories": [], "note": "", "client_time": "2026-11-30T09:01:00Z"}
    conflict = assert_problem(lead.post(f"/v1/posts/{post_id}/decisions", other, key="key-000002"), 409,
                              "decision-conflict")
    assert conflict["existing_decision"] == first.json()
    decided = lead.get("/v1/decisions").json()
    assert [d["post_id"] for d in decided["items"]] == [post_id] and decided["next_since"] == first.json()["seq"]
    assert lead.get(f"/v1/posts/{post_id}").json()["decision"]["decision_id"] == first.json()["decision_id"]
    assert post_id not in lead.first_post_ids(200)  # decided items leave the queue


def test_roles_malformed_bodies_and_unknown_things(url: str) -> None:
    mod1, lead = Api(url, "mod1"), Api(url, "lead1")
    assert_problem(mod1.get("/v1/decisions"), 403, "forbidden")
    post_id = lead.first_post_ids(1)[0]
    path = f"/v1/posts/{post_id}/decisions"
    errors = assert_problem(lead.post(path, {"kind": "explode", "client_time": "x"}, key="key-bad-01"), 422,
                            "invalid-body")["errors"]
    assert {tuple(e["loc"]) for e in errors} >= {("body", "kind"), ("body", "client_time")}
    assert_problem(lead.post(path, {**DECISION, "extra": 1}, key="key-bad-02"), 422, "invalid-body")
    assert_problem(lead.post(path, DECISION), 422, "invalid-body")  # no Idempotency-Key
    assert_problem(lead.post(path, {**DECISION, "categories": []}, key="key-bad-03"), 422, "invalid-decision")
    assert_problem(lead.post("/v1/posts/123/decisions", DECISION, key="key-bad-04"), 404, "not-found")
    assert_problem(lead.get("/v1/posts/123"), 404, "not-found")
    assert_problem(lead.get("/v1/authors/nobody/history"), 404, "not-found")
    assert_problem(lead.get("/v1/nothing-here"), 404, "not-found")


def test_author_history(url: str) -> None:
    lead = Api(url, "lead1")
    item = lead.get("/v1/queue", limit=1).json()["items"][0]
    history = lead.get(f"/v1/authors/{item['post']['author']['author_id']}/history").json()
    assert history["post_count"] >= 1 and isinstance(history["prior_decisions"], list)


def test_state_survives_a_restart_with_db(platform_server: Callable[..., Any], tmp_path: Path) -> None:
    db = tmp_path / "platform.sqlite3"
    first = platform_server(db=db)
    lead = Api(first.url, "lead1")
    post_id = lead.first_post_ids(1)[0]
    decided = lead.post(f"/v1/posts/{post_id}/decisions", DECISION, key="key-persist-1").json()
    first.stop()
    again = Api(platform_server(db=db).url, "lead1")
    assert again.get("/v1/decisions").json()["items"] == [decided]
    assert again.post(f"/v1/posts/{post_id}/decisions", DECISION, key="key-persist-1").json() == decided
