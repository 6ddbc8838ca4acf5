"""The committed contract equals what the server serves; fault injection does what --faults says."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from moderator_app.demo_platform.faults import FaultSpec, FaultSpecError
from moderator_app.demo_platform.openapi import openapi_yaml

REPO = Path(__file__).resolve().parents[2]
CONTRACT = REPO / "resources" / "platform-api.yaml"
FIXED_PATHS = {
    ("post", "/v1/auth/login"), ("get", "/v1/queue"), ("post", "/v1/claims"), ("post", "/v1/claims/{lease_id}/renew"),
    ("delete", "/v1/claims/{lease_id}"), ("get", "/v1/posts/{post_id}"), ("post", "/v1/posts/{post_id}/decisions"),
    ("get", "/v1/authors/{author_id}/history"), ("get", "/v1/decisions"), ("post", "/v1/audit-witness"),
}


def test_committed_contract_is_what_the_server_serves(platform_server: Callable[..., Any]) -> None:
    committed = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    served = requests.get(platform_server(posts=5).url + "/openapi.json", timeout=10).json()
    assert committed == served, "resources/platform-api.yaml is stale: moderator-app demo-platform --print-openapi"
    assert CONTRACT.read_text(encoding="utf-8") == openapi_yaml()
    assert committed["openapi"].startswith("3.1")
    operations = {(method, path) for path, ops in committed["paths"].items() for method in ops}
    assert operations >= FIXED_PATHS
    for path, ops in committed["paths"].items():
        for method, operation in ops.items():
            for status, answer in operation["responses"].items():
                if status[0] in "45":
                    assert list(answer["content"]) == ["application/problem+json"], (method, path, status)


def test_fault_spec_parsing() -> None:
    spec = FaultSpec.parse("error=0.2,drop=0.05,latency=50-400ms,429=0.05")
    assert (spec.error, spec.drop, spec.rate_limit, spec.latency_ms) == (0.2, 0.05, 0.05, (50.0, 400.0))
    assert FaultSpec.parse("latency=1s").latency_ms == (1000.0, 1000.0)
    assert not FaultSpec.parse("").active
    for bad, words in (("error=2", "between 0 and 1"), ("boom=0.1", "unknown fault 'boom'"), ("error", "needs a value"),
                       ("latency=fast", "latency must look like"), ("error=0.6,drop=0.6", "more than 1")):
        with pytest.raises(FaultSpecError, match=words):
            FaultSpec.parse(bad)


def test_injected_rate_limits_and_errors_carry_retry_after(platform_server: Callable[..., Any]) -> None:
    limited = platform_server(posts=5, faults="429=1,retry_after=7").url
    answer = requests.get(limited + "/v1/queue", timeout=10)
    assert answer.status_code == 429 and answer.headers["Retry-After"] == "7"
    assert answer.headers["content-type"] == "application/problem+json"
    assert requests.get(limited + "/openapi.json", timeout=10).status_code == 200  # only the API misbehaves
    failing = platform_server(posts=5, faults="error=1").url
    assert requests.get(failing + "/v1/queue", timeout=10).status_code in (500, 502, 503)


def test_dropped_connections_break_off_the_answer(platform_server: Callable[..., Any]) -> None:
    url = platform_server(posts=5, faults="drop=1").url
    with pytest.raises((requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError)):
        requests.post(url + "/v1/auth/login", json={"username": "mod1", "password": "demo"}, timeout=10)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ), check=False)


def test_cli_bad_faults_spec_is_one_line_exit_2() -> None:
    result = run_cli("demo-platform", "--faults", "error=lots")
    assert result.returncode == 2
    assert result.stderr == ("moderator-app: error: --faults: error must be a probability between 0 and 1, "
                             "not 'lots'\n")


def test_cli_prints_the_contract() -> None:
    result = run_cli("demo-platform", "--print-openapi")
    assert result.returncode == 0 and result.stdout == CONTRACT.read_text(encoding="utf-8")


def test_cli_busy_port_and_bad_db_are_one_line_exit_2(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("demo-platform", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr == f"moderator-app: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    not_sqlite = tmp_path / "state.db"
    not_sqlite.write_text("this is not a database", encoding="utf-8")
    result = run_cli("demo-platform", "--port", "0", "--db", str(not_sqlite))
    assert result.returncode == 2 and result.stderr.startswith(f"moderator-app: error: --db {not_sqlite}: not a usable")


def test_cli_serves_until_interrupted() -> None:
    argv = [sys.executable, str(REPO / "main.py"), "demo-platform", "--port", "0", "--posts", "50"]
    server = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
    try:
        assert server.stderr is not None
        banner = server.stderr.readline()
        url = banner.split()[3]
        assert banner.startswith("Demo platform on http://127.0.0.1:") and "50 posts" in banner
        assert "password: demo" in server.stderr.readline()
        login = requests.post(f"{url}/v1/auth/login", json={"username": "mod2", "password": "demo"}, timeout=10)
        assert login.json()["user"]["roles"] == ["moderator"]
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
        assert server.stderr is not None
        assert server.stderr.read().endswith("Demo platform stopped.\n")
        server.stderr.close()


def test_injected_latency_delays_every_api_answer(platform_server: Callable[..., Any]) -> None:
    url = platform_server(posts=5, faults="latency=150-200ms").url
    started = time.monotonic()
    answer = requests.post(f"{url}/v1/auth/login", json={"username": "mod1", "password": "demo"}, timeout=10)
    assert answer.status_code == 200 and time.monotonic() - started >= 0.15
