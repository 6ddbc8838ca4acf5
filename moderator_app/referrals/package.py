"""Build an evidence package: a BagIt bag (sha256 manifests) signed with the workstation's Ed25519 key.

    referral-<id>/
      bagit.txt  bag-info.txt  manifest-sha256.txt  tagmanifest-sha256.txt
      tagmanifest-sha256.txt.sig      signature over the tag manifest's SHA-256 (outside the tag manifest)
      data/snapshot.json              the evidence snapshot exactly as the referral_created event recorded it
      data/referral.pdf               the human-readable report (Chinese, font embedded)
      data/events.jsonl               the referral's audit events: {"seq", "envelope", "writer_key_id",
                                      "writer_signature"} (canonical envelopes, each writer's Ed25519 over its leaf)
      data/media/<sha256>.<ext>       the post's images as captured (their SHA-256 is in snapshot.json)
      verification/checkpoint.json    the signed checkpoint covering the events, with the signer's public key
      verification/chain.json         leaf hashes from the first referral event to the checkpoint (no content)
      verification/writer-keys.json   key id -> public key of every workstation that wrote one of the events
      verification/platform-key.json  the platform key that countersigned the approval or rejection (when there
                                      is one), as the exporting workstation pinned it
      verification/VERIFY.md          how to check all of this by hand (Chinese and English)

``verify.verify_package`` checks every byte of it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import threading
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from moderator_app.audit.keys import SigningKey
from moderator_app.core.audit import Checkpoint, RecordedEvent, utc_timestamp
from moderator_app.core.errors import StorageError, UsageError
from moderator_app.core.policy import PolicyPack
from moderator_app.referrals.evidence import canonical_bytes, media_type
from moderator_app.referrals.model import Referral
from moderator_app.referrals.pdf import ReportContext, render_pdf
from moderator_app.referrals.zh import HandlingStatus

SIGNATURE_FILE = "tagmanifest-sha256.txt.sig"
SIGNATURE_DOMAIN = "moderator-workstation/referral-package/v1"
# bagit changes the working directory while it hashes; two bags at once in one process must take turns.
_BAGIT_LOCK = threading.Lock()
VERIFY_TEXT = """# 核验本证据包 / Verifying this evidence package

## 中文

1. `tagmanifest-sha256.txt.sig` 为 JSON：`signed_sha256` 是 `tagmanifest-sha256.txt` 的 SHA-256；
   `signature` 是公钥 `public_key`（十六进制）对 UTF-8 文本
   `moderator-workstation/referral-package/v1\\n<signed_sha256>\\n` 的 Ed25519 签名（base64）。
2. `tagmanifest-sha256.txt` 列出每个标签文件的 SHA-256，`manifest-sha256.txt` 列出每个数据文件的 SHA-256。
   不得有任何未列出的文件。
3. `data/events.jsonl` 每行是一条审计记录；其叶哈希为 SHA-256(0x00 || 记录的 RFC 8785 规范化字节)，
   必须等于 `verification/chain.json` 中的 `leaf_hashes[seq - first_seq]`。
4. 从 `prev_chain_hash` 开始，对全部叶哈希依次计算 chain = SHA-256(chain || seq（8 字节大端）|| leaf)，
   结果必须等于 `verification/checkpoint.json` 的 `chain_hash`；该检查点的 `note` 由 `public_key` 签名
   （Ed25519，base64 `signature`）。请将该公钥与贵单位掌握的工作站公钥清单核对。
5. `data/snapshot.json` 等于 referral_created 记录中的 `evidence`，每项证据的 RFC 8785 字节的 SHA-256
   等于 `digests` 中对应的值；`data/media/` 中每个文件的 SHA-256 等于快照中对应媒体的 `sha256`。
6. `data/events.jsonl` 每行的 `writer_signature` 是 `writer_key_id` 对该记录叶哈希的 Ed25519 签名（base64），
   公钥见 `verification/writer-keys.json`（十六进制）。
