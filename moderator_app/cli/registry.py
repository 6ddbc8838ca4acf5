"""Command name -> (module, one-line help). Modules are imported only when their command runs (pip's idea).

Each module provides ``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str]] = {
    "policy": ("moderator_app.cli.policy", "check and show policy packs"),
    "audit": ("moderator_app.cli.audit", "verify the audit log; export it (team leads)"),
    "db": ("moderator_app.cli.db", "create or upgrade the audit database schema"),
    "suggest": ("moderator_app.cli.suggest", "suggest Article 10 categories for posts (JSONL); train; eval"),
    "demo-platform": ("moderator_app.cli.demo_platform", "run the reference platform server with demo data"),
    "decide": ("moderator_app.cli.decide", "send bulk decisions from a CSV file (leads), through the outbox"),
    "referral": ("moderator_app.cli.referral", "export and verify police-referral evidence packages"),
    "diagnose": ("moderator_app.cli.diagnose", "write a support bundle (versions, settings, log tail; no secrets)"),
    "config": ("moderator_app.cli.config", "show the effective settings and where each came from; check the platform"),
}
