"""Recompute the log and say where it first goes wrong.

One streaming pass recomputes every leaf hash and chain link from the stored envelope bytes (hashlib, batched key-
range reads) and compares the chain with every signed checkpoint, the database's and this workstation's own copy.
Writer signatures (Ed25519, ~10k/s) are checked for the events after the last checkpoint, and around any problem to
locate it; events under a checkpoint are covered by its signature, because the checkpointer checked their writer
signatures before signing (``AuditWriter.checkpoint``). ``all_signatures=True`` checks every one (slow on big logs).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from moderator_app.audit.chain import ZERO_HASH, chain_hash, index_copies_match, index_copy_problem, leaf_hash
from moderator_app.audit.checkpoints import LocalCheckpoints, checkpoint_problem
from moderator_app.audit.keys import PublicKeys
from moderator_app.audit.schema import audit_event
from moderator_app.audit.store import AuditStore, EventRow
from moderator_app.audit.witness import log_identity, receipt_problem
from moderator_app.core.audit import (
    CancelToken,
    Checkpoint,
    Problem,
    ProblemKind,
    ProgressCallback,
    VerifyReport,
    WitnessAnchor,
)
from moderator_app.core.models import PlatformKey, WitnessReceipt

SEARCH_SHIFT = 64  # how far a renumbered event is searched for when classifying a break


@dataclass
class _Expectations:
    """Chain hashes that signed checkpoints vouch for, by seq, with who vouched."""

    by_seq: dict[int, list[tuple[str, Checkpoint]]] = field(default_factory=dict)

    def add(self, source: str, checkpoint: Checkpoint) -> None:
        self.by_seq.setdefault(checkpoint.seq, []).append((source, checkpoint))


@dataclass(frozen=True)
class WitnessCheck:
    """The platform's receipts for this log (fetched with a lead's login, or from a file it exported) and the
    platform key they must verify with."""

    receipts: list[WitnessReceipt]
    platform_key: PlatformKey


def verify_log(store: AuditStore, local: LocalCheckpoints | None = None, *, progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None, all_signatures: bool = False,
               since: Checkpoint | None = None, witness: WitnessCheck | None = None,
               trusted_keys: dict[str, bytes] | None = None) -> VerifyReport:
    """Everything, or (``since``: a checkpoint this workstation verified before and keeps in its own copy) only the
    events after it, chained on from the hash it signed: the cheap check the GUI repeats in the background.

    ``witness``: also hold the log to every platform receipt, and say how much of it is anchored. ``trusted_keys``
    (key id -> public key, from ``audit keys export``): only these keys count; the database's key registry and
    the copies' pinned keys are ignored, so events and checkpoints signed by any other key are forged."""
    problems = [Problem(ProblemKind.PROTECTION, None, f"database protection gone: {what}")
                for what in store.missing_protections()]
    # Order matters while others append: checkpoints before the head (none can then lie beyond it), keys after it
    # (every event up to the head has its key registered).
    local_checkpoints, pinned = local.load() if local else ([], {})
    db_checkpoints = store.checkpoints()
    head_seq, head_chain, top_seq = store.bounds()
    keys = PublicKeys(dict(trusted_keys) if trusted_keys is not None else {**store.public_keys(), **pinned})
    expectations = _Expectations()
    receipts = _valid_receipts(store, witness, problems) if witness is not None else []
    for receipt in receipts:
        expectations.add("witness", receipt)
    for source, checkpoint in [("database", c) for c in db_checkpoints] + [("local", c) for c in local_checkpoints]:
        why = checkpoint_problem(checkpoint, keys)
        if why is None:
            expectations.add(source, checkpoint)
        else:
            where = "the database's" if source == "database" else "this workstation's copy of the"
            problems.append(Problem(ProblemKind.CHECKPOINT, checkpoint.seq,
                                    f"{where} checkpoint at seq {checkpoint.seq} is invalid: {why}"))
    end = max(head_seq, top_seq)
    if since is not None and (since.seq > end or checkpoint_problem(since, keys) is not None):
        since = None  # the log is shorter than what we saw, or the copy is damaged: examine everything
    verifier = _Pass(store, keys, expectations, progress, cancel, all_signatures, end, since)
    located = verifier.run()
    checked = verifier.count - verifier.start
    if verifier.cancelled:
        return VerifyReport(checked, head_seq, len(db_checkpoints), verifier.signatures, tuple(problems), True)
    located, disagreeing = verifier.dissent_problems(located, len(receipts))
    problems.extend(disagreeing)
    if located is not None:
        problems.append(located)
    else:
        problems.extend(verifier.tail_problems(head_seq, head_chain, db_checkpoints, local_checkpoints))
    notes: list[str] = []
    anchor = None
    if witness is not None:
        problems.extend(verifier.witness_problems(receipts, head_seq))
        anchor = verifier.anchor(len(receipts))
        notes = _ahead_notes(receipts, db_checkpoints, verifier.count)
    return VerifyReport(checked, head_seq, len(db_checkpoints), verifier.signatures,
                        tuple(sorted(problems, key=lambda p: (p.seq is None, p.seq or 0))), anchor=anchor,
                        notes=tuple(notes))


