"""Write an export bundle::

    OUT/
      data/events.jsonl              the matching events: {"seq":N,"envelope":<the stored canonical bytes>}
      data/events.csv | events.xlsx | report.pdf        human views (as asked)
      verification/context.jsonl     the other events of the proven range (needed to prove none was withheld)
      VERIFY.md                      how to check the bundle without our software
      verification/redactions.json   the platform's signed attestation of every redacted line (when any)
      manifest.json, manifest.sig    filter, range, checkpoints, counts, the platform's export grant, SHA-256 of
                                     every file; Ed25519 signature

An event whose envelope holds an author identity is written pseudonymised, with its leaf hash and the paths
changed ("redacted"): its place in the chain is proven by the leaf; that the line is that event with only those
values replaced is attested by the platform, which was shown the original (``attest``) and signed the SHA-256 of
the redacted envelope. A line the platform did not attest is not a redaction but a forgery.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from moderator_app import __version__
from moderator_app.audit.exports.matching import filter_to_json
from moderator_app.audit.exports.pseudonyms import Pseudonymiser
from moderator_app.audit.exports.report_stats import ReportStats
from moderator_app.audit.exports.selection import ProofRange, proof_range
from moderator_app.audit.exports.sqlite_fast import write_sqlite
from moderator_app.audit.exports.stream import ExportCancelled, Formats, PageWriter, check_cancel, write_generic
from moderator_app.audit.exports.verify_text import VERIFY_MD
from moderator_app.audit.exports.views import (
    COLUMNS,
    CSV_ESCAPING,
    SHEET_DATA_ROWS,
    CsvView,
    HashedFile,
    Views,
    XlsxView,
    export_language,
    headers,
)
from moderator_app.audit.keys import SigningKey
from moderator_app.audit.store import AuditStore
from moderator_app.core.audit import CancelToken, Checkpoint, EventFilter, ProgressCallback, utc_timestamp
from moderator_app.core.errors import StorageError, UsageError

__all__ = ["ExportCancelled", "ExportRequest", "ExportResult", "write_bundle"]

FORMAT_ID = "moderator-workstation-export/1"
FORMATS = ("csv", "xlsx", "jsonl", "pdf")
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
EVENTS, CONTEXT = "data/events.jsonl", "verification/context.jsonl"
REDACTIONS = "verification/redactions.json"
_REDACTED_LINE = re.compile(rb'\{"seq":\d+,"leaf":"')
# (seq, leaf hex, original envelope bytes, redacted envelope, changed paths) -> the platform's signed attestations
Attest = Callable[[list[tuple[int, str, bytes, dict[str, Any], list[str]]]], list[dict[str, Any]]]
CSV, XLSX = "data/events.csv", "data/events.xlsx"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    wanted: EventFilter
    formats: tuple[str, ...]
    out: Path
    requested_by: str
    role: str
    workstation: str
    language: str = "en"  # the PDF report's and the CSV/XLSX headers' language: "en" or "zh"


@dataclass(frozen=True, slots=True)
class ExportResult:
    out: Path
    export_id: str
    matching: int
    context: int
    redacted: int
    manifest_sha256: str
    first_seq: int = 0
    last_seq: int = 0
    files: dict[str, str] = field(default_factory=dict)


def prepare_folder(out: Path) -> bool:
    """Create OUT (True) or accept an existing empty folder (False); anything else is refused."""
    if out.exists():
        if not out.is_dir():
            raise UsageError(f"--out {out} exists and is not a folder")
        if any(out.iterdir()):
            raise UsageError(f"--out {out} is not empty: an export never overwrites files")
        created = False
    else:
        created = True
    try:
        (out / "data").mkdir(parents=True, exist_ok=True)
        (out / "verification").mkdir(exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot create the folder there ({exc.strerror or exc})") from None
    return created


def write_bundle(store: AuditStore, request: ExportRequest, head: Checkpoint, signer: SigningKey,
                 pseudonymiser: Pseudonymiser | None, progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None, *, grant: dict[str, Any] | None = None,
                 attest: Attest | None = None) -> ExportResult:
    unknown = sorted(set(request.formats) - set(FORMATS))
    if unknown:
        raise UsageError(f"unknown export format {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    created = prepare_folder(request.out)
    try:
        return _write(store, request, head, signer, pseudonymiser, progress, cancel, grant, attest)
    except OSError as exc:  # disk full, folder removed or made read-only meanwhile: one line, nothing left behind
        with suppress(OSError):
            _remove_partial(request.out, created)
        raise StorageError(f"cannot write the export to {request.out}: {exc.strerror or exc}") from None
    except BaseException:
        _remove_partial(request.out, created)
        raise


def _remove_partial(out: Path, created: bool) -> None:
    if created:
        shutil.rmtree(out, ignore_errors=True)
        return
    for child in out.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def _write(store: AuditStore, request: ExportRequest, head: Checkpoint, signer: SigningKey,
           pseudonymiser: Pseudonymiser | None, progress: ProgressCallback | None,
           cancel: CancelToken | None, grant: dict[str, Any] | None, attest: Attest | None) -> ExportResult:
    proof = proof_range(store, request.wanted, head)
    out = request.out
    formats = Formats(csv="csv" in request.formats, xlsx="xlsx" in request.formats, stats="pdf" in request.formats)
    written: dict[str, str] = {}  # digests of the files hashed while they were written
    events, context = HashedFile(out / EVENTS), HashedFile(out / CONTEXT)
    views = Views(None, None)
    complete = False
    try:
        views.csv = CsvView(out / CSV, request.language) if formats.csv else None
        views.xlsx = XlsxView(out / XLSX, request.language) if formats.xlsx else None
        writer = PageWriter(events, context, views, ReportStats() if formats.stats else None)
        write = write_sqlite if store.dialect == "sqlite" else write_generic
        write(store, proof, request.wanted, pseudonymiser, writer, formats, progress, cancel)
        complete = True
    finally:
        events.close()
        context.close()
        views.close(complete=complete)
    check_cancel(cancel)  # asked for while the workbook was assembled (XlsxWriter's close cannot be interrupted)
    written[EVENTS], written[CONTEXT] = events.hexdigest(), context.hexdigest()
    if views.csv is not None:
        written[CSV] = views.csv.file.hexdigest()
    if progress is not None:
        progress(proof.size, proof.size)
    export_id = str(uuid.uuid4())
    if attest is not None and writer.counts["redacted"]:
        attestations = attest(list(_redacted_lines(store, out)))
        (out / REDACTIONS).write_text(json.dumps({"attestations": attestations}, indent=1, sort_keys=True,
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "VERIFY.md").write_text(VERIFY_MD, encoding="utf-8")
    if writer.stats is not None:
        from moderator_app.audit.exports.report_pdf import write_pdf

        write_pdf(out / "data" / "report.pdf", writer.stats, request, export_id, written[EVENTS])
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            name = path.relative_to(out).as_posix()
            files[name] = written.get(name) or sha256_file(path)  # the XLSX, PDF and VERIFY.md: once, closed
    counts = writer.counts
    manifest = _manifest(store, request, proof, signer, pseudonymiser, export_id, counts, files, views)
    manifest["grant"] = grant
    manifest_bytes = (json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    (out / MANIFEST).write_bytes(manifest_bytes)
    (out / SIGNATURE).write_text(base64.b64encode(signer.sign(manifest_bytes)).decode("ascii") + "\n",
                                 encoding="ascii")
    return ExportResult(out, export_id, counts["matching"], counts["context"], counts["redacted"],
                        hashlib.sha256(manifest_bytes).hexdigest(), proof.first_seq, proof.last_seq, files)


def _manifest(store: AuditStore, request: ExportRequest, proof: ProofRange, signer: SigningKey,
              pseudonymiser: Pseudonymiser | None, export_id: str, counts: dict[str, int], files: dict[str, str],
              views: Views) -> dict[str, Any]:
    keys = store.public_keys()
    needed = {c.key_id for c in (proof.start, proof.end) if c is not None}
    return {
        "format": FORMAT_ID, "export_id": export_id, "created_at": utc_timestamp(),
        "tool": f"moderator-app {__version__}",
        "log_id": store.log_id, "requested_by": {"id": request.requested_by, "role": request.role},
        "workstation": request.workstation, "filter": filter_to_json(request.wanted),
        "formats": list(request.formats),
        "range": {"first_seq": proof.first_seq, "last_seq": proof.last_seq},
        "checkpoint_from": asdict(proof.start) if proof.start else None, "checkpoint_to": asdict(proof.end),
        "counts": counts, "pseudonymised": pseudonymiser is not None,
        "pseudonym_key_id": pseudonymiser.key_id if pseudonymiser else None,
        "columns": list(COLUMNS), "column_headers": list(headers(request.language)),
        "language": export_language(request.language), "csv_escaping": CSV_ESCAPING,
        "xlsx_sheet_data_rows": SHEET_DATA_ROWS,
        "xlsx_sheets": views.xlsx.sheets if views.xlsx is not None else 0,
        "files": files,
        "keys": {key_id: keys[key_id].hex() for key_id in sorted(needed) if key_id in keys},
        "signer": {"key_id": signer.key_id, "public_key": signer.public_key.hex()},
    }


def _redacted_lines(store: AuditStore, out: Path) -> Iterator[tuple[int, str, bytes, dict[str, Any], list[str]]]:
    """Every redacted line of the bundle with its original envelope from the log, for the platform to check."""
    for name in (EVENTS, CONTEXT):
        with (out / name).open("rb") as handle:
            for line in handle:
                if _REDACTED_LINE.match(line) is None:  # a plain line: {"seq":N,"envelope":…}
                    continue
                data = json.loads(line)
                row = next(store.iter_events(data["seq"], data["seq"]), None)
                if row is not None:
                    yield data["seq"], data["leaf"], bytes(row[1]), data["envelope"], data["redacted"]


def sha256_file(path: Path, on_chunk: Callable[[], None] | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            if on_chunk is not None:
                on_chunk()
    return digest.hexdigest()