7. 四眼原则：批准（referral_approved）或驳回（referral_rejected）记录的 `body.countersignature` 须为平台会签：
   `signed` 中 `purpose` 为 `referral-decision`，`referral_id`、`approver`（即该记录的操作人）、`created_by`
   （即 referral_created 记录的操作人）与记录一致，`evidence_digest` 等于 `data/snapshot.json` 的 SHA-256，
   `decision` 为 `approved` 或 `rejected`；`signature` 是平台公钥对 `signed` 的 RFC 8785 字节的 Ed25519 签名。
   没有会签或会签不符的批准视为伪造。平台公钥须从平台获取，不可只信本包所附的
   `verification/platform-key.json`：向平台请求 `GET /v1/platform-key`（无需登录），或由平台运营方书面提供，
   核对 `key_id`（公钥 SHA-256 的前 16 位十六进制）。

`moderator-app referral verify-package <本目录> --platform-key <平台公钥文件>` 自动完成以上全部检查。

## English

1. `tagmanifest-sha256.txt.sig` is JSON: `signed_sha256` is the SHA-256 of `tagmanifest-sha256.txt`;
   `signature` is Ed25519 (base64) by `public_key` (hex) over the UTF-8 text
   `moderator-workstation/referral-package/v1\\n<signed_sha256>\\n`.
2. `tagmanifest-sha256.txt` lists the SHA-256 of every tag file; `manifest-sha256.txt` of every payload file.
   No other file may be present.
3. Each line of `data/events.jsonl` holds an audit envelope; its leaf hash is SHA-256(0x00 || RFC 8785 bytes of
   the envelope) and must equal `leaf_hashes[seq - first_seq]` of `verification/chain.json`.
4. Starting from `prev_chain_hash`, chain = SHA-256(chain || seq as 8 big-endian bytes || leaf) over all leaf
   hashes must end at `chain_hash` of `verification/checkpoint.json`, whose `note` is signed (Ed25519, base64
   `signature`) by the key `public_key`; pin that key against your organisation's list of workstation keys.
5. `data/snapshot.json` equals the `evidence` of the referral_created event, and each item's SHA-256 over its
   RFC 8785 bytes equals `digests[item]`; each file in `data/media/` has the SHA-256 its media entry records.
6. Each line's `writer_signature` is Ed25519 (base64) by `writer_key_id` over the event's leaf hash; the public
   keys (hex) are in `verification/writer-keys.json`.
7. Four eyes: an approval (referral_approved) or rejection (referral_rejected) counts only with the platform's
   countersignature in `body.countersignature`: `signed` has `purpose` `referral-decision`, the event's
   `referral_id`, `approver` = the event's actor, `created_by` = the referral_created event's actor,
   `evidence_digest` = SHA-256 of `data/snapshot.json`, `decision` `approved` or `rejected`; `signature` is the
   platform key's Ed25519 over the RFC 8785 bytes of `signed`. Without it the approval is forged. Get the platform
   key from the platform, not only from `verification/platform-key.json` in this package: `GET /v1/platform-key`
   (no login needed) or in writing from the platform's operator; compare `key_id` (first 16 hex digits of the
   public key's SHA-256).

`moderator-app referral verify-package <this folder> --platform-key <platform key file>` does all of it.
"""


@dataclass(frozen=True, slots=True)
class ChainSegment:
    """What links the referral's events to the checkpoint without disclosing other events."""

    log_id: str
    first_seq: int
    prev_chain_hash: str  # hex, the chain hash at first_seq - 1
    leaf_hashes: tuple[str, ...]  # hex, first_seq .. checkpoint seq


@dataclass(frozen=True, slots=True)
class PackageInputs:
    referral: Referral
    events: tuple[RecordedEvent, ...]
    checkpoint: Checkpoint
    checkpoint_public_key: bytes
    segment: ChainSegment
    exported_by: str
    workstation: str
    handling: HandlingStatus
    pack: PolicyPack | None = None
    media: Mapping[str, bytes] = field(default_factory=dict)  # sha256 -> the bytes recorded at capture
    writers: Mapping[int, tuple[str, bytes]] = field(default_factory=dict)  # seq -> (writer key id, signature)
    writer_keys: Mapping[str, bytes] = field(default_factory=dict)  # key id -> public key
    platform_key: tuple[str, bytes] | None = None  # (key id, public key) of the countersigning platform