def _valid_receipts(store: AuditStore, witness: WitnessCheck, problems: list[Problem]) -> list[Checkpoint]:
    """Receipts whose platform signature holds, as checkpoints (reason "witness") for the pass to compare."""
    identity = log_identity(store)
    valid = []
    for receipt in witness.receipts:
        why = receipt_problem(receipt, witness.platform_key, identity)
        if why is not None:
            problems.append(Problem(ProblemKind.FORGED, receipt.seq,
                                    f"the witness receipt for seq {receipt.seq} is not the platform's: {why}"))
            continue
        valid.append(Checkpoint(log_id=receipt.log_id, seq=receipt.seq, chain_hash=receipt.chain_hash,
                                created_at=receipt.witnessed_at, reason="witness", key_id=receipt.key_id, note="",
                                signature=receipt.signature))
    return valid


def _ahead_notes(receipts: list[Checkpoint], db_checkpoints: list[Checkpoint], last: int) -> list[str]:
    """A signed checkpoint ahead of the log, where the platform later witnessed the log at a lower seq: either the
    key signed a head that never existed, or the events after that seq were deleted before the platform saw them
    (the unanchored window). The receipts cannot tell which, so it stays a problem; the note says what they show."""
    newest = max(receipts, key=lambda r: r.seq, default=None)
    notes = []
    for checkpoint in db_checkpoints:
        if newest is not None and checkpoint.seq > last >= newest.seq and newest.created_at > checkpoint.created_at:
            notes.append(f"checkpoint at seq {checkpoint.seq} (key {checkpoint.key_id}, {checkpoint.created_at}) "
                         f"is ahead of the log, which ends at seq {last}; the platform witnessed seq {newest.seq} "
                         f"later ({newest.created_at}): unless seq {newest.seq + 1}..{checkpoint.seq} were deleted "
                         f"before it saw them, key {checkpoint.key_id} signed a head that never existed")
    return notes


