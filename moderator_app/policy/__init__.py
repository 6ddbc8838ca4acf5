"""Policy packs: TOML files in resources/policies (and the user's policy folder) -> core.policy models."""

from moderator_app.policy.loader import DEFAULT_PACK_ID, available_packs, load_pack, load_pack_by_id

__all__ = ["DEFAULT_PACK_ID", "available_packs", "load_pack", "load_pack_by_id"]
