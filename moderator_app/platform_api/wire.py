"""The wire format -> core models. Every payload is checked; a violation raises ProtocolError naming the path.

Hand-written rather than a schema library so that ``platform_api`` stays requests + stdlib, and so that each
message says exactly where the platform broke the contract (``items[3].post.author.author_id: missing``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from moderator_app.core.decisions import Decision, DecisionKind, DecisionPage, PlatformDecision, PostDetail
from moderator_app.core.errors import ProtocolError
from moderator_app.core.models import (
    AuditPosition,
    Author,
    AuthorHistory,
    AuthorId,
    AuthSession,
    CategoryId,
    Claim,
    FlagSource,
    Lease,
    MediaRef,
    PlatformKey,
    Post,
    PostId,
    PriorDecision,
    QueueItem,
    QueuePage,
    ReferralCountersignature,
    Report,
    Role,
    User,
    UserId,
    WitnessReceipt,
    WitnessRefusal,
)
from moderator_app.platform_signature import decode_public_key, platform_key_id

ID_LIMIT = 128
TEXT_LIMIT = 100_000
POST_TEXT_LIMIT = 4_000_000  # a 1 MB post must still display; beyond a few MB the platform is misbehaving
LIST_LIMIT = 10_000
T = TypeVar("T")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number",
            type(None): "null"}.get(type(value), type(value).__name__)


class Node:
    """A JSON value and where it sits in the answer."""

    __slots__ = ("path", "value")

    def __init__(self, value: Any, path: str = "") -> None:
        self.value = value
        self.path = path

    def fail(self, message: str) -> ProtocolError:
        return ProtocolError(message, path=self.path or "(body)")

    def _child_path(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def field(self, name: str) -> Node:
        if not isinstance(self.value, dict):
            raise self.fail(f"expected an object, got {_type_name(self.value)}")
        if name not in self.value:
            raise ProtocolError("missing", path=self._child_path(name))
        return Node(self.value[name], self._child_path(name))

    def optional(self, name: str) -> Node | None:
        if not isinstance(self.value, dict):
            raise self.fail(f"expected an object, got {_type_name(self.value)}")
        value = self.value.get(name)
        return None if value is None else Node(value, self._child_path(name))

    def items(self, limit: int = LIST_LIMIT) -> list[Node]:
        if not isinstance(self.value, list):
            raise self.fail(f"expected an array, got {_type_name(self.value)}")
        if len(self.value) > limit:
            raise self.fail(f"array of {len(self.value):,} entries exceeds the limit of {limit:,}")
        return [Node(v, f"{self.path}[{i}]") for i, v in enumerate(self.value)]

    def text(self, limit: int = TEXT_LIMIT) -> str:
        if not isinstance(self.value, str):
            raise self.fail(f"expected a string, got {_type_name(self.value)}")
        if len(self.value) > limit:
            raise self.fail(f"string of {len(self.value):,} characters exceeds the limit of {limit:,}")
        return _without_lone_surrogates(self.value)

    def ident(self) -> str:
        value = self.text(ID_LIMIT)
        if not value:
            raise self.fail("empty id")
        return value

    def integer(self) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise self.fail(f"expected an integer, got {_type_name(self.value)}")
        return self.value

    def time(self) -> datetime:
        raw = self.text(64)
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            raise self.fail(f"not an RFC 3339 time: {raw!r}") from None
        if moment.tzinfo is None:
            raise self.fail(f"time without a UTC offset: {raw!r}")
        return moment

    def choice(self, enum: Callable[[str], T]) -> T:
        raw = self.text(64)
        try:
            return enum(raw)
        except ValueError:
            raise self.fail(f"unknown value {raw!r}") from None


def _without_lone_surrogates(value: str) -> str:
    # JSON "\ud800" decodes to a lone surrogate, which breaks every later encode (Qt, SQLite, files).
    # (json.loads already joins proper pairs, so any surrogate left is alone.)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def _opt(node: Node | None, read: Callable[[Node], T]) -> T | None:
    return None if node is None else read(node)


def user(node: Node) -> User:
    roles = frozenset(r.choice(Role) for r in node.field("roles").items(limit=20))
    return User(UserId(node.field("id").ident()), node.field("display_name").text(1000), roles)


def auth_session(node: Node) -> tuple[str, AuthSession]:
    token = node.field("access_token").text(4096)
    if not token:
        raise node.field("access_token").fail("empty token")
    return token, AuthSession(user(node.field("user")), node.field("expires_at").time())


def author(node: Node) -> Author:
    return Author(AuthorId(node.field("author_id").ident()), node.field("display_name").text(1000),
                  _opt(node.optional("real_name"), lambda n: n.text(1000)))


def media(node: Node) -> MediaRef:
    return MediaRef(node.field("media_id").ident(), node.field("kind").text(64),
                    _opt(node.optional("description"), Node.text) or "", _opt(node.optional("url"), Node.text))


def post(node: Node) -> Post:
    return Post(
        post_id=PostId(node.field("post_id").ident()),
        author=author(node.field("author")),
        text=node.field("text").text(POST_TEXT_LIMIT),
        published_at=node.field("published_at").time(),
        url=_opt(node.optional("url"), Node.text) or "",
        repost_count=node.field("repost_count").integer(),
        media=tuple(media(m) for m in node.field("media").items()),
    )


def report(node: Node) -> Report:
    return Report(node.field("reporter_id").ident(), node.field("reason").text(64), node.field("text").text(),
                  node.field("reported_at").time())


def queue_item(node: Node) -> QueueItem:
    return QueueItem(
        post=post(node.field("post")),
        reports=tuple(report(r) for r in node.field("reports").items()),
        flagged_at=node.field("flagged_at").time(),
        source=node.field("source").choice(FlagSource),
        priority=node.field("priority").integer(),
        claimed_by=_opt(node.optional("claimed_by"), lambda n: UserId(n.ident())),
        lease_expires_at=_opt(node.optional("lease_expires_at"), Node.time),
    )


def queue_page(node: Node) -> QueuePage:
    return QueuePage(tuple(queue_item(i) for i in node.field("items").items()),
                     _opt(node.optional("next_cursor"), lambda n: n.text(1000)))


def lease(node: Node) -> Lease:
    return Lease(node.field("lease_id").ident(), node.field("expires_at").time(),
                 tuple(PostId(p.ident()) for p in node.field("post_ids").items()))


def claim(node: Node) -> Claim:
    return Claim(lease(node), tuple(queue_item(i) for i in node.field("items").items()))


def platform_decision(node: Node) -> PlatformDecision:
    return PlatformDecision(
        decision_id=node.field("decision_id").ident(),
        seq=node.field("seq").integer(),
        post_id=PostId(node.field("post_id").ident()),
        kind=node.field("kind").choice(DecisionKind),
        categories=tuple(CategoryId(c.text(16)) for c in node.field("categories").items(limit=50)),
        note=node.field("note").text(),
        decided_by=UserId(node.field("decided_by").ident()),
        decided_at=node.field("decided_at").time(),
        restriction_days=_opt(node.optional("restriction_days"), Node.integer),
        refutation=_opt(node.optional("refutation"), Node.text),
        client_time=_opt(node.optional("client_time"), Node.time),
        revises=_opt(node.optional("revises"), Node.ident),
    )


def decision_ack(node: Node) -> PlatformDecision:
    """A decision's acknowledgement: the decision, and the witness receipt (or refusal) for the audit position the
    request carried. A malformed receipt or refusal is dropped, never the acknowledgement: the decision is applied
    either way, and the witness thread asks for the receipt itself."""
    decision = platform_decision(node)
    try:
        return replace(decision, witness_receipt=_opt(node.optional("witness_receipt"), witness_receipt),
                       witness_refusal=_opt(node.optional("witness_problem"), witness_refusal))
    except ProtocolError:
        return decision


def witness_refusal(node: Node) -> WitnessRefusal:
    """The problem the witness raised for a piggy-backed position (the body ``POST /v1/audit-witness`` would have
    answered 409 with): ``witness-fork`` or ``witness-stale``; any other type is a contract violation."""
    slug = node.field("type").text(300).rsplit("/", 1)[-1]
    if slug not in ("witness-fork", "witness-stale"):
        raise node.field("type").fail(f"expected witness-fork or witness-stale, got {slug[:64]!r}")
    detail = node.optional("detail")
    return WitnessRefusal(fork=slug == "witness-fork", detail=detail.text(2000) if detail else slug)


def post_detail(node: Node) -> PostDetail:
    return PostDetail(queue_item(node), _opt(node.optional("decision"), platform_decision))


def decision_page(node: Node) -> DecisionPage:
    return DecisionPage(tuple(platform_decision(d) for d in node.field("items").items()),
                        node.field("next_since").integer())


def author_history(node: Node) -> AuthorHistory:
    prior = tuple(
        PriorDecision(PostId(d.field("post_id").ident()), d.field("kind").text(64),
                      tuple(CategoryId(c.text(16)) for c in d.field("categories").items(limit=50)),
                      d.field("decided_at").time())
        for d in node.field("prior_decisions").items()
    )
    return AuthorHistory(author(node.field("author")), node.field("post_count").integer(), prior)


def witness_receipt(node: Node) -> WitnessReceipt:
    return WitnessReceipt(node.field("log_id").text(200), node.field("seq").integer(),
                          node.field("chain_hash").text(64), node.field("witnessed_at").text(64),
                          node.field("key_id").text(64), node.field("signature").text(200))


def witness_receipt_page(node: Node) -> tuple[list[WitnessReceipt], int]:
    return [witness_receipt(r) for r in node.field("items").items(limit=5000)], node.field("next_since").integer()


REFERRAL_DECISION_FIELDS = ("purpose", "referral_id", "decision", "evidence_digest", "approver", "created_by",
                            "decided_at", "key_id")


def referral_countersignature(node: Node) -> ReferralCountersignature:
    return ReferralCountersignature({name: node.field(name).text(200) for name in REFERRAL_DECISION_FIELDS},
                                    node.field("signature").text(200))


def signed_object(node: Node, purpose: str) -> dict[str, Any]:
    """A platform-signed JSON object, kept verbatim (every field is covered by the signature)."""
    if not isinstance(node.value, dict):
        raise node.fail("expected an object")
    if node.field("purpose").text(64) != purpose:
        raise node.fail(f"expected a {purpose}")
    node.field("signature").text(200)
    node.field("key_id").text(64)
    return dict(node.value)


def platform_key(node: Node) -> PlatformKey:
    if node.field("algorithm").text(32) != "ed25519":
        raise ProtocolError("the platform key is not an Ed25519 key")
    try:
        raw = decode_public_key(node.field("public_key").text(100))
    except ValueError as exc:
        raise ProtocolError(str(exc)) from None
    key_id = node.field("key_id").text(64)
    if platform_key_id(raw) != key_id:
        raise ProtocolError(f"the platform key id {key_id} does not match its public key")
    return PlatformKey(key_id, raw)


def decision_body(decision: Decision, audit_position: AuditPosition | None = None) -> dict[str, Any]:
    """What ``POST /v1/posts/{id}/decisions`` carries (the Idempotency-Key travels as a header); with
    ``audit_position`` the acknowledgement carries the platform's witness receipt for it."""
    body: dict[str, Any] = {
        "kind": decision.kind.value,
        "categories": list(decision.categories),
        "note": decision.note,
        "restriction_days": decision.restriction_days,
        "refutation": decision.refutation,
        "client_time": decision.client_time.isoformat().replace("+00:00", "Z"),
    } | ({"revises": decision.revises} if decision.revises else {})
    if audit_position is not None:
        body["audit_position"] = {"log_id": audit_position.log_id, "seq": audit_position.seq,
                                  "chain_hash": audit_position.chain_hash}
    return body
