"""The platform's HTTP API client (requests): wire format <-> core models; errors mapped to core.errors."""
