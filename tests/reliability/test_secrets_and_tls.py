"""Secrets and data: after a full demo run no token, password or signing key lies in any file under the data and
config folders; TLS verification cannot be switched off (a custom CA bundle is the only knob); exports without
``--include-pii`` carry no author identifiers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import ipaddress
import json
import ssl
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import certifi
import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from support import decision_for

from moderator_app import paths
from moderator_app.core.errors import PlatformUnavailable
from moderator_app.platform_api import HttpOptions
from moderator_app.platform_api.session import make_session
from moderator_app.services.demo import DEMO_PASSWORD, start_demo
from moderator_app.services.platform import make_client
from moderator_app.services.secrets import KEYRING_NAME, KEYRING_SERVICE
from moderator_app.settings import Settings
from moderator_app.settings.store import default_store

pytestmark = pytest.mark.reliability


def test_a_full_demo_run_leaves_no_secret_in_any_file(memory_keyring: object) -> None:
    data, config = paths.data_dir(), paths.config_dir()
    demo = start_demo("mod1", data_dir=data, posts=120)
    tokens: set[str] = set()
    try:
        snapshot = demo.session.load_queue()
        for number, item in enumerate(snapshot.items[:10]):
            demo.session.decide(decision_for(item.post_id, number), ())
        with demo.server.store._locked() as db:  # every token the platform handed out during the run
            tokens |= {row[0] for row in db.execute("SELECT token FROM tokens")}
        default_store().save(Settings(platform_url=demo.server.url, username="mod1"))  # what the GUI keeps
    finally:
        demo.close()
    signing_seed = keyring.get_password(KEYRING_SERVICE, KEYRING_NAME)
    assert tokens and signing_seed
    secrets = {token.encode() for token in tokens} | {signing_seed.encode()}
    password_forms = [f'"password": "{DEMO_PASSWORD}"'.encode(), f'"password":"{DEMO_PASSWORD}"'.encode(),
                      f"password={DEMO_PASSWORD}".encode()]
    files = [f for folder in (data, config) if folder.exists() for f in folder.rglob("*") if f.is_file()]
    assert any(f.suffix == ".sqlite3" for f in files) and any(f.parent == config for f in files)
    for path in files:
        content = path.read_bytes()
        for secret in secrets:
            assert secret not in content, f"a secret is in {path}"
        for form in password_forms:
            assert form not in content, f"the password is in {path}"


# --- TLS ---------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "platform.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "platform.pem", folder / "platform.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class _Login(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.dumps({"access_token": "t" * 32, "token_type": "bearer", "expires_at": "2099-01-01T00:00:00Z",
                           "user": {"id": "mod1", "display_name": "mod1", "roles": ["moderator"]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def https_platform(self_signed: tuple[Path, Path]) -> Iterator[str]:
    """A platform whose certificate no public CA signed (as a MITM proxy's would be)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Login)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.parametrize("environment", [{}, {"CURL_CA_BUNDLE": ""}, {"REQUESTS_CA_BUNDLE": ""},
                                         {"PYTHONHTTPSVERIFY": "0"}, {"SSL_CERT_FILE": "/dev/null"}])
def test_an_untrusted_certificate_is_refused_whatever_the_environment(
        https_platform: str, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]) -> None:
    for variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(variable, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    client = make_client(https_platform)
    with pytest.raises(PlatformUnavailable, match="TLS certificate was not accepted"):
        client.login("mod1", "demo")


@pytest.mark.parametrize("environment", [{}, {"REQUESTS_CA_BUNDLE": certifi.where()},
                                         {"CURL_CA_BUNDLE": certifi.where()}])
def test_a_custom_ca_bundle_is_the_knob_and_verification_stays_on(
        https_platform: str, self_signed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
        environment: dict[str, str]) -> None:
    """The configured bundle is used even where the environment names another (many CI images do)."""
    for variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(variable, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    client = make_client(https_platform, ca_bundle=str(self_signed[0]))
    assert client.login("mod1", "demo").user.user_id == "mod1"
    assert make_session(HttpOptions(ca_bundle=str(self_signed[0]))).verify == str(self_signed[0])
    assert make_session(HttpOptions()).verify is True


def test_no_setting_or_option_turns_verification_off() -> None:
    switches = ("verify", "insecure", "tls", "ssl", "certificate", "cert_check", "skip")
    for model in (Settings, HttpOptions):
        names = {f.name for f in dataclasses.fields(model)}
        assert not {n for n in names if any(s in n for s in switches)}, model
        assert "ca_bundle" in names
    with pytest.raises(TypeError):
        make_client("https://platform.example", verify=False)  # type: ignore[call-arg]


# --- exports -----------------------------------------------------------------------------------------------------

def test_exports_without_include_pii_carry_no_author_identifiers(memory_keyring: object, tmp_path: Path) -> None:
    """After a demo shift with a police referral (whose evidence names the author), an export made without
    --include-pii holds no author id or name in any file; the same export with it does (the check can fail)."""
    from moderator_app.core.audit import EventFilter
    from moderator_app.core.models import Role, User, UserId
    from moderator_app.services.exports import ExportSpec, export_audit
    from moderator_app.services.referrals import ContentHandling, ReferralRequest, referral_service_for

    demo = start_demo("mod1", data_dir=tmp_path / "data", posts=120)
    try:
        session = demo.session
        item = session.load_queue().items[0]
        referrals = referral_service_for(session)
        assert referrals is not None
        referrals.create(item, ReferralRequest(categories=("10.7",), legal_basis=("刑法",), suspicion="测试证据",
                                               content_handling=ContentHandling.REMOVE), history=())
        lead = User(UserId("lead1"), "组长", frozenset({Role.LEAD}))
        author = item.post.author
        identifiers = [author.author_id.encode(), author.display_name.encode()]

        def export(name: str, include_pii: bool) -> list[bytes]:
            spec = ExportSpec(EventFilter(), ("csv", "jsonl", "xlsx"), tmp_path / name, include_pii=include_pii)
            result = export_audit(session.audit, spec, lead, workstation="demo-workstation", data_dir=demo.folder)
            contents = [p.read_bytes() for p in result.out.rglob("*") if p.is_file()]
            books = [zipfile.ZipFile(p) for p in result.out.rglob("*.xlsx")]
            xlsx = [book.read(n) for book in books for n in book.namelist()]
            return contents + xlsx

        pseudonymous = export("plain", include_pii=False)
        assert not [i for i in identifiers for data in pseudonymous if i in data]
        with_pii = export("pii", include_pii=True)
        assert any(author.author_id.encode() in data for data in with_pii)
    finally:
        demo.close()
