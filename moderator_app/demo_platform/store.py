"""The reference platform's state: one SQLite database (``:memory:`` by default, a file with ``--db``).

All methods are serialised by one lock: FastAPI runs sync endpoints on a thread pool, and SQLite plus the
lease rules (check-then-claim) must see one consistent state. Methods return plain dicts in the wire shape.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from moderator_app.core.local_schema import LocalSchema, upgrade
from moderator_app.demo_platform.media import placeholder_png
from moderator_app.demo_platform.problems import Problem
from moderator_app.demo_platform.seed import SCHEMA, seed_database
from moderator_app.platform_signature import PlatformSigner, canonical_json, redaction_problem

Row = dict[str, Any]
# A --db file keeps the platform's state between runs. Released steps are never edited (core/local_schema.py).
# Step 2: revisions. A post may have several decisions, one current; the others are kept, marked superseded.
REVISIONS_STEP = """
CREATE TABLE decisions_v2(seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT NOT NULL UNIQUE,
    post_id TEXT NOT NULL, kind TEXT NOT NULL, categories TEXT NOT NULL, note TEXT NOT NULL,
    restriction_days INTEGER, refutation TEXT, client_time TEXT NOT NULL, decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL, revises TEXT, superseded_by TEXT);
INSERT INTO decisions_v2(seq, decision_id, post_id, kind, categories, note, restriction_days, refutation,
    client_time, decided_at, decided_by) SELECT seq, decision_id, post_id, kind, categories, note, restriction_days,
    refutation, client_time, decided_at, decided_by FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_v2 RENAME TO decisions;
