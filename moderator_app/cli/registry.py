"""Command name -> (module, one-line help). Modules are imported only when their command runs (pip's idea).

Each module provides ``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str]] = {
    "policy": ("moderator_app.cli.policy", "check and show policy packs"),
    "suggest": ("moderator_app.cli.suggest", "suggest Article 10 categories for posts (JSONL); train; eval"),
}
