"""Author identities (the platform's users: post authors, referred users) replaced by keyed-HMAC pseudonyms.

The same author gets the same pseudonym within everything exported with one key, so a reviewer can still follow
one author across events without learning who it is. Moderators are the team's staff acting in their role and stay
named: the lead answers for their decisions.

Nothing left in a redacted event may let someone confirm a guessed identity offline (issue 16): the digests in it
(a referral's evidence digests cover the author record and the post, whose URL names the author) are keyed with the
same key, and so is its event id. The event id matters because the bundle proves the range with each redacted
event's leaf hash, SHA-256 of the original envelope: whoever guessed the identity could rebuild that envelope from
the redacted one and compare; without the event id (122 random bits) they cannot rebuild it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import Any

# Payload keys (at any depth) whose values identify a platform user, and subject prefixes that name one.
PII_KEYS = frozenset({"author", "author_id", "author_name", "author_real_name", "real_name", "user_id", "uid",
                      "nickname", "screen_name", "phone", "id_number", "reported_user"})
PII_SUBJECT_PREFIXES = ("author:", "user:")
# Records that describe a platform user (e.g. a referral's evidence snapshot) and the name fields inside them.
AUTHOR_RECORDS = frozenset({"author", "reported_user", "user"})
AUTHOR_NAME_KEYS = frozenset({"display_name", "name"})
# Values that are digests of content (which may hold an identity): keyed in a redacted event.
DIGEST_TABLES = frozenset({"digests"})
DIGEST_SUFFIXES = ("sha256", "digest")


_Node = dict[str, "_Node"]


def _trie(words: list[str]) -> str:
    """A regex matching any of ``words``, as a trie: at each position at most one branch gets past its first
    character (an alternation of whole words tries them all, which is several times slower)."""
    tree: _Node = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Node) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


# One C-level scan tells whether an envelope (or a page of them) needs parsing at all (almost none do).
_QUICK_WORDS = [*(f'"{key}":' for key in sorted(PII_KEYS)), *(f'"subject":"{p}' for p in PII_SUBJECT_PREFIXES)]
QUICK_CHECK = re.compile(_trie(_QUICK_WORDS).encode("utf-8"))
_CACHED_PSEUDONYMS = 65_536


class Pseudonymiser:
    """Safe to share between threads (an export formats pages on two)."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._cache: dict[str, str] = {}
        self.key_id = hashlib.sha256(b"pseudonym-key:" + key).hexdigest()[:16]

    def pseudonym(self, value: str) -> str:
        """One HMAC per distinct identity (kept for the next mention, up to a bound)."""
        known = self._cache.get(value)
        if known is None:
            known = "anon-" + hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
            if len(self._cache) >= _CACHED_PSEUDONYMS:
                self._cache.clear()
            self._cache[value] = known
        return known

    def keyed(self, purpose: str, value: str) -> str:
        """A keyed stand-in for a digest or an event id: equal inputs give equal outputs under one key, and without
        the key nobody can tell which input it stands for."""
        return f"hmac-{purpose}-" + hmac.new(self._key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    @staticmethod
    def needs_redaction(envelope: bytes) -> bool:
        """The quick check: may this envelope hold an author identity? (False for almost every event.)"""
        return QUICK_CHECK.search(envelope) is not None

    def redact_envelope(self, envelope: bytes) -> tuple[dict[str, Any], list[str]] | None:
        """None when the envelope holds no author identity; else the pseudonymised copy and the paths changed."""
        if QUICK_CHECK.search(envelope) is None:
            return None
        data = json.loads(envelope)
        changed: list[str] = []
        identities: set[str] = set()
        _collect(data.get("body"), identities, inside_author=False)
        # Longest first, so an id inside a longer identity is not replaced half-way.
        mentions = sorted((i for i in identities if len(i) >= 4), key=len, reverse=True)
        data["body"] = self._walk(data.get("body"), "body", changed, mentions)
        subject = data["hdr"].get("subject")
        if isinstance(subject, str) and subject.startswith(PII_SUBJECT_PREFIXES):
            prefix, _, ident = subject.partition(":")
            data["hdr"]["subject"] = f"{prefix}:{self.pseudonym(ident)}"
            changed.append("hdr.subject")
        if not changed:
            return None
        if isinstance(data.get("event_id"), str):
            data["event_id"] = self.keyed("event", data["event_id"])
            changed.append("event_id")
        return data, changed

    def subject(self, subject: str | None) -> str | None:
        if subject is not None and subject.startswith(PII_SUBJECT_PREFIXES):
            prefix, _, ident = subject.partition(":")
            return f"{prefix}:{self.pseudonym(ident)}"
        return subject

    def _walk(self, value: Any, path: str, changed: list[str], mentions: list[str]) -> Any:
        if isinstance(value, dict):
            out: dict[str, Any] = {}
            for key, item in value.items():
                where = f"{path}.{key}"
                if _identifies(key, path) and item is not None and not isinstance(item, dict | list):
                    out[key] = self.pseudonym(str(item))
                    changed.append(where)
                elif isinstance(item, str) and _is_digest(key, path):
                    out[key] = self.keyed("digest", item)
                    changed.append(where)
                else:
                    out[key] = self._walk(item, where, changed, mentions)
            return out
        if isinstance(value, list):
            return [self._walk(item, f"{path}[{index}]", changed, mentions) for index, item in enumerate(value)]
        if isinstance(value, str) and mentions:
            # An identity can also stand inside other text: a post URL carries the author's id, a note may name them.
            replaced = value
            for identity in mentions:
                if identity in replaced:
                    replaced = replaced.replace(identity, self.pseudonym(identity))
            if replaced != value:
                changed.append(path)
            return replaced
        return value


def _identifies(key: str, path: str) -> bool:
    """A key that names a platform user: one of PII_KEYS anywhere, or any name field of an author record."""
    return key in PII_KEYS or (key in AUTHOR_NAME_KEYS and path.rsplit(".", 1)[-1] in AUTHOR_RECORDS)


def _is_digest(key: str, path: str) -> bool:
    return path.rsplit(".", 1)[-1] in DIGEST_TABLES or key.lower().endswith(DIGEST_SUFFIXES)


def _collect(value: Any, found: set[str], *, inside_author: bool) -> None:
    """Every identity value in a payload, so its mentions elsewhere in the text can be replaced too."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                _collect(item, found, inside_author=key in AUTHOR_RECORDS)
            elif item is not None and (key in PII_KEYS or (inside_author and key in AUTHOR_NAME_KEYS)):
                found.add(str(item))
    elif isinstance(value, list):
        for item in value:
            _collect(item, found, inside_author=inside_author)
