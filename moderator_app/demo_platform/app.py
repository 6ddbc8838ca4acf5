"""The reference platform's HTTP API (FastAPI). The contract: resources/platform-api.yaml (generated from here)."""


import base64
import binascii
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from moderator_app.core.decisions import Decision, validation_problems
from moderator_app.core.models import CategoryId, PostId, UserId
from moderator_app.demo_platform.limits import BodyLimit
from moderator_app.demo_platform.openapi import problem_aware_openapi
from moderator_app.demo_platform.problems import PROBLEM_MEDIA_TYPE, Problem, problem_body
from moderator_app.demo_platform.schemas import (
    AuthorHistoryOut,
    ClaimIn,
    ClaimOut,
    DecisionIn,
    DecisionOut,
    DecisionPageOut,
    ExportGrantIn,
    ExportGrantOut,
    LeaseOut,
    LoginIn,
    LoginOut,
    PlatformKeyOut,
    PostDetailOut,
    QueuePageOut,
    RedactionsIn,
    RedactionsOut,
    ReferralDecisionIn,
    ReferralDecisionOut,
    WitnessIn,
    WitnessReceiptOut,
    WitnessReceiptPageOut,
)
from moderator_app.demo_platform.store import PlatformStore

API_VERSION = "1.0.0"  # the contract's version, independent of the app's
bearer = HTTPBearer(auto_error=False, description="The access_token from POST /v1/auth/login")
User = dict[str, Any]