def package_name(referral_id: str) -> str:
    return f"referral-{referral_id}"


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _events_jsonl(events: Iterable[RecordedEvent], writers: Mapping[int, tuple[str, bytes]]) -> bytes:
    def line(event: RecordedEvent) -> bytes:
        key_id, signature = writers.get(event.seq, ("", b""))
        return canonical_bytes({"seq": event.seq, "envelope": json.loads(event.envelope), "writer_key_id": key_id,
                                "writer_signature": base64.b64encode(signature).decode("ascii")}) + b"\n"

    return b"".join(line(e) for e in events)


def _write_media(folder: Path, media: Mapping[str, bytes]) -> dict[str, Path]:
    """Each image as its own file, named by its SHA-256 (checked again here: the bytes come from the log)."""
    files: dict[str, Path] = {}
    for digest, content in sorted(media.items()):
        if hashlib.sha256(content).hexdigest() != digest:
            raise StorageError(f"the recorded media {digest[:12]}… does not match its SHA-256; not exported")
        folder.mkdir(exist_ok=True)
        files[digest] = folder / f"{digest}.{media_type(content)[1]}"
        files[digest].write_bytes(content)
    return files


def signature_message(signed_sha256: str) -> bytes:
    return f"{SIGNATURE_DOMAIN}\n{signed_sha256}\n".encode()


def build_package(inputs: PackageInputs, out_dir: Path, key: SigningKey) -> Path:
    """Write the package as ``out_dir/referral-<id>`` (complete or not at all) and return its path."""
    referral = inputs.referral
    target = out_dir / package_name(referral.referral_id)
    if target.exists():
        raise UsageError(f"{target} already exists; choose another --out folder or remove it")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out_dir}: {exc.strerror}") from None
    import bagit  # here, not at the top: the GUI starts without it (and a frozen build reads its metadata on import)

    work = out_dir / f".{package_name(referral.referral_id)}.partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        snapshot = canonical_bytes(referral.evidence)
        (work / "snapshot.json").write_bytes(snapshot)
        (work / "events.jsonl").write_bytes(_events_jsonl(inputs.events, inputs.writers))
        package_id = f"{package_name(referral.referral_id)}@{inputs.checkpoint.seq}"
        media_files = _write_media(work / "media", inputs.media)
        render_pdf(referral, work / "referral.pdf", ReportContext(
            package_id, hashlib.sha256(snapshot).hexdigest(), inputs.handling, inputs.pack, media_files))
        info = {"Source-Organization": "Moderator Workstation", "External-Identifier": package_id,
                "External-Description": f"Police referral {referral.referral_id} (Article 7(8)) evidence package",
                "Bagging-Date": utc_timestamp()[:10], "Contact-Name": inputs.exported_by,
                "Internal-Sender-Identifier": inputs.workstation}
        with _BAGIT_LOCK:
            bag = bagit.make_bag(str(work.resolve()), info, checksums=["sha256"])
            verification = work / "verification"
            verification.mkdir()
            _write_json(verification / "checkpoint.json",
                        {**asdict(inputs.checkpoint), "public_key": inputs.checkpoint_public_key.hex()})
            _write_json(verification / "chain.json", asdict(inputs.segment))
            _write_json(verification / "writer-keys.json", {k: v.hex() for k, v in inputs.writer_keys.items()})
            if inputs.platform_key is not None:
                _write_json(verification / "platform-key.json", {
                    "key_id": inputs.platform_key[0], "algorithm": "ed25519",
                    "public_key": base64.b64encode(inputs.platform_key[1]).decode("ascii"),
                    "note": "as pinned by the exporting workstation; check it against the key the platform "
                            "publishes (GET /v1/platform-key) with verify-package --platform-key"})
            (verification / "VERIFY.md").write_text(VERIFY_TEXT, encoding="utf-8")
            bag.save()  # regenerates the tag manifest over bag-info, manifests and verification/*
        tag_digest = hashlib.sha256((work / "tagmanifest-sha256.txt").read_bytes()).hexdigest()
        _write_json(work / SIGNATURE_FILE, {
            "algorithm": "Ed25519", "key_id": key.key_id, "public_key": key.public_key.hex(),
            "signed_file": "tagmanifest-sha256.txt", "signed_sha256": tag_digest,
            "signature": base64.b64encode(key.sign(signature_message(tag_digest))).decode("ascii"),
        })
        work.rename(target)
    except (bagit.BagError, OSError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise StorageError(f"could not write the evidence package in {out_dir}: {exc}") from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target
