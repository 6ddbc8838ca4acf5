"""The platform behind a company's private CA: reached through the system trust store or MODAPP_CA_BUNDLE (or the
managed file's ca_bundle), refused without either. The CLI runs as a user would, in a subprocess.

"System trust store" here: SSL_CERT_FILE points OpenSSL (and so truststore, on Linux) at a copy of this machine's
/etc/ssl/certs/ca-certificates.crt with the company CA appended, as `update-ca-certificates` would write it.
tests/packaging repeats this with the installed package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from moderator_app.core.errors import PlatformUnavailable
from moderator_app.services.platform import make_client
from moderator_app.settings.store import default_store
from tests.tls_support import PrivateCa, make_private_ca, system_store_with, tls_platform

REPO = Path(__file__).resolve().parents[2]
REAL_SYSTEM_STORE = "/etc/ssl/certs/ca-certificates.crt"


@pytest.fixture(scope="module")
def private_ca(tmp_path_factory: pytest.TempPathFactory) -> PrivateCa:
    return make_private_ca(tmp_path_factory.mktemp("company-ca"))


@pytest.fixture(scope="module")
def https_url(private_ca: PrivateCa) -> Iterator[str]:
    with tls_platform(private_ca) as url:
        yield url


def config_check(url: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "MODAPP_CA_BUNDLE")}
    return subprocess.run([sys.executable, str(REPO / "main.py"), "config", "check"], capture_output=True, text=True,
                          timeout=60, check=False, env={**clean, "MODAPP_PLATFORM_URL": url, **env})


def test_reached_through_modapp_ca_bundle(https_url: str, private_ca: PrivateCa) -> None:
    result = config_check(https_url, {"MODAPP_CA_BUNDLE": str(private_ca.ca_pem), "SSL_CERT_FILE": REAL_SYSTEM_STORE})
    assert result.returncode == 0, result.stderr
    assert f"certificate verified against the system trust store and {private_ca.ca_pem}" in result.stdout


def test_reached_through_the_system_trust_store(https_url: str, private_ca: PrivateCa, tmp_path: Path) -> None:
    result = config_check(https_url, {"SSL_CERT_FILE": str(system_store_with(private_ca, tmp_path))})
    assert result.returncode == 0, result.stderr
    assert "certificate verified against the system trust store" in result.stdout


def test_refused_without_either(https_url: str) -> None:
    result = config_check(https_url, {"SSL_CERT_FILE": REAL_SYSTEM_STORE})
    assert result.returncode == 1
    assert "TLS certificate was not accepted" in result.stderr and "Traceback" not in result.stderr


def test_the_managed_files_ca_bundle_logs_a_moderator_in(https_url: str, private_ca: PrivateCa,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", REAL_SYSTEM_STORE)
    store = default_store()
    store.managed_path.parent.mkdir(parents=True)
    store.managed_path.write_text(json.dumps({"platform_url": https_url, "ca_bundle": str(private_ca.ca_pem)}),
                                  encoding="utf-8")
    settings = store.load()
    client = make_client(settings.platform_url, ca_bundle=settings.ca_bundle)
    assert client.login("mod1", "demo").user.user_id == "mod1"
    client.session.close()  # no keep-alive connection left for the server to wait on at shutdown
    with pytest.raises(PlatformUnavailable, match="TLS certificate was not accepted"):
        make_client(settings.platform_url, retries=0).login("mod1", "demo")


def test_a_missing_ca_bundle_is_named_in_one_line(https_url: str, tmp_path: Path) -> None:
    result = config_check(https_url, {"MODAPP_CA_BUNDLE": str(tmp_path / "gone.pem")})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith(f"the CA bundle {tmp_path / 'gone.pem'} does not exist (settings ca_bundle, "
                                          "MODAPP_CA_BUNDLE, --ca-bundle)")
