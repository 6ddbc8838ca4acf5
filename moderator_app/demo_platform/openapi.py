"""The served OpenAPI document, with every error answer declared as application/problem+json."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from moderator_app.demo_platform.problems import PROBLEM_MEDIA_TYPE
from moderator_app.demo_platform.schemas import ProblemOut

ERRORS_BY_METHOD = {
    "get": (400, 401, 403, 404, 429, 503),
    "post": (400, 401, 403, 404, 409, 413, 422, 423, 429, 503),
    "delete": (401, 404, 429, 503),
}
ERROR_TEXT = {
    400: "A body that cannot be read as JSON, or a cursor this server did not hand out",
    401: "No valid access token (problem+json)",
    403: "The user's role does not allow this",
    404: "No such resource",
    409: "Conflict: the post was decided already (existing_decision), no valid lease, or the moderator already holds "
         "their share of the queue (reason)",
    413: "The request body is larger than 1 MiB",
    422: "Malformed body or parameters; errors lists each problem",
    423: "The item is claimed by someone else",
    429: "Rate limited; retry after Retry-After seconds",
    503: "Temporarily unavailable; retry after Retry-After seconds",
}


def problem_aware_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, openapi_version=app.openapi_version,
                       summary=app.summary, description=app.description, routes=app.routes)
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    problem = ProblemOut.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem
    problem_ref = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    retry_after = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            for status in ERRORS_BY_METHOD.get(method, ()):
                if status == 403 and not path.startswith("/v1/decisions"):
                    continue
                if path == "/v1/auth/login" and status in (403, 404, 409, 423):
                    continue
                responses.setdefault(str(status), {"description": ERROR_TEXT[status]})
            for status, answer in responses.items():
                if status.startswith(("4", "5")):
                    answer["content"] = copy.deepcopy(problem_ref)  # copies: YAML would print anchors otherwise
                    if status in ("429", "503"):
                        answer["headers"] = copy.deepcopy(retry_after)
    for unused in ("HTTPValidationError", "ValidationError"):  # FastAPI's 422 shape; ours is the Problem
        schemas.pop(unused, None)
    app.openapi_schema = spec
    return spec


def openapi_yaml() -> str:
    """The contract as committed in resources/platform-api.yaml (regenerate: demo-platform --print-openapi)."""
    import yaml

    from moderator_app.demo_platform.app import create_app
    from moderator_app.demo_platform.store import PlatformStore

    store = PlatformStore(posts=1)
    try:
        spec = create_app(store).openapi()
    finally:
        store.close()
    header = "# Generated from the reference server: moderator-app demo-platform --print-openapi\n"
    return header + yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=120)
