"""VERIFY.md, shipped in every bundle: enough to re-implement the check without our software."""

VERIFY_MD = """# Verifying this export

Run `moderator-app audit verify-export THIS_FOLDER` (exit 0: complete and unaltered; exit 1 names the problem),
or check it yourself:

1. `manifest.sig` is the base64 Ed25519 signature of the exact bytes of `manifest.json`, by the key
   `signer.public_key` (key id = first 16 hex digits of SHA-256 of the raw 32-byte key). Compare the key id with
   the one the exporting workstation shows.
2. Every file in the folder except `manifest.json` and `manifest.sig` is listed in `files` with its SHA-256, and
   nothing else is in the folder.
3. `checkpoint_from` (absent at the start of the log: seq 0, chain = 32 zero bytes) and `checkpoint_to` are signed
   notes: their `signature` is the base64 Ed25519 signature of the UTF-8 `note`, by the key `key_id` in `keys`;
   the note reads `<origin>\\n<seq>\\nchain <hex>\\ntime <UTC>\\nreason <reason>\\n`.
4. Merge `data/events.jsonl` and `verification/context.jsonl` by `seq` (read lines by splitting on the byte 0x0A
   only: the canonical JSON may hold U+2028). Together they must hold every seq from `range.first_seq` to
   `range.last_seq` exactly once. For each line, in seq order:
   - `leaf = SHA-256(0x00 || envelope)`, where `envelope` is the exact bytes after `"envelope":` up to the final
     `}` of the line; for a line with `"redacted"` (an author identity was pseudonymised) use its `leaf` instead;
   - `chain = SHA-256(chain || seq as 8 big-endian bytes || leaf)`, starting from the `checkpoint_from` chain.
   The final chain must equal the `checkpoint_to` chain.
5. Every event in `data/events.jsonl` matches `filter` and none in `verification/context.jsonl` does. The filter
   compares the envelope header: `hdr.occurred_at` within [since, until), `hdr.actor.id` = actor, `hdr.type` =
   event_type, `hdr.category`, `hdr.decision_kind`, `hdr.subject` (an absent filter field matches anything).
   A matching event left out, moved to the context file or altered therefore fails step 4 or 5.
6. `grant` is the platform's export grant: `signature` is the base64 Ed25519 signature, by the platform's key
   (obtained from the platform out of band, `GET /v1/platform-key`), of the RFC 8785 JSON of the grant's other
   fields; `purpose` is `export-grant`, `roles` holds `lead`, `user` = `requested_by.id`, `filter` = `filter`,
   and `include_pii` is true exactly when `pseudonymised` is false.
7. Every line with `"redacted"` appears in an attestation in `verification/redactions.json` (each signed like the
   grant, `purpose` `export-redactions`, `grant_id` the grant's) with the same `seq` and `leaf` and
   `redacted_sha256` = SHA-256 of the RFC 8785 JSON of the line's `envelope`: the platform saw the original event,
   checked that it hashes to `leaf` and that only the listed values were replaced, and signed. A redacted line
   without such an attestation may be any event in disguise.

The CSV/XLSX/PDF files in `data/` are views of the events in `data/events.jsonl`; their escaping is stated in
`csv_escaping` and each is covered by its SHA-256 in step 2.
"""
