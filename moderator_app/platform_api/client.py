"""``PlatformClient``: the platform API over one requests.Session, implementing ``core.ports.PlatformGateway``."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import requests

from moderator_app.core import redaction
from moderator_app.core.decisions import Decision, DecisionPage, PlatformDecision, PostDetail
from moderator_app.core.errors import AuthenticationRequired, PlatformUnavailable, ProtocolError
from moderator_app.core.models import (
    AuthorHistory,
    AuthorId,
    AuthSession,
    Claim,
    Lease,
    PlatformKey,
    PostId,
    QueuePage,
    ReferralCountersignature,
    User,
    WitnessReceipt,
)
from moderator_app.core.ports import PlatformGateway, SecretStore
from moderator_app.platform_api import deadline, wire
from moderator_app.platform_api.errors import error_for
from moderator_app.platform_api.session import IDEMPOTENT_METHODS, HttpOptions, make_session
from moderator_app.platform_api.tokens import MemorySecretStore

Credentials = Callable[[], tuple[str, str]]


class PlatformClient:
    """Blocking; call it off the GUI thread. Safe to share between threads (one token, one pooled Session)."""

    def __init__(
        self,
        base_url: str,
        *,
        options: HttpOptions | None = None,
        secrets: SecretStore | None = None,
        credentials: Credentials | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self.options = options or HttpOptions()
        self.secrets: SecretStore = secrets if secrets is not None else MemorySecretStore()
        self.credentials = credentials  # asked for user + password again when the token is refused (401)
        self.session = session or make_session(self.options)
        deadline.install(self.session)
        self.user: User | None = None
        self._token: str | None = None
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return self._base_url

    def _token_name(self, username: str) -> str:
        return f"platform-token {self._base_url} {username}"

    # --- auth ---------------------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> AuthSession:
        redaction.remember(password)  # never in the log, whatever a library prints
        # Logging in changes nothing on the platform, so a transient failure is simply tried again.
        attempts = self.options.retries + 1
        with deadline.deadline(self.options.deadline) as watching:
            for attempt in range(attempts):
                try:
                    body = self._send("POST", "/v1/auth/login",
                                      json_body={"username": username, "password": password}, authenticated=False)
                    break
                except PlatformUnavailable:
                    if attempt == attempts - 1 or watching.expired:
                        raise
                    time.sleep(min(self.options.backoff_factor * 2**attempt, self.options.retry_after_cap,
                                   watching.remaining()))
                except AuthenticationRequired as exc:
                    raise AuthenticationRequired(f"The platform refused the user name or password of {username}",
                                                 status=exc.status) from None
        token, session = wire.auth_session(wire.Node(body))
        with self._lock:
            self._token = token
            self.user = session.user
        self.secrets.set(self._token_name(username), token)
        return session

    def resume(self, username: str) -> bool:
        """Use a token kept in the keyring from an earlier session; False when there is none."""
        token = self.secrets.get(self._token_name(username))
        with self._lock:
            self._token = token
        return token is not None

    def logout(self) -> None:
        user = self.user
        try:
            if self._token:
                self._send_once("POST", "/v1/auth/logout", None, None, None, True, False)
        except AuthenticationRequired:
            pass  # the token was no longer valid: logged out either way
        finally:
            with self._lock:
                self._token = None
                self.user = None
            if user is not None:
                self.secrets.delete(self._token_name(user.user_id))

    # --- the API ------------------------------------------------------------------------------------------

    def queue_page(
        self, *, limit: int = 50, cursor: str | None = None, reason: str | None = None, category: str | None = None
    ) -> QueuePage:
        params = {"limit": limit, "cursor": cursor, "reason": reason, "category": category}
        return wire.queue_page(wire.Node(self._send("GET", "/v1/queue", params=params)))

    def claim(self, *, count: int | None = None, post_ids: Sequence[PostId] | None = None) -> Claim:
        body: dict[str, Any] = {"count": count} if post_ids is None else {"post_ids": list(post_ids)}
        return wire.claim(wire.Node(self._send("POST", "/v1/claims", json_body=body)))

    def renew_claim(self, lease_id: str) -> Lease:
        return wire.lease(wire.Node(self._send("POST", f"/v1/claims/{quote(lease_id, safe='')}/renew")))

    def release_claim(self, lease_id: str) -> None:
        self._send("DELETE", f"/v1/claims/{quote(lease_id, safe='')}", expect_body=False)

    def post_detail(self, post_id: PostId) -> PostDetail:
        return wire.post_detail(wire.Node(self._send("GET", f"/v1/posts/{quote(post_id, safe='')}")))

    def submit_decision(self, decision: Decision) -> PlatformDecision:
        """One attempt. Safe to repeat with the same ``idempotency_key``: the outbox does, on transient errors."""
        body = self._send("POST", f"/v1/posts/{quote(decision.post_id, safe='')}/decisions",
                          json_body=wire.decision_body(decision),
                          headers={"Idempotency-Key": decision.idempotency_key})
        return wire.platform_decision(wire.Node(body))

    def author_history(self, author_id: AuthorId) -> AuthorHistory:
        body = self._send("GET", f"/v1/authors/{quote(author_id, safe='')}/history")
        return wire.author_history(wire.Node(body))

    def decisions(self, *, since: int = 0, limit: int = 500) -> DecisionPage:
        body = self._send("GET", "/v1/decisions", params={"since": since, "limit": limit})
        return wire.decision_page(wire.Node(body))

    def media_content(self, media_id: str) -> bytes:
        """An image's bytes (GET /v1/media/{id}), for a referral's evidence package."""
        return bytes(self._send("GET", f"/v1/media/{quote(media_id, safe='')}", raw=True))

    def referral_decision(self, referral_id: str, *, decision: str, evidence_digest: str,
                          created_by: str) -> ReferralCountersignature:
        """A lead's approval or rejection of a police referral, countersigned by the platform (four eyes)."""
        body = self._send("POST", f"/v1/referrals/{quote(referral_id, safe='')}/decision",
                          json_body={"decision": decision, "evidence_digest": evidence_digest,
                                     "created_by": created_by})
        return wire.referral_countersignature(wire.Node(body))

    def platform_key(self) -> PlatformKey:
        """The platform's published signing key (no login needed); pin it: ``services.platform_key``."""
        return wire.platform_key(wire.Node(self._send("GET", "/v1/platform-key", authenticated=False)))

    def witness(self, *, log_id: str, seq: int, chain_hash: str) -> WitnessReceipt:
        body = self._send("POST", "/v1/audit-witness",
                          json_body={"log_id": log_id, "seq": seq, "chain_hash": chain_hash})
        return wire.witness_receipt(wire.Node(body))

    def witness_receipts(self, log_id: str) -> list[WitnessReceipt]:
        """Every receipt the platform keeps for ``log_id`` (leads only), in seq order."""
        receipts: list[WitnessReceipt] = []
        since = 0
        while True:
            page, next_since = wire.witness_receipt_page(wire.Node(self._send(
                "GET", "/v1/audit-witness", params={"log_id": log_id, "since": since, "limit": 1000})))
            receipts.extend(page)
            if not page or next_since <= since:
                return receipts
            since = next_since

    def export_grant(self, *, filter_json: dict[str, Any], include_pii: bool) -> dict[str, Any]:
        """The platform's signed permission for this lead to export (kept verbatim: every field is signed)."""
        body = self._send("POST", "/v1/export-grants", json_body={"filter": filter_json, "include_pii": include_pii})
        return wire.signed_object(wire.Node(body), "export-grant")

    def attest_redactions(self, grant_id: str, items: list[dict[str, Any]]) -> dict[str, Any]:
        """The platform's signed list of checked redactions (``items``: seq, leaf, original base64, redacted, paths)."""
        body = self._send("POST", f"/v1/export-grants/{quote(grant_id, safe='')}/redactions",
                          json_body={"items": items})
        return wire.signed_object(wire.Node(body), "export-redactions")

    def ping(self) -> int:
        """The HTTP status of an unauthenticated GET /v1/queue (configuration checks: the address answers and its
        certificate is trusted). PlatformUnavailable when the connection or the TLS verification fails."""
        return self._exchange("GET", "/v1/queue", None, None, {})[0]

    # --- transport ----------------------------------------------------------------------------------------

    def _send(
        self, method: str, path: str, *, params: dict[str, Any] | None = None, json_body: Any = None,
        headers: dict[str, str] | None = None, authenticated: bool = True, expect_body: bool = True,
        raw: bool = False,
    ) -> Any:
        with deadline.deadline(self.options.deadline):
            try:
                return self._send_once(method, path, params, json_body, headers, authenticated, expect_body, raw=raw)
            except AuthenticationRequired:
                if not authenticated or self.credentials is None:
                    raise
                self.login(*self.credentials())
                return self._send_once(method, path, params, json_body, headers, authenticated, expect_body, raw=raw)

    def _send_once(
        self, method: str, path: str, params: dict[str, Any] | None, json_body: Any,
        headers: dict[str, str] | None, authenticated: bool, expect_body: bool, *, raw: bool = False,
    ) -> Any:
        all_headers = dict(headers or {})
        if authenticated:
            if not self._token:
                raise AuthenticationRequired("Not logged in to the platform")
            all_headers["Authorization"] = f"Bearer {self._token}"
        # urllib3 retries idempotent requests up to the headers; an answer cut off mid-body is retried here.
        tries = 1 + (self.options.retries if method in IDEMPOTENT_METHODS else 0)
        with deadline.deadline(self.options.deadline) as watching:
            for attempt in range(tries):
                try:
                    status, content, retry_after, location = self._exchange(method, path, params, json_body,
                                                                            all_headers)
                    break
                except PlatformUnavailable:
                    if attempt == tries - 1 or watching.expired:
                        raise
        if 300 <= status < 400:
            # Never followed: a redirect would re-send the token, the password or a decision to wherever it points
            # (another host, plain http). The platform's API does not redirect; its address is probably wrong.
            raise ProtocolError(f"the platform answered {status} redirecting to {_shown(location)}; redirects are "
                                "not followed (check the platform address)")
        if status >= 400:
            raise error_for(status, content, retry_after, retry_after_cap=self.options.retry_after_cap)
        if not expect_body:
            return None
        return content if raw else _json(content)

    def _exchange(
        self, method: str, path: str, params: dict[str, Any] | None, json_body: Any, headers: dict[str, str]
    ) -> tuple[int, bytes, str | None, str | None]:
        url = self._base_url + path
        watching = deadline.current()
        try:
            # verify passed explicitly: requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a session's own
            # CA bundle, so the configured bundle would be silently ignored on machines that set them.
            with self.session.request(method, url, params=params, json=json_body, headers=headers,
                                      timeout=self.options.timeout, stream=True, allow_redirects=False,
                                      verify=self.session.verify) as response:
                if 300 <= response.status_code < 400:
                    return response.status_code, b"", None, response.headers.get("Location")
                content = self._read_body(response)
                return response.status_code, content, response.headers.get("Retry-After"), None
        except deadline.DeadlinePassed as exc:
            raise PlatformUnavailable(f"The platform did not answer within {self.options.deadline:g} s") from exc
        except (requests.exceptions.RequestException, OSError) as exc:
            if watching is not None and watching.expired:
                raise PlatformUnavailable(f"The platform did not answer within {self.options.deadline:g} s"
                                          ) from exc
            raise self._failure(exc, url) from exc

    def _failure(self, exc: Exception, url: str) -> Exception:
        """Whatever went wrong on the way, as one line for the user."""
        errors = requests.exceptions
        if isinstance(exc, errors.SSLError):
            return PlatformUnavailable(f"The platform's TLS certificate was not accepted ({exc.__class__.__name__}); "
                                       "check the platform address or the CA bundle setting")
        if isinstance(exc, errors.Timeout):
            return PlatformUnavailable("The platform did not answer in time")
        if isinstance(exc, errors.RetryError):
            return PlatformUnavailable("The platform kept failing; will retry later")
        if isinstance(exc, errors.ChunkedEncodingError):
            return PlatformUnavailable("The connection to the platform broke off mid-answer")
        if isinstance(exc, (errors.ConnectionError, OSError)):
            return PlatformUnavailable(f"Cannot reach the platform at {self._base_url}")
        if isinstance(exc, (errors.InvalidURL, errors.MissingSchema, errors.InvalidSchema)):
            return ProtocolError(f"invalid platform address {url!r}")
        return ProtocolError(f"the request to the platform failed ({exc.__class__.__name__})")

    def _read_body(self, response: requests.Response) -> bytes:
        limit = self.options.max_body_bytes
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(chunk_size=256 * 1024):
            size += len(chunk)
            if size > limit:
                raise ProtocolError(f"the answer is larger than {limit // (1024 * 1024)} MB")
            chunks.append(chunk)
        return b"".join(chunks)


def _shown(location: str | None) -> str:
    return "nowhere" if not location else repr(location[:200])


def _json(content: bytes) -> Any:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the answer is not valid UTF-8 (byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProtocolError(f"the answer is not JSON ({exc.msg} at character {exc.pos})") from None
    except RecursionError:
        raise ProtocolError("the answer is nested too deeply") from None


if TYPE_CHECKING:  # mypy proves the client offers everything the services expect of a platform
    _implements_port: type[PlatformGateway] = PlatformClient