class _Pass:
    def __init__(self, store: AuditStore, keys: PublicKeys, expectations: _Expectations,
                 progress: ProgressCallback | None, cancel: CancelToken | None, all_signatures: bool,
                 total: int, since: Checkpoint | None = None) -> None:
        self.store, self.keys, self.expect = store, keys, expectations
        self.progress, self.cancel, self.all_signatures, self.total = progress, cancel, all_signatures, total
        self.start = since.seq if since else 0
        self.running = bytes.fromhex(since.chain_hash) if since else ZERO_HASH
        self.count = self.start  # the last seq that chained correctly
        self.signatures = 0
        self.cancelled = False
        self.last_good_checkpoint = self.start
        self.witnessed: Checkpoint | None = None  # the newest receipt the chain matched
        self.witness_mismatch: tuple[Checkpoint, int] | None = None  # the first receipt it did not, and the
        # last seq vouched for before it
        self.witnessed_again: Checkpoint | None = None  # a receipt after that mismatch that matches: a fork
        self.index_problem: Problem | None = None  # the first row whose indexed copies disagree with its envelope
        self.dissents: list[tuple[Checkpoint, int]] = []  # database checkpoints that disagree, with the last good
        # checkpoint before each; and every checkpoint and receipt that agrees (one per 1,000 events at most)
        self.agreeing: list[tuple[str, Checkpoint]] = []
        self._at_first_dissent: tuple[Any, ...] = ()

    def run(self) -> Problem | None:
        """The first problem in seq order, or None when every row chains correctly."""
        sha256 = hashlib.sha256
        expected, running = self.start + 1, self.running
        vouched = self.expect.by_seq
        # Every row's indexed copies too, by default: filters, the viewer and exports read them.
        rows: Iterator[Any] = (self.store.iter_events(expected, self.total, signatures=self.all_signatures,
                                                      index_copies=True)
                if self.total >= expected else iter(()))
        copies_match = index_copies_match
        for row in rows:
            seq, envelope, leaf, prev, chain, key_id, sig, occurred, actor, kind, category, subject, decided = row
            if seq != expected or sha256(b"\x00" + envelope).digest() != leaf or prev != running:
                self.count = expected - 1
                return self._classify(expected, running, row[:7])
            if self.index_problem is None and not copies_match(envelope, occurred, actor, kind, category, subject,
                                                               decided):
                why = index_copy_problem(envelope, occurred, actor, kind, category, subject, decided)
                if why is not None:
                    self.index_problem = Problem(ProblemKind.ALTERED, seq, why)
            computed = sha256(running + seq.to_bytes(8, "big") + leaf).digest()
            if computed != chain:
                self.count = expected - 1
                return self._classify(expected, running, row[:7])
            if self.all_signatures:
                self.signatures += 1
                if not self.keys.verify(key_id, sig, leaf):
                    return _forged(seq, key_id, self.keys)
            running = computed
            if seq in vouched:
                problem = self._compare_checkpoints(seq, running)
                if problem is not None:
                    return problem
            expected += 1
            if not expected & 0x3FFF:
                self.count = expected - 1
                if self.progress is not None:
                    self.progress(self.count - self.start, self.total - self.start)
                if self.cancel is not None and self.cancel.cancelled:
                    self.cancelled = True
                    return None
        self.count = expected - 1
        self.running = running
        if self.progress is not None:
            self.progress(self.count - self.start, self.total - self.start)
        return None

    def _compare_checkpoints(self, seq: int, running: bytes) -> Problem | None:
        matched = False
        for source, checkpoint in self.expect.by_seq[seq]:
            agrees = checkpoint.chain_hash == running.hex()
            if agrees:
                self.agreeing.append((source, checkpoint))
            if source == "witness":  # a receipt vouches for the head, not for the events: no last_good_checkpoint
                if agrees:
                    if self.witness_mismatch is None:
                        self.witnessed = checkpoint
                    else:
                        self.witnessed_again = checkpoint
                elif self.witness_mismatch is None:
                    self.witness_mismatch = (checkpoint, self.witnessed.seq if self.witnessed else 0)
                continue
            if agrees:
                matched = True
                continue
            located = self._first_bad_signature(self.last_good_checkpoint + 1, seq)
            if located is not None:
                return located
            if source == "local":
                return Problem(ProblemKind.ROLLBACK, seq, (
                    f"the chain at seq {seq} differs from the checkpoint this workstation saw at "
                    f"{checkpoint.created_at}: history after seq {self.last_good_checkpoint} was rewritten"))
            # The database's checkpoint disagrees: a rewritten history under it, or a key that signed a chain hash
            # the log never had (an older database let any workstation insert one). The pass goes on: whether a
            # later checkpoint or receipt agrees with the log decides what the report can say (dissent_problems).
            if not self.dissents:
                self._at_first_dissent = (self.count, self.witnessed, self.witness_mismatch, self.witnessed_again,
                                          self.index_problem)
            self.dissents.append((checkpoint, self.last_good_checkpoint))
        if matched:
            self.last_good_checkpoint = seq
        return None

    def dissent_problems(self, located: Problem | None, receipts: int) -> tuple[Problem | None, list[Problem]]:
        """(the problem the pass stops at, the checkpoints that disagree with the log) once the pass is over.

        A checkpoint that disagrees while a later one (or a receipt) agrees, and nothing else is wrong, is reported
        as such (`disagrees`), with who vouches for the log. Otherwise it is where the pass stops, as before: the
        history under it was rewritten (`altered`) unless its key signed a chain hash the log never had."""
        if not self.dissents:
            return located, []
        last_dissent = self.dissents[-1][0].seq
        vouching = [(source, c) for source, c in self.agreeing if c.seq >= last_dissent]
        first, after = self.dissents[0]
        if located is not None or not vouching or self.witness_mismatch is not None:
            (self.count, self.witnessed, self.witness_mismatch, self.witnessed_again,
             self.index_problem) = self._at_first_dissent
            return Problem(ProblemKind.ALTERED, first.seq, (
                f"checkpoint at seq {first.seq} signed by key {first.key_id} ({first.created_at}) disagrees with the "
                f"log, and no later checkpoint or receipt vouches for the log there: an event in seq {after + 1}.."
                f"{first.seq} was removed, inserted or reordered and the chain recomputed, or key {first.key_id} "
                "signed a chain hash this log never had")), []
        furthest = max(vouching, key=lambda item: item[1].seq)[1]
        signers = sorted({c.key_id for source, c in vouching if source != "witness"})
        by = (f"key{'s' if len(signers) > 1 else ''} {', '.join(signers)}" if signers else "")
        by += (" and " if by else "") + ("the platform's receipts" if any(s == "witness" for s, _c in vouching)
                                         else "")
        kinds = "checkpoint and receipt" if receipts else "checkpoint"
        others = (f"every other {kinds}" if len(self.dissents) == 1
                  else f"every {kinds} except the {len(self.dissents)} that disagree")
        problems = []
        for checkpoint, good in self.dissents:
            problems.append(Problem(ProblemKind.DISAGREES, checkpoint.seq, (
                f"checkpoint at seq {checkpoint.seq} signed by key {checkpoint.key_id} ({checkpoint.created_at}) "
                f"disagrees with the log; the events agree with {others} up to seq {self.count} (the last at seq "
                f"{furthest.seq}, signed by {by}): key {checkpoint.key_id} signed a chain hash this log never had, "
                f"unless seq {good + 1}..{checkpoint.seq} were rewritten and the chain recomputed before {by} "
                "vouched for them")))
        return None, problems

    def _first_bad_signature(self, start: int, end: int) -> Problem | None:
        for seq, _envelope, leaf, _prev, _chain, key_id, sig in self.store.iter_events(start, end):
            self.signatures += 1
            if not self.keys.verify(key_id, sig, leaf):
                return _forged(seq, key_id, self.keys)
        return None

    def _classify(self, expected: int, running: bytes, row: EventRow) -> Problem:
        if not self.all_signatures:  # the pass read no signatures: fetch this row's
            row = next(self.store.iter_events(row[0], row[0]))
        seq, envelope, leaf, prev, chain, key_id, sig = row
        located = self._first_bad_signature(self.last_good_checkpoint + 1, min(seq, expected) - 1)
        if located is not None:
            return located
        if seq != expected:
            gone = f"seq {expected}" if seq == expected + 1 else f"seq {expected}..{seq - 1}"
            return Problem(ProblemKind.MISSING, expected, f"{gone} is not in the log (deleted)")
        if leaf_hash(envelope) != leaf:
            return Problem(ProblemKind.ALTERED, seq, "its envelope does not match its recorded hash (edited)")
        self.signatures += 1
        if not self.keys.verify(key_id, sig, leaf):
            return _forged(seq, key_id, self.keys)
        if prev != running:
            return self._classify_link(seq, prev, chain, leaf)
        for shift in range(1, SEARCH_SHIFT):
            for other in (seq + shift, seq - shift):
                if other > 0 and chain_hash(prev, other, leaf) == chain:
                    return Problem(ProblemKind.REORDERED, seq, f"this event was recorded as seq {other}")
        return Problem(ProblemKind.ALTERED, seq, "its chain hash was changed")

    def _classify_link(self, seq: int, prev: bytes, chain: bytes, leaf: bytes) -> Problem:
        with self.store.reader.connect() as connection:
            found = connection.execute(select(audit_event.c.seq).where(
                audit_event.c.log_id == self.store.log_id, audit_event.c.chain_hash == prev)).scalar()
        if found is not None and int(found) > seq:
            return Problem(ProblemKind.REORDERED, seq,
                           f"this event was recorded after the event now at seq {found} (rows swapped or moved)")
        if found is not None and int(found) < seq - 1:
            inserted = f"seq {found + 1}" if found + 1 == seq - 1 else f"seq {found + 1}..{seq - 1}"
            return Problem(ProblemKind.FORGED, int(found) + 1,
                           f"{inserted} was inserted: the event at seq {seq} was chained to seq {found}")
        for shift in range(1, SEARCH_SHIFT):
            if chain_hash(prev, seq + shift, leaf) == chain:
                return Problem(ProblemKind.MISSING, seq, (
                    f"{shift} event(s) before this one were deleted and the later events renumbered "
                    f"(it was recorded as seq {seq + shift})"))
        return Problem(ProblemKind.MISSING, seq, f"the event it was chained to (before seq {seq}) is not in the log")

    def witness_problems(self, receipts: list[Checkpoint], head_seq: int) -> Iterator[Problem]:
        """Receipts the log does not match: a rewritten prefix, a fork, a deleted tail or a rolled-back copy."""
        last = self.count
        if self.witness_mismatch is not None:
            receipt, before = self.witness_mismatch
            if self.witnessed_again is not None:
                yield Problem(ProblemKind.FORK, receipt.seq, (
                    f"the platform witnessed seq {receipt.seq} with chain {receipt.chain_hash[:16]}… at "
                    f"{receipt.created_at}, and this log's different history at seq {self.witnessed_again.seq} "
                    f"({self.witnessed_again.created_at}): the log forked after seq {before}"))
            else:
                yield Problem(ProblemKind.ALTERED, receipt.seq, (
                    f"the platform witnessed seq {receipt.seq} with chain {receipt.chain_hash[:16]}… at "
                    f"{receipt.created_at}; this log has another chain there: events in seq {before + 1}.."
                    f"{receipt.seq} were rewritten and the chain recomputed"))
        beyond = max((r for r in receipts if r.seq > last), key=lambda r: r.seq, default=None)
        if beyond is not None:
            kind = ProblemKind.TRUNCATED if head_seq > last else ProblemKind.ROLLBACK
            yield Problem(kind, last + 1, (
                f"the platform witnessed seq {beyond.seq} at {beyond.created_at}, but the log ends at seq {last}: "
                f"seq {last + 1}..{beyond.seq} were deleted"
                + (" (the head still counts them)" if kind is ProblemKind.TRUNCATED
                   else ", or an older copy of the log was put back")))

    def anchor(self, receipts: int) -> WitnessAnchor:
        anchored = self.witnessed.seq if self.witnessed else 0
        last = self.count
        times = [row[2] for row in self.store.iter_index_copies(anchored + 1, anchored + 1)]
        times += [row[2] for row in self.store.iter_index_copies(last, last)] if last > anchored else []
        return WitnessAnchor(anchored, self.witnessed.created_at if self.witnessed else None, receipts,
                             max(last - anchored, 0), times[0] if times else None, times[-1] if times else None)

    def tail_problems(self, head_seq: int, head_chain: bytes, db_checkpoints: list[Checkpoint],
                      local_checkpoints: list[Checkpoint]) -> Iterator[Problem]:
        last = self.count
        if not self.all_signatures:
            located = self._first_bad_signature(self.last_good_checkpoint + 1, last)
            if located is not None:
                yield located
        if self.index_problem is not None:  # filters and exports select on the indexed copies
            yield self.index_problem
        if head_seq > last:
            yield Problem(ProblemKind.TRUNCATED, last + 1, (
                f"the log ends at seq {last} but its head records {head_seq} events: seq {last + 1}..{head_seq} "
                f"were removed (truncated after checkpoint {self.last_good_checkpoint})"))
        elif head_seq < last:
            yield Problem(ProblemKind.FORGED, head_seq + 1, f"seq {head_seq + 1}..{last} lie beyond the head")
        elif head_chain != self.running:
            yield Problem(ProblemKind.ALTERED, None, "the head's chain hash does not match the last event")
        after = self.last_good_checkpoint
        for kind, checkpoints, saying in (
                (ProblemKind.AHEAD, db_checkpoints, "a signed checkpoint (key {key}, {time}) covers seq {seq}"),
                (ProblemKind.ROLLBACK, local_checkpoints, "this workstation saw checkpoint seq {seq} ({time})")):
            furthest = max((c for c in checkpoints if c.seq > last), key=lambda c: c.seq, default=None)
            if furthest is not None:
                claim = saying.format(seq=furthest.seq, time=furthest.created_at, key=furthest.key_id)
                yield Problem(kind, last + 1, f"{claim} but the database ends at seq {last}: it was truncated or "
                                              f"rolled back after checkpoint {after}"
                              + (", or that key signed a head that never existed"
                                 if kind is ProblemKind.AHEAD else ""))


def _forged(seq: int, key_id: str, keys: PublicKeys) -> Problem:
    if key_id not in keys:
        return Problem(ProblemKind.FORGED, seq, f"its writer key {key_id} is not a known workstation key")
    return Problem(ProblemKind.FORGED, seq, f"its writer signature does not verify with key {key_id}")
