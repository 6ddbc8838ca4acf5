"""A pseudonymised export must not let anyone confirm a guessed author id offline. Before: a referral's evidence
digests (SHA-256 of the author record, of the post whose URL names the author) were exported as they were, and each
redacted event's leaf hash could be matched by rebuilding its envelope with the guess."""

from __future__ import annotations

import json
from typing import Any

from moderator_app.audit.chain import canonical, leaf_hash
from moderator_app.audit.exports.pseudonyms import Pseudonymiser
from moderator_app.core.audit import AuditEvent, EventFilter, EventType
from moderator_app.referrals.evidence import digest_of
from moderator_app.services.audit_service import AuditLogService
from moderator_app.services.exports import verify_export
from tests.exports.conftest import Export

GUESS = "9876543210987654321"  # the author id the attacker suspects (and it is the right one)
GUESS_NAME = "李四"


def referral_payload() -> dict[str, Any]:
    items = {"author": {"author_id": GUESS, "display_name": GUESS_NAME, "real_name": ""},
             "post": {"post_id": "5000", "text": "明天去学校门口动手", "url": f"https://weibo.example/{GUESS}/5000"}}
    return {"referral_id": "R-1", "post_id": "5000",
            "evidence": {"items": items, "digests": {name: digest_of(item) for name, item in items.items()}}}


def rebuilt(line: dict[str, Any], pseudonyms: dict[str, str], event_id: str | None = None) -> bytes:
    """The attacker's rebuild of the original envelope: every pseudonym replaced by the guess, every digest
    recomputed from the rebuilt items, the event id as exported (or, for the control, the real one)."""
    text = json.dumps(line["envelope"], ensure_ascii=False)
    for pseudonym, identity in pseudonyms.items():
        text = text.replace(pseudonym, identity)
    envelope = json.loads(text)
    evidence = envelope["body"]["evidence"]
    evidence["digests"] = {name: digest_of(item) for name, item in evidence["items"].items()}
    if event_id is not None:
        envelope["event_id"] = event_id
    return canonical(envelope)


def test_a_guessed_author_cannot_be_confirmed_from_the_export(export: Export, audit_log: AuditLogService) -> None:
    referral = AuditEvent.new(EventType.REFERRAL_CREATED, actor="mod1", workstation="ws-test", subject="referral:R-1",
                              category="10.4", payload=referral_payload())
    audit_log.append(referral)
    result = export(EventFilter(event_type=EventType.REFERRAL_CREATED), ("csv", "jsonl"))
    assert verify_export(result.out).ok
    files = b"".join(p.read_bytes() for p in result.out.rglob("*") if p.is_file())
    original_digests = referral_payload()["evidence"]["digests"].values()
    assert GUESS.encode() not in files and GUESS_NAME.encode() not in files
    assert not any(digest.encode() in files for digest in original_digests)  # digests of the guess: nowhere
    assert referral.event_id.encode() not in files

    [line] = [json.loads(raw) for raw in (result.out / "data" / "events.jsonl").read_bytes().splitlines()
              if b'"referral_id":"R-1"' in raw]
    author = line["envelope"]["body"]["evidence"]["items"]["author"]
    pseudonyms = {author["author_id"]: GUESS, author["display_name"]: GUESS_NAME, author["real_name"]: ""}
    published = bytes.fromhex(line["leaf"])
    assert leaf_hash(rebuilt(line, pseudonyms)) != published  # the guess cannot be checked
    # control: with the event id the export no longer carries, the very same rebuild would have confirmed it
    assert leaf_hash(rebuilt(line, pseudonyms, referral.event_id)) == published


def test_keyed_values_are_stable_within_one_key_and_differ_across_keys() -> None:
    one, same, other = Pseudonymiser(b"k" * 32), Pseudonymiser(b"k" * 32), Pseudonymiser(b"x" * 32)
    digest = digest_of({"author_id": GUESS})
    assert one.keyed("digest", digest) == same.keyed("digest", digest) != other.keyed("digest", digest)
    assert digest not in one.keyed("digest", digest)