def create_app(store: PlatformStore) -> FastAPI:
    app = FastAPI(
        title="Moderator Workstation platform API",
        version=API_VERSION,
        generate_unique_id_function=lambda route: route.name,
        summary="What a microblog platform offers the Moderator Workstation: queue, claims, decisions, history.",
        description="JSON over HTTPS, bearer tokens, UTC timestamps in RFC 3339, cursor pagination. Errors are "
        "application/problem+json (RFC 9457). See docs/platform-api.md.",
    )
    app.openapi = lambda: problem_aware_openapi(app)  # type: ignore[method-assign]
    _install_error_handlers(app)
    app.add_middleware(BodyLimit)

    def current_user(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> User:
        if creds is None:
            raise Problem(401, "unauthenticated", "Log in first: send Authorization: Bearer <access_token>",
                          headers={"WWW-Authenticate": "Bearer"})
        try:
            return store.user_for_token(creds.credentials)
        except Problem as exc:
            exc.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
            raise

    def current_lead(user: Annotated[User, Depends(current_user)]) -> User:
        if "lead" not in user["roles"]:
            raise Problem(403, "forbidden", "This needs the lead role")
        return user

    CurrentUser = Annotated[User, Depends(current_user)]
    CurrentLead = Annotated[User, Depends(current_lead)]

    @app.post("/v1/auth/login", tags=["auth"])
    def login(body: LoginIn) -> LoginOut:
        """Exchange user name and password for a bearer token (demo users mod1, mod2, lead1; password demo)."""
        return LoginOut.model_validate(store.login(body.username, body.password))

    @app.post("/v1/auth/logout", status_code=204, tags=["auth"])
    def logout(user: CurrentUser, creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]) -> Response:
        """Invalidate the token."""
        store.logout(creds.credentials)
        return Response(status_code=204)

    @app.get("/v1/queue", tags=["queue"])
    def queue(
        user: CurrentUser,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        cursor: Annotated[str | None, Query(max_length=100, description="next_cursor of the previous page")] = None,
        reason: Annotated[str | None, Query(max_length=64, description="Only items with this report reason")] = None,
        category: Annotated[str | None, Query(max_length=16, description="Only items with this category hint")] = None,
    ) -> QueuePageOut:
        """Undecided flagged items, most urgent first, with a cursor for the next page."""
        items, next_after = store.queue_page(user, limit=limit, after=_decode_cursor(cursor), reason=reason,
                                             category=category)
        return QueuePageOut.model_validate(
            {"items": items, "next_cursor": None if next_after is None else _encode_cursor(next_after)})

    @app.post("/v1/claims", status_code=201, tags=["claims"])
    def claim(user: CurrentUser, body: ClaimIn) -> ClaimOut:
        """Claim the next `count` free items, or the given `post_ids` (all or none), for the lease period."""
        if (body.count is None) == (body.post_ids is None):
            raise Problem(422, "invalid-body", "Send either count or post_ids, not both and not neither")
        return ClaimOut.model_validate(store.claim(user, count=body.count, post_ids=body.post_ids))

    @app.post("/v1/claims/{lease_id}/renew", tags=["claims"])
    def renew(user: CurrentUser, lease_id: str) -> LeaseOut:
        """Extend a lease that has not expired yet."""
        return LeaseOut.model_validate(store.renew(user, lease_id))

    @app.delete("/v1/claims/{lease_id}", status_code=204, tags=["claims"])
    def release(user: CurrentUser, lease_id: str) -> Response:
        """Give the items back to the queue."""
        store.release(user, lease_id)
        return Response(status_code=204)

    @app.get("/v1/posts/{post_id}", tags=["posts"])
    def post_detail(user: CurrentUser, post_id: str) -> PostDetailOut:
        """One flagged post with its author, reports, media and, once decided, the decision."""
        return PostDetailOut.model_validate(store.post_detail(user, post_id))

    @app.post("/v1/posts/{post_id}/decisions", status_code=201, tags=["decisions"],
              responses={200: {"model": DecisionOut, "description": "A replay of an Idempotency-Key already used"}})
    def decide(
        user: CurrentUser,
        post_id: str,
        body: DecisionIn,
        response: Response,
        idempotency_key: Annotated[str, Header(alias="Idempotency-Key", min_length=8, max_length=200,
                                               description="Unique per decision; a replay returns the original")],
    ) -> DecisionOut:
        """Apply a decision. Replaying an Idempotency-Key returns the original; moderators need a valid lease."""
        decision = Decision(
            post_id=PostId(post_id), kind=body.kind, categories=tuple(CategoryId(c) for c in body.categories),
            note=body.note, moderator=UserId(user["id"]), client_time=body.client_time,
            idempotency_key=idempotency_key, restriction_days=body.restriction_days, refutation=body.refutation,
        )
        problems = validation_problems(decision)
        if problems:
            raise Problem(422, "invalid-decision", "; ".join(problems),
                          errors=[{"loc": ["body"], "msg": p} for p in problems])
        applied, replayed = store.decide(user, post_id, idempotency_key, body.model_dump(mode="json"))
        if replayed:
            response.status_code = 200
            response.headers["Idempotent-Replayed"] = "true"
        return DecisionOut.model_validate(applied)

    @app.get("/v1/authors/{author_id}/history", tags=["posts"])
    def author_history(user: CurrentUser, author_id: str) -> AuthorHistoryOut:
        """Earlier decisions on the author's posts, for context and repeat-offender signals."""
        return AuthorHistoryOut.model_validate(store.author_history(user, author_id))

    @app.get("/v1/media/{media_id}", tags=["posts"], response_class=Response,
             responses={200: {"content": {"image/png": {"schema": {"type": "string", "format": "binary"}}},
                              "description": "The image's bytes, as the platform stores them"}})
    def media_content(user: CurrentUser, media_id: str) -> Response:
        """The bytes of an image attached to a post, so a referral's evidence can hold them (and their hash)."""
        return Response(store.media_content(user, media_id), media_type="image/png")

    @app.get("/v1/decisions", tags=["decisions"])
    def decisions(
        lead: CurrentLead,
        since: Annotated[int, Query(ge=0, description="Only decisions with seq greater than this")] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> DecisionPageOut:
        """Every applied decision in platform order (leads only), for reconciliation."""
        items, next_since = store.decisions(since=since, limit=limit)
        return DecisionPageOut.model_validate({"items": items, "next_since": next_since})

    @app.get("/v1/platform-key", tags=["audit"])
    def platform_key() -> PlatformKeyOut:
        """The platform's Ed25519 public key, which signs witness receipts, export grants and countersignatures.
        Workstations pin it on first use; reviewers get it out of band."""
        return PlatformKeyOut.model_validate(store.platform_key())

    @app.post("/v1/referrals/{referral_id}/decision", status_code=201, tags=["referrals"],
              responses={200: {"model": ReferralDecisionOut, "description": "The same decision again: the stored one"},
                         403: {"description": "forbidden (not a lead) or four-eyes (the approver created it)"},
                         409: {"description": "referral-decided: another decision is already countersigned"}})
    def referral_decision(lead: CurrentUser, referral_id: Annotated[str, Path(max_length=64)],
                          body: ReferralDecisionIn, response: Response) -> ReferralDecisionOut:
        """A lead approves or rejects a police referral with their own token; the platform checks the role and that
        approver ≠ creator, and countersigns {referral_id, evidence_digest, decision, approver, created_by,
        decided_at} with its key, so nobody can record a four-eyes approval without the lead's login."""
        decided, replayed = store.referral_decision(lead, referral_id, body.model_dump())
        if replayed:
            response.status_code = 200
        return ReferralDecisionOut.model_validate(decided)

    @app.post("/v1/audit-witness", status_code=201, tags=["audit"],
              responses={409: {"description": "witness-fork (another hash at a witnessed seq) or witness-stale "
                                              "(a lower seq than the newest witnessed)"}})
    def audit_witness(user: CurrentUser, body: WitnessIn) -> WitnessReceiptOut:
        """Witness a workstation's audit chain head: a receipt signed by the platform key, kept by the platform.
        Monotonic per log: a different hash at a witnessed seq is a fork, a lower seq is refused."""
        return WitnessReceiptOut.model_validate(store.witness(user, body.model_dump()))

    @app.get("/v1/audit-witness", tags=["audit"])
    def audit_witness_receipts(
        lead: CurrentLead,
        log_id: Annotated[str, Query(min_length=1, max_length=200)],
        since: Annotated[int, Query(ge=0, description="Only receipts with seq greater than this")] = 0,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    ) -> WitnessReceiptPageOut:
        """Every receipt the platform signed for one log, in seq order (leads only), for `audit verify --witness`."""
        items, next_since = store.witness_receipts(log_id, since=since, limit=limit)
        return WitnessReceiptPageOut.model_validate({"log_id": log_id, "items": items, "next_since": next_since})

    @app.post("/v1/export-grants", status_code=201, tags=["audit"])
    def export_grant(lead: CurrentLead, body: ExportGrantIn) -> ExportGrantOut:
        """A signed permission for this lead to export the audit log with this filter (and identities or not);
        the bundle carries it and verify-export checks it with the platform key."""
        return ExportGrantOut.model_validate(store.export_grant(lead, body.model_dump()))

    @app.post("/v1/export-grants/{grant_id}/redactions", tags=["audit"])
    def attest_redactions(lead: CurrentLead, grant_id: str, body: RedactionsIn) -> RedactionsOut:
        """Check redacted events against their originals (hash = leaf, only the listed values replaced) and sign
        the list, so a verifier can trust exported lines whose identities were pseudonymised."""
        return RedactionsOut.model_validate(store.attest_redactions(
            lead, grant_id, [item.model_dump() for item in body.items]))

    return app


def _encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"q1:{position}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix == "q1" and number.isdigit():
            return int(number)
    except (binascii.Error, UnicodeDecodeError):
        pass
    raise Problem(400, "invalid-cursor", "The cursor is not one this server handed out")


def _install_error_handlers(app: FastAPI) -> None:
    def render(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> JSONResponse:
        return render(exc.status, exc.body(), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors)
        return render(422, problem_body(422, "invalid-body", detail or "Malformed request", errors=errors))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        return render(exc.status_code, problem_body(exc.status_code, slug, str(exc.detail)),
                      dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        return render(500, problem_body(500, "internal", "The platform failed to handle this request"))
