"""Fill an empty platform database from the deterministic demo data (``demo_data.generate``)."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from moderator_app.demo_platform.demo_data import BASE_TIME, generate

SCHEMA = """
CREATE TABLE IF NOT EXISTS authors(author_id TEXT PRIMARY KEY, display_name TEXT NOT NULL, real_name TEXT,
    registered_at TEXT);
CREATE TABLE IF NOT EXISTS posts(post_id TEXT PRIMARY KEY, author_id TEXT NOT NULL, text TEXT NOT NULL,
    published_at TEXT NOT NULL, url TEXT NOT NULL, repost_count INTEGER NOT NULL, media TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS posts_author ON posts(author_id);
CREATE TABLE IF NOT EXISTS queue(post_id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, flagged_at TEXT NOT NULL,
    source TEXT NOT NULL, priority INTEGER NOT NULL, category_hint TEXT, reasons TEXT NOT NULL,
    reports TEXT NOT NULL, lease_id TEXT, claimed_by TEXT, lease_expires_at TEXT);
CREATE INDEX IF NOT EXISTS queue_lease ON queue(lease_id);
CREATE TABLE IF NOT EXISTS history(author_id TEXT NOT NULL, post_id TEXT NOT NULL, kind TEXT NOT NULL,
    categories TEXT NOT NULL, decided_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS history_author ON history(author_id);
CREATE TABLE IF NOT EXISTS tokens(token TEXT PRIMARY KEY, username TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS leases(lease_id TEXT PRIMARY KEY, username TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS decisions(seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT NOT NULL UNIQUE,
    post_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, categories TEXT NOT NULL, note TEXT NOT NULL,
    restriction_days INTEGER, refutation TEXT, client_time TEXT NOT NULL, decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency(username TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL,
    decision_id TEXT NOT NULL, post_id TEXT NOT NULL, PRIMARY KEY(username, key));
CREATE TABLE IF NOT EXISTS witness_receipts(log_id TEXT NOT NULL, seq INTEGER NOT NULL, chain_hash TEXT NOT NULL,
    witnessed_at TEXT NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL, username TEXT NOT NULL,
    PRIMARY KEY(log_id, seq));
CREATE TABLE IF NOT EXISTS referral_decisions(referral_id TEXT PRIMARY KEY, decision TEXT NOT NULL,
    evidence_digest TEXT NOT NULL, approver TEXT NOT NULL, created_by TEXT NOT NULL, decided_at TEXT NOT NULL,
    key_id TEXT NOT NULL, signature TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS export_grants(grant_id TEXT PRIMARY KEY, username TEXT NOT NULL, body TEXT NOT NULL,
    granted_at TEXT NOT NULL);
"""

# The platform's own reason -> Article 10 hint (the workstation maps reasons with its policy pack instead).
REASON_HINTS = {
    "constitution": "10.1", "national_security": "10.2", "national_honour": "10.3", "ethnic_hatred": "10.4",
    "cult_superstition": "10.5", "rumour": "10.6", "pornography": "10.7", "gambling": "10.7", "violence": "10.7",
    "terrorism": "10.7", "crime_instigation": "10.7", "insult_defamation": "10.8", "illegal_assembly": "10.9",
    "illegal_organisation": "10.10", "scam": "10.11",
}
SOURCE_ORDER = {"authority_request": 0, "user_report": 1, "automated": 2}


def shift_times(data: Any, seconds: float) -> Any:
    """Move every ``*_at`` timestamp in the generated data by ``seconds`` (a demo that looks like today)."""
    if isinstance(data, dict):
        return {k: _shift(v, seconds) if k.endswith("_at") and isinstance(v, str) else shift_times(v, seconds)
                for k, v in data.items()}
    if isinstance(data, list):
        return [shift_times(v, seconds) for v in data]
    return data


def _shift(stamp: str, seconds: float) -> str:
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) + timedelta(seconds=seconds)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def seed_database(db: sqlite3.Connection, *, seed: int, posts: int, time_origin: datetime | None = None) -> None:
    """Fill the database; with ``time_origin`` the data is moved so that its newest moment is that time."""
    data = generate(seed=seed, posts=posts)
    if time_origin is not None:
        base = datetime.fromisoformat(BASE_TIME.replace("Z", "+00:00"))
        data = shift_times(data, (time_origin - base).total_seconds())
    db.executemany("INSERT INTO authors VALUES (:author_id, :display_name, :real_name, :registered_at)",
                   data["authors"])
    db.executemany(
        "INSERT INTO posts VALUES (?,?,?,?,?,?,?)",
        [(p["post_id"], p["author_id"], p["text"], p["published_at"], p["url"], p["repost_count"],
          json.dumps([_media(m) for m in p["media"]], ensure_ascii=False)) for p in data["posts"]],
    )
    reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for report in sorted(data["reports"], key=lambda r: (r["reported_at"], r["report_id"])):
        reports[report["post_id"]].append({"reporter_id": report["reporter_id"], "reason": report["reason"],
                                           "text": report["text"], "reported_at": report["reported_at"]})
    flags: dict[str, dict[str, Any]] = {}
    for flag in data["flags"]:  # a post flagged several times keeps its first flag and its most urgent priority
        first = flags.setdefault(flag["post_id"], dict(flag))
        if flag["flagged_at"] < first["flagged_at"]:
            first.update(flagged_at=flag["flagged_at"], source=flag["source"])
        first["priority"] = min(first["priority"], flag["priority"])
    categories = {p["post_id"]: p.get("true_categories") or [] for p in data["posts"]}
    ordered = sorted(flags.values(), key=lambda f: (f["priority"], f["flagged_at"], f["post_id"]))
    rows = []
    for position, flag in enumerate(ordered, start=1):
        post_reports = reports.get(flag["post_id"], [])
        reasons = [r["reason"] for r in post_reports]
        hint = next((REASON_HINTS[r] for r in reasons if r in REASON_HINTS), None)
        if hint is None and flag["source"] == "automated" and categories[flag["post_id"]]:
            hint = categories[flag["post_id"]][0]  # the platform's own classifier flagged it
        rows.append((flag["post_id"], position, flag["flagged_at"], flag["source"], flag["priority"], hint,
                     "," + ",".join(reasons) + ",", json.dumps(post_reports, ensure_ascii=False)))
    db.executemany("INSERT INTO queue(post_id, position, flagged_at, source, priority, category_hint, reasons,"
                   " reports) VALUES (?,?,?,?,?,?,?,?)", rows)
    db.executemany(
        "INSERT INTO history VALUES (?,?,?,?,?)",
        [(h["author_id"], h["post_id"], h["kind"], json.dumps(h["categories"]), h["decided_at"])
         for h in data["author_history"]],
    )


def _media(media: dict[str, Any]) -> dict[str, Any]:
    # Placeholder media: the demo has no files, only a description and a stable fake address.
    return {"media_id": media["media_id"], "kind": media["kind"], "description": media.get("description", ""),
            "url": media.get("url") or f"https://media.demo.invalid/{media['media_id']}"}
