"""Which policy pack to use: by id (shipped or the team's own) or by file path. Light: no engine imports."""

from __future__ import annotations

from pathlib import Path

from moderator_app import paths
from moderator_app.core.policy import PolicyPack
from moderator_app.policy import DEFAULT_PACK_ID, load_pack, load_pack_by_id


def load_policy(policy: str | None = None) -> PolicyPack:
    """A pack by id (shipped or the user's), or by file path; the default pack when None."""
    policy = policy or DEFAULT_PACK_ID
    if policy.endswith(".toml") or "/" in policy:
        return load_pack(Path(policy))
    return load_pack_by_id(policy, paths.policy_dirs())
