"""The platform's HTTP API client (requests): wire format <-> core models; errors mapped to core.errors.

``PlatformClient(base_url, options=HttpOptions(...), secrets=..., credentials=...)`` implements
``core.ports.PlatformGateway``.
"""

from moderator_app.platform_api.client import PlatformClient
from moderator_app.platform_api.session import HttpOptions
from moderator_app.platform_api.tokens import MemorySecretStore

__all__ = ["HttpOptions", "MemorySecretStore", "PlatformClient"]
