"""RFC 9457 problem details: the one error shape of the platform API (``application/problem+json``)."""

from __future__ import annotations

from typing import Any

PROBLEM_BASE = "https://moderator-workstation.dev/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    409: "Conflict",
    410: "Gone",
    413: "Content too large",
    422: "Unprocessable request body",
    423: "Locked",
    429: "Too many requests",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
}


class Problem(Exception):
    """Raised anywhere in the server; rendered as problem+json by the app's exception handler."""

    def __init__(self, status: int, slug: str, detail: str, *, headers: dict[str, str] | None = None,
                 **extensions: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.headers = headers or {}
        self.extensions = extensions

    def body(self) -> dict[str, Any]:
        return problem_body(self.status, self.slug, self.detail, **self.extensions)


def problem_body(status: int, slug: str, detail: str, **extensions: Any) -> dict[str, Any]:
    return {"type": PROBLEM_BASE + slug, "title": TITLES.get(status, "Error"), "status": status, "detail": detail,
            **extensions}