CREATE UNIQUE INDEX decisions_current ON decisions(post_id) WHERE superseded_by IS NULL
"""
PLATFORM_SCHEMA = LocalSchema("reference platform database", steps=(SCHEMA, REVISIONS_STEP))
Clock = Callable[[], datetime]

DEMO_PASSWORD = "demo"  # demo-only accounts: documented in docs/platform-api.md
USERS: dict[str, Row] = {
    "mod1": {"id": "mod1", "display_name": "审核员一号 (mod1)", "roles": ["moderator"]},
    "mod2": {"id": "mod2", "display_name": "审核员二号 (mod2)", "roles": ["moderator"]},
    "lead1": {"id": "lead1", "display_name": "组长 (lead1)", "roles": ["moderator", "lead"]},
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def rfc3339(moment: datetime) -> str:
    # Always with microseconds, so that stored times compare correctly as strings.
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# Fair share: the most undecided posts one user may hold under unexpired leases at once. One moderator claimed 2,386
# posts (the whole queue) before this; a workstation claims batches of up to 100.
MAX_HELD = 200


class PlatformStore:
    def __init__(
        self,
        db_path: Path | None = None,
        *,
        posts: int = 2400,
        seed: int = 7,
        clock: Clock = utc_now,
        lease_seconds: float = 300.0,
        token_seconds: float = 8 * 3600.0,
        time_origin: datetime | None = None,
        signer: PlatformSigner | None = None,
        max_held: int = MAX_HELD,
    ) -> None:
        self.clock = clock
        self.signer = signer or PlatformSigner.generate()  # custody: docs/platform-api.md
        self.lease_seconds = lease_seconds
        self.max_held = max_held
        self.token_seconds = token_seconds
        self._lock = threading.Lock()
        self.witness_requests: Counter[str] = Counter()  # receipts asked for, by request: audit-witness, decision
        target = str(db_path) if db_path else ":memory:"
        self._db = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        if db_path:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        upgrade(self._db, PLATFORM_SCHEMA, target)
        if not self._db.execute("SELECT 1 FROM posts LIMIT 1").fetchone():
            with self._transaction():
                seed_database(self._db, seed=seed, posts=posts, time_origin=time_origin)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextmanager
    def _locked(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._transaction() as db:
            yield db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- auth ---------------------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> Row:
        user = USERS.get(username)
        if user is None or not secrets.compare_digest(password, DEMO_PASSWORD):
            raise Problem(401, "unauthenticated", "Wrong user name or password")
        token = secrets.token_urlsafe(32)
        expires = self.clock() + timedelta(seconds=self.token_seconds)
        with self._locked() as db:
            db.execute("INSERT INTO tokens(token, username, expires_at) VALUES (?,?,?)",
                       (token, username, rfc3339(expires)))
        return {"access_token": token, "token_type": "bearer", "expires_at": rfc3339(expires), "user": user}

    def user_for_token(self, token: str) -> Row:
        with self._locked() as db:
            row = db.execute("SELECT username, expires_at FROM tokens WHERE token=?", (token,)).fetchone()
        if row is None or row["expires_at"] <= rfc3339(self.clock()):
            raise Problem(401, "unauthenticated", "The access token is missing, unknown or expired; log in again")
        return USERS[row["username"]]

    def logout(self, token: str) -> None:
        with self._locked() as db:
            db.execute("DELETE FROM tokens WHERE token=?", (token,))

    # --- queue and posts ----------------------------------------------------------------------------------

    def queue_page(
        self, user: Row, *, limit: int, after: int, reason: str | None, category: str | None
    ) -> tuple[list[Row], int | None]:
        sql = ["SELECT q.* FROM queue q WHERE q.position > ? AND q.post_id NOT IN (SELECT post_id FROM decisions)"]
        params: list[Any] = [after]
        if reason:
            sql.append("AND q.reasons LIKE ?")
            params.append(f"%,{reason},%")
        if category:
            sql.append("AND q.category_hint = ?")
            params.append(category)
        sql.append("ORDER BY q.position LIMIT ?")
        params.append(limit + 1)
        with self._locked() as db:
            rows = db.execute(" ".join(sql), params).fetchall()
            items = [self._item(db, row, user) for row in rows[:limit]]
        next_after = rows[limit - 1]["position"] if len(rows) > limit else None
        return items, next_after

    def post_detail(self, user: Row, post_id: str) -> Row:
        with self._locked() as db:
            row = db.execute("SELECT * FROM queue WHERE post_id=?", (post_id,)).fetchone()
            if row is None:
                raise Problem(404, "not-found", f"No post {post_id}")
            item = self._item(db, row, user)
            item["decision"] = self._decision_by_post(db, post_id)
        return item

    def _item(self, db: sqlite3.Connection, row: sqlite3.Row, user: Row) -> Row:
        post = db.execute("SELECT * FROM posts WHERE post_id=?", (row["post_id"],)).fetchone()
        claimed = row["lease_expires_at"] is not None and row["lease_expires_at"] > rfc3339(self.clock())
        return {
            "post": {
                "post_id": post["post_id"],
                "author": self._author(db, post["author_id"], user),
                "text": post["text"],
                "published_at": post["published_at"],
                "url": post["url"],
                "repost_count": post["repost_count"],
                "media": json.loads(post["media"]),
            },
            "reports": json.loads(row["reports"]),
            "flagged_at": row["flagged_at"],
            "source": row["source"],
            "priority": row["priority"],
            "category_hint": row["category_hint"],
            "claimed_by": row["claimed_by"] if claimed else None,
            "lease_expires_at": row["lease_expires_at"] if claimed else None,
        }

    @staticmethod
    def _author(db: sqlite3.Connection, author_id: str, user: Row) -> Row:
        author = db.execute("SELECT * FROM authors WHERE author_id=?", (author_id,)).fetchone()
        # Article 7(4): the author's real name is personal data, shown to leads only.
        real_name = author["real_name"] if "lead" in user["roles"] else None
        return {"author_id": author["author_id"], "display_name": author["display_name"], "real_name": real_name}

    def author_history(self, user: Row, author_id: str) -> Row:
        with self._locked() as db:
            if db.execute("SELECT 1 FROM authors WHERE author_id=?", (author_id,)).fetchone() is None:
                raise Problem(404, "not-found", f"No author {author_id}")
            count = db.execute("SELECT count(*) FROM posts WHERE author_id=?", (author_id,)).fetchone()[0]
            rows = db.execute(
                "SELECT post_id, kind, categories, decided_at FROM history WHERE author_id=? "
                "UNION ALL SELECT d.post_id, d.kind, d.categories, d.decided_at FROM decisions d "
                "JOIN posts p ON p.post_id = d.post_id WHERE p.author_id=? AND d.superseded_by IS NULL "
                "ORDER BY decided_at",
                (author_id, author_id),
            ).fetchall()
            author = self._author(db, author_id, user)
        prior = [{"post_id": r["post_id"], "kind": r["kind"], "categories": json.loads(r["categories"]),
                  "decided_at": r["decided_at"]} for r in rows]
        return {"author": author, "post_count": count, "prior_decisions": prior}

    def media_content(self, user: Row, media_id: str) -> bytes:
        """The bytes of an image a post carries (a placeholder PNG: the demo data has descriptions, not files)."""
        with self._locked() as db:
            row = db.execute("SELECT j.value AS media FROM posts, json_each(posts.media) AS j "
                             "WHERE json_extract(j.value, '$.media_id') = ? LIMIT 1", (media_id,)).fetchone()
        if row is None:
            raise Problem(404, "not-found", f"No media {media_id}")
        if json.loads(row["media"])["kind"] != "image":
            raise Problem(404, "no-media-content", f"Media {media_id} is not an image; only images are served")
        return placeholder_png(media_id)

    # --- claims -------------------------------------------------------------------------------------------

    def claim(self, user: Row, *, count: int | None, post_ids: Sequence[str] | None) -> Row:
        now = rfc3339(self.clock())
        expires = rfc3339(self.clock() + timedelta(seconds=self.lease_seconds))
        lease_id = "L" + secrets.token_hex(8)
        with self._locked() as db:
            free = ("(lease_expires_at IS NULL OR lease_expires_at <= ?)"
                    " AND post_id NOT IN (SELECT post_id FROM decisions)")
            allowance = self.max_held - self._held(db, user, now)
            if post_ids is None:
                rows = db.execute(f"SELECT post_id FROM queue WHERE {free} ORDER BY position LIMIT ?",
                                  (now, min(count or 0, max(allowance, 0)))).fetchall()
                chosen = [r["post_id"] for r in rows]
            else:
                chosen = list(dict.fromkeys(post_ids))
                for post_id in chosen:
                    self._check_claimable(db, post_id, user, now)
                allowance += sum(1 for p in chosen if self._holds(db, user, p, now))  # renewing one's own
            if len(chosen) > allowance or (post_ids is None and allowance <= 0):
                raise Problem(409, "holding-limit", f"{user['id']} already holds {self.max_held - max(allowance, 0)} "
                              f"undecided posts; at most {self.max_held} at once: decide or release some first",
                              reason="holding_limit")
            db.executemany("UPDATE queue SET lease_id=?, claimed_by=?, lease_expires_at=? WHERE post_id=?",
                           [(lease_id, user["id"], expires, p) for p in chosen])
            db.execute("INSERT INTO leases(lease_id, username, expires_at) VALUES (?,?,?)",
                       (lease_id, user["id"], expires))
            items = [self._item(db, db.execute("SELECT * FROM queue WHERE post_id=?", (p,)).fetchone(), user)
                     for p in chosen]
        return {"lease_id": lease_id, "expires_at": expires, "post_ids": chosen, "items": items}

    def _held(self, db: sqlite3.Connection, user: Row, now: str) -> int:
        return int(db.execute(
            "SELECT count(*) FROM queue WHERE claimed_by=? AND lease_expires_at > ? "
            "AND post_id NOT IN (SELECT post_id FROM decisions)", (user["id"], now)).fetchone()[0])

    def _holds(self, db: sqlite3.Connection, user: Row, post_id: str, now: str) -> bool:
        row = db.execute("SELECT claimed_by, lease_expires_at FROM queue WHERE post_id=?", (post_id,)).fetchone()
        return bool(row and row["claimed_by"] == user["id"] and row["lease_expires_at"]
                    and row["lease_expires_at"] > now)

    def _check_claimable(self, db: sqlite3.Connection, post_id: str, user: Row, now: str) -> None:
        row = db.execute("SELECT claimed_by, lease_expires_at FROM queue WHERE post_id=?", (post_id,)).fetchone()
        if row is None:
            raise Problem(404, "not-found", f"No post {post_id} in the queue")
        if self._decision_by_post(db, post_id) is not None:
            raise Problem(409, "already-decided", f"Post {post_id} has already been decided")
        if row["lease_expires_at"] and row["lease_expires_at"] > now and row["claimed_by"] != user["id"]:
            raise Problem(423, "claimed-by-other", f"Post {post_id} is claimed by {row['claimed_by']} "
                          f"until {row['lease_expires_at']}", reason="claimed_by_other")

    def renew(self, user: Row, lease_id: str) -> Row:
        now = self.clock()
        expires = rfc3339(now + timedelta(seconds=self.lease_seconds))
        with self._locked() as db:
            lease = self._own_lease(db, user, lease_id)
            if lease["expires_at"] <= rfc3339(now):
                raise Problem(409, "lease-expired", f"Lease {lease_id} expired at {lease['expires_at']}; claim again",
                              reason="lease_expired")
            db.execute("UPDATE leases SET expires_at=? WHERE lease_id=?", (expires, lease_id))
            db.execute("UPDATE queue SET lease_expires_at=? WHERE lease_id=?", (expires, lease_id))
            post_ids = [r[0] for r in db.execute(
                "SELECT post_id FROM queue WHERE lease_id=? AND post_id NOT IN (SELECT post_id FROM decisions) "
                "ORDER BY position", (lease_id,))]
        return {"lease_id": lease_id, "expires_at": expires, "post_ids": post_ids}

    def release(self, user: Row, lease_id: str) -> None:
        with self._locked() as db:
            self._own_lease(db, user, lease_id)
            db.execute("UPDATE queue SET lease_id=NULL, claimed_by=NULL, lease_expires_at=NULL WHERE lease_id=?",
                       (lease_id,))
            db.execute("UPDATE leases SET expires_at=? WHERE lease_id=?", (rfc3339(self.clock()), lease_id))

    @staticmethod
    def _own_lease(db: sqlite3.Connection, user: Row, lease_id: str) -> sqlite3.Row:
        lease = db.execute("SELECT * FROM leases WHERE lease_id=?", (lease_id,)).fetchone()
        if lease is None or lease["username"] != user["id"]:
            raise Problem(404, "not-found", f"No lease {lease_id} of yours")
        return lease  # type: ignore[no-any-return]

    # --- decisions ----------------------------------------------------------------------------------------

    def decide(self, user: Row, post_id: str, key: str, body: Row) -> tuple[Row, bool]:
        """Apply a decision; returns (decision, replayed). Idempotent per (user, Idempotency-Key): the same key with
        the same meaning is a replay, whatever its ``client_time``."""
        body_hash = meaning_hash(post_id, body)
        now = self.clock()
        with self._locked() as db:
            seen = db.execute("SELECT body_hash, decision_id, post_id FROM idempotency WHERE username=? AND key=?",
                              (user["id"], key)).fetchone()
            if seen is not None:
                if seen["body_hash"] != body_hash or seen["post_id"] != post_id:
                    raise Problem(422, "idempotency-key-reused",
                                  "This Idempotency-Key was already used for a different request")
                return self._decision(db, "decision_id=?", seen["decision_id"]), True
            row = db.execute("SELECT claimed_by, lease_expires_at FROM queue WHERE post_id=?", (post_id,)).fetchone()
            if row is None:
                raise Problem(404, "not-found", f"No post {post_id}")
            existing = self._decision_by_post(db, post_id)
            revises = body.get("revises")
            decision_id = "D" + secrets.token_hex(8)
            if revises is not None:
                self._check_revision(user, post_id, revises, existing)
                db.execute("UPDATE decisions SET superseded_by=? WHERE decision_id=?", (decision_id, revises))
            elif existing is not None:
                raise Problem(409, "decision-conflict",
                              f"Post {post_id} was already decided by {existing['decided_by']}",
                              existing_decision=existing)
            elif "lead" not in user["roles"]:
                self._check_lease(row, user, post_id, rfc3339(now))
            db.execute(
                "INSERT INTO decisions(decision_id, post_id, kind, categories, note, restriction_days, refutation,"
                " client_time, decided_at, decided_by, revises) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (decision_id, post_id, body["kind"], json.dumps(body["categories"], ensure_ascii=False),
                 body["note"], body.get("restriction_days"), body.get("refutation"), body["client_time"],
                 rfc3339(now), user["id"], revises),
            )
            db.execute("INSERT INTO idempotency(username, key, body_hash, decision_id, post_id) VALUES (?,?,?,?,?)",
                       (user["id"], key, body_hash, decision_id, post_id))
            return self._decision(db, "decision_id=?", decision_id), False

    @staticmethod
    def _check_revision(user: Row, post_id: str, revises: str, current: Row | None) -> None:
        """A revision supersedes the post's current decision, by the moderator who made it or a lead."""
        if current is None or current["decision_id"] != revises:
            raise Problem(409, "revision-conflict", f"Decision {revises} is not the current decision of post "
                          f"{post_id}", existing_decision=current)
        if current["decided_by"] != user["id"] and "lead" not in user["roles"]:
            raise Problem(403, "forbidden", f"Decision {revises} was made by {current['decided_by']}: only they or "
                          "a lead may revise it")

    @staticmethod
    def _check_lease(row: sqlite3.Row, user: Row, post_id: str, now: str) -> None:
        held = row["lease_expires_at"] is not None and row["lease_expires_at"] > now
        if held and row["claimed_by"] != user["id"]:
            raise Problem(423, "claimed-by-other", f"Post {post_id} is claimed by {row['claimed_by']}",
                          reason="claimed_by_other")
        if not held:
            raise Problem(409, "lease-required", f"You hold no valid claim on post {post_id}; claim it first",
                          reason="no_valid_lease")

    def decisions(self, *, since: int, limit: int) -> tuple[list[Row], int]:
        with self._locked() as db:
            rows = db.execute("SELECT * FROM decisions WHERE seq > ? ORDER BY seq LIMIT ?", (since, limit)).fetchall()
        items = [self._decision_row(r) for r in rows]
        return items, (items[-1]["seq"] if items else since)

    def _decision_by_post(self, db: sqlite3.Connection, post_id: str) -> Row | None:
        row = db.execute("SELECT * FROM decisions WHERE post_id=? AND superseded_by IS NULL", (post_id,)).fetchone()
        return None if row is None else self._decision_row(row)

    def _decision(self, db: sqlite3.Connection, where: str, value: str) -> Row:
        return self._decision_row(db.execute(f"SELECT * FROM decisions WHERE {where}", (value,)).fetchone())

    @staticmethod
    def _decision_row(row: sqlite3.Row) -> Row:
        return {
            "decision_id": row["decision_id"], "seq": row["seq"], "post_id": row["post_id"], "kind": row["kind"],
            "categories": json.loads(row["categories"]), "note": row["note"],
            "restriction_days": row["restriction_days"], "refutation": row["refutation"],
            "client_time": row["client_time"], "decided_at": row["decided_at"], "decided_by": row["decided_by"],
            "revises": row["revises"],
        }

    # --- platform key and audit witness -------------------------------------------------------------------

    def platform_key(self) -> Row:
        return {"key_id": self.signer.key_id, "algorithm": "ed25519", "public_key": self.signer.public_key_text()}

    def witness_piggybacked(self, user: Row, position: Row) -> Row:
        """The witness for the audit position a decision carried: ``{"witness_receipt": …}``, or, refused,
        ``{"witness_problem": <the 409 problem body>}``; never raises for a refusal."""
        try:
            return {"witness_receipt": self.witness(user, position, via="decision")}
        except Problem as exc:
            if exc.slug not in ("witness-fork", "witness-stale"):
                raise
            return {"witness_problem": exc.body()}

    def witness(self, user: Row, body: Row, *, via: str = "audit-witness") -> Row:
        """Sign a receipt for ``(log_id, seq, chain_hash)``. Monotonic per log: the same hash at a seq already
        witnessed returns the stored receipt; a different one is a fork (409); a lower seq than the newest is
        refused (409, stale). Receipts are kept (GET /v1/audit-witness). ``via``: which request asked (counted in
        ``witness_requests``, for tests and benchmarks)."""
        log_id, seq, chain_hash = body["log_id"], body["seq"], body["chain_hash"]
        with self._locked() as db:
            self.witness_requests[via] += 1
            same = db.execute("SELECT * FROM witness_receipts WHERE log_id=? AND seq=?", (log_id, seq)).fetchone()
            if same is not None:
                if same["chain_hash"] != chain_hash:
                    raise Problem(409, "witness-fork", f"log {log_id}: seq {seq} was witnessed with chain hash "
                                  f"{same['chain_hash']}, not {chain_hash}: the log has forked",
                                  witnessed=self._receipt(same))
                return self._receipt(same)
            newest = db.execute("SELECT * FROM witness_receipts WHERE log_id=? ORDER BY seq DESC LIMIT 1",
                                (log_id,)).fetchone()
            if newest is not None and newest["seq"] > seq:
                raise Problem(409, "witness-stale", f"log {log_id}: seq {newest['seq']} is already witnessed; "
                              f"a receipt for the lower seq {seq} is refused", witnessed=self._receipt(newest))
            signed = {"purpose": "audit-witness-receipt", "log_id": log_id, "seq": seq, "chain_hash": chain_hash,
                      "witnessed_at": rfc3339(self.clock()), "key_id": self.signer.key_id}
            signature = self.signer.sign(signed)
            db.execute("INSERT INTO witness_receipts(log_id, seq, chain_hash, witnessed_at, key_id, signature,"
                       " username) VALUES (?,?,?,?,?,?,?)",
                       (log_id, seq, chain_hash, signed["witnessed_at"], signed["key_id"], signature, user["id"]))
        return {**signed, "signature": signature}

    def referral_decision(self, user: Row, referral_id: str, body: Row) -> tuple[Row, bool]:
        """Countersign a lead's approval or rejection of a police referral: (signed decision, replayed). The
        approver is the token's user, never the creator (four eyes); a referral is decided once: the same call
        again returns the stored decision, another one is refused (409)."""
        if "lead" not in user["roles"]:
            raise Problem(403, "forbidden", "Only a lead may approve or reject a referral")
        if user["id"] == body["created_by"]:
            raise Problem(403, "four-eyes", f"{user['id']} created referral {referral_id} and may not decide it")
        with self._locked() as db:
            row = db.execute("SELECT * FROM referral_decisions WHERE referral_id=?", (referral_id,)).fetchone()
            if row is not None:
                stored = self._referral_decision(row)
                if (stored["decision"], stored["evidence_digest"], stored["approver"], stored["created_by"]) != (
                        body["decision"], body["evidence_digest"], user["id"], body["created_by"]):
                    raise Problem(409, "referral-decided", f"Referral {referral_id} was already {stored['decision']}"
                                  f" by {stored['approver']}", decided=stored)
                return stored, True
            signed = {"purpose": "referral-decision", "referral_id": referral_id, "decision": body["decision"],
                      "evidence_digest": body["evidence_digest"], "approver": user["id"],
                      "created_by": body["created_by"], "decided_at": rfc3339(self.clock()),
                      "key_id": self.signer.key_id}
            signature = self.signer.sign(signed)
            db.execute("INSERT INTO referral_decisions(referral_id, decision, evidence_digest, approver, created_by,"
                       " decided_at, key_id, signature) VALUES (?,?,?,?,?,?,?,?)",
                       (referral_id, signed["decision"], signed["evidence_digest"], signed["approver"],
                        signed["created_by"], signed["decided_at"], signed["key_id"], signature))
        return {**signed, "signature": signature}, False

    @staticmethod
    def _referral_decision(row: sqlite3.Row) -> Row:
        return {"purpose": "referral-decision", **{k: row[k] for k in (
            "referral_id", "decision", "evidence_digest", "approver", "created_by", "decided_at", "key_id",
            "signature")}}

    def witness_receipts(self, log_id: str, *, since: int, limit: int) -> tuple[list[Row], int]:
        with self._locked() as db:
            rows = db.execute("SELECT * FROM witness_receipts WHERE log_id=? AND seq>? ORDER BY seq LIMIT ?",
                              (log_id, since, limit)).fetchall()
        items = [self._receipt(r) for r in rows]
        return items, (items[-1]["seq"] if items else since)

    # --- export grants and redaction attestations --------------------------------------------------------

    def export_grant(self, user: Row, body: Row) -> Row:
        """A lead's signed permission to export the audit log with this filter, with or without identities."""
        granted = {"purpose": "export-grant", "grant_id": "G" + secrets.token_hex(12), "user": user["id"],
                   "roles": list(user["roles"]), "filter": body["filter"], "include_pii": body["include_pii"],
                   "granted_at": rfc3339(self.clock()), "key_id": self.signer.key_id}
        with self._locked() as db:
            db.execute("INSERT INTO export_grants(grant_id, username, body, granted_at) VALUES (?,?,?,?)",
                       (granted["grant_id"], user["id"], json.dumps(granted), granted["granted_at"]))
        return {**granted, "signature": self.signer.sign(granted)}

    def attest_redactions(self, user: Row, grant_id: str, items: list[Row]) -> Row:
        """Check each redacted event against its original (hash = leaf; only the listed values replaced by
        strings) and sign the list: what lets a verifier trust a line it cannot recompute."""
        with self._locked() as db:
            row = db.execute("SELECT username FROM export_grants WHERE grant_id=?", (grant_id,)).fetchone()
        if row is None or row["username"] != user["id"]:
            raise Problem(404, "not-found", f"no export grant {grant_id} of yours")
        attested = []
        for item in items:
            try:
                original_bytes = base64.b64decode(item["original"], validate=True)
                original = json.loads(original_bytes)
            except (ValueError, binascii.Error):
                raise Problem(422, "invalid-redaction",
                              f"seq {item['seq']}: the original is not a JSON envelope") from None
            if hashlib.sha256(b"\x00" + original_bytes).hexdigest() != item["leaf"]:
                raise Problem(422, "invalid-redaction", f"seq {item['seq']}: the original does not hash to its leaf")
            why = redaction_problem(original, item["redacted"], item["paths"])
            if why is not None:
                raise Problem(422, "invalid-redaction", f"seq {item['seq']}: not a redaction: {why}")
            attested.append({"seq": item["seq"], "leaf": item["leaf"],
                             "redacted_sha256": hashlib.sha256(canonical_json(item["redacted"])).hexdigest()})
        signed = {"purpose": "export-redactions", "grant_id": grant_id, "items": attested,
                  "attested_at": rfc3339(self.clock()), "key_id": self.signer.key_id}
        return {**signed, "signature": self.signer.sign(signed)}

    def witness_receipts_all(self) -> list[Row]:
        """Every receipt of every log (tests and benchmarks)."""
        with self._locked() as db:
            return [self._receipt(r) for r in db.execute("SELECT * FROM witness_receipts ORDER BY log_id, seq")]

    @staticmethod
    def _receipt(row: sqlite3.Row) -> Row:
        return {"purpose": "audit-witness-receipt", "log_id": row["log_id"], "seq": row["seq"],
                "chain_hash": row["chain_hash"], "witnessed_at": row["witnessed_at"], "key_id": row["key_id"],
                "signature": row["signature"]}


MEANING = ("kind", "categories", "note", "restriction_days", "refutation")


def meaning_hash(post_id: str, body: Row) -> str:
    """What a decision means (its post, kind, categories as a set, note, restriction, refutation), hashed. When it
    was made (``client_time``) is not part of it: a workstation re-sending a decision after its journal was lost,
    or another workstation sending the same bulk file, makes a new ``client_time`` for the same decision."""
    meaning = {name: body.get(name) for name in MEANING}
    meaning["categories"] = sorted(meaning["categories"] or [])
    if body.get("revises"):  # only a revision carries it: hashes of plain decisions stay as they were
        meaning["revises"] = body["revises"]
    meaning["post_id"] = post_id
    return hashlib.sha256(json.dumps(meaning, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
