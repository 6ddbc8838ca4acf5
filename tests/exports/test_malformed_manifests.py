"""Malformed export manifests, even re-signed by someone holding a workstation key, are reported as one problem
naming manifest.json, never a traceback (issue 16)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from moderator_app.audit.exports.verify_bundle import verify_bundle
from moderator_app.services.audit_service import AuditLogService
from tests.exports.conftest import Export

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("manifest", [
    DEEP, "[]", {"files": [1]}, {"range": "x"}, {"checkpoint_to": {"seq": "x"}}, {"signer": []}, {"keys": 3},
    "drop files", {"filter": [1]},
])
def test_malformed_manifests_are_one_problem_even_when_re_signed(export: Export, audit_log: AuditLogService,
                                                                 manifest: Any) -> None:
    result = export(formats=("jsonl",))
    path = result.out / "manifest.json"
    original = json.loads(path.read_bytes())
    if manifest == "drop files":
        original.pop("files")
        manifest = original
    text = manifest if isinstance(manifest, str) else json.dumps({**original, **manifest})
    path.write_text(text, encoding="utf-8")
    # re-signed by someone holding a workstation key: the signature verifies, the shape is checked anyway
    signature = audit_log.writer.key.sign(path.read_bytes())
    (result.out / "manifest.sig").write_text(base64.b64encode(signature).decode() + "\n", encoding="ascii")
    report = verify_bundle(result.out)
    assert not report.ok and report.problems[0].startswith(("manifest.json: ", "manifest.sig: "))
    assert all("\n" not in problem for problem in report.problems)
