"""Property-based tests (hypothesis) for everything that reads outside input: the platform's answers (wire
parsing), policy packs, the CSV of ``decide --from-csv`` and the JSONL of ``suggest``. Each either yields a valid
result or refuses with the error it documents (ProtocolError, PolicyError, UsageError, a per-line message),
never another exception."""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from moderator_app import paths
from moderator_app.cli.jsonl_input import BadLines, LineError, json_objects, post_text, report_reasons
from moderator_app.core.errors import PolicyError, ProtocolError, UsageError
from moderator_app.core.policy import PolicyPack
from moderator_app.demo_platform import start_in_thread
from moderator_app.launcher import main
from moderator_app.platform_api import wire
from moderator_app.policy.loader import load_pack
from moderator_app.services.bulk_decisions import read_decision_csv

pytestmark = pytest.mark.reliability
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                             HealthCheck.too_slow])
NASTY_TEXT = st.sampled_from([
    "", " ", "\x00", "\ud800", "a\udfffb", "\u202eevil", "\u200d", "<script>alert(1)</script>", "9" * 400,
    "1e999", "NaN", "-0", "2026-13-45T25:61:61Z", "2026-11-30T10:00:00", "2026-11-30T10:00:00Z", "null",
]) | st.text(max_size=60)
JSON_LEAF = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
             | st.floats(allow_nan=True, allow_infinity=True) | NASTY_TEXT)
JSON_VALUE = st.recursive(JSON_LEAF, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(NASTY_TEXT, inner, max_size=4), max_leaves=12)


def outcome(call: Callable[[], Any], refusal: type[Exception]) -> Any:
    """The result, or the documented refusal; any other exception fails the test."""
    try:
        return call()
    except refusal as exc:
        return exc


# --- wire parsing: real answers of the reference server, mutated at a random place --------------------------------

PARSERS: dict[str, Callable[[wire.Node], object]] = {
    "queue": wire.queue_page, "claim": wire.claim, "post": wire.post_detail, "decisions": wire.decision_page,
    "history": wire.author_history, "lease": wire.lease, "login": wire.auth_session,
}


@pytest.fixture(scope="module")
def real_answers() -> Iterator[dict[str, Any]]:
    server = start_in_thread(posts=60)
    try:
        base = server.url
        login = requests.post(f"{base}/v1/auth/login", json={"username": "lead1", "password": "demo"}, timeout=10)
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
        queue = requests.get(f"{base}/v1/queue", params={"limit": 3}, headers=auth, timeout=10).json()
        post_id = queue["items"][0]["post"]["post_id"]
        author_id = queue["items"][0]["post"]["author"]["author_id"]
        claim = requests.post(f"{base}/v1/claims", json={"count": 2}, headers=auth, timeout=10).json()
        decided = requests.post(f"{base}/v1/posts/{post_id}/decisions", headers={**auth, "Idempotency-Key": "k" * 16},
                                json={"kind": "remove", "categories": ["10.7"], "note": "",
                                      "client_time": "2026-11-30T10:00:00Z"}, timeout=10)
        assert decided.status_code == 201, decided.text
        yield {
            "login": login.json(), "queue": queue, "claim": claim,
            "post": requests.get(f"{base}/v1/posts/{post_id}", headers=auth, timeout=10).json(),
            "decisions": requests.get(f"{base}/v1/decisions", headers=auth, timeout=10).json(),
            "history": requests.get(f"{base}/v1/authors/{author_id}/history", headers=auth, timeout=10).json(),
            "lease": {k: claim[k] for k in ("lease_id", "expires_at", "post_ids")},
        }
    finally:
        server.stop()


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _places(child, (*path, index))


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    changed = copy.deepcopy(document)
    target = changed
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DELETE = object()


def test_every_real_answer_parses(real_answers: dict[str, Any]) -> None:
    for name, parse in PARSERS.items():
        parse(wire.Node(real_answers[name]))


@SETTINGS
@given(data=st.data(), name=st.sampled_from(sorted(PARSERS)))
def test_a_mutated_answer_parses_or_names_the_broken_contract(real_answers: dict[str, Any], data: st.DataObject,
                                                              name: str) -> None:
    document = real_answers[name]
    path = data.draw(st.sampled_from(list(_places(document))), label="path")
    value = _DELETE if path and data.draw(st.booleans(), label="delete") else data.draw(JSON_VALUE, label="value")
    mutated = _replace(document, path, value)
    # Through JSON, as the client receives it (Python's json accepts NaN and Infinity, so must the parser).
    received = json.loads(json.dumps(mutated, allow_nan=True))
    result = outcome(lambda: PARSERS[name](wire.Node(received)), ProtocolError)
    if isinstance(result, ProtocolError):
        assert str(result).strip() and "\n" not in str(result)


@SETTINGS
@given(value=JSON_VALUE, name=st.sampled_from(sorted(PARSERS)))
def test_any_json_parses_or_names_the_broken_contract(value: Any, name: str) -> None:
    outcome(lambda: PARSERS[name](wire.Node(value)), ProtocolError)


@given(text=st.text(min_size=1, max_size=200))
@settings(max_examples=100, deadline=None)
def test_parsed_text_never_carries_a_lone_surrogate(text: str) -> None:
    """The platform may send ``\\ud800`` escapes; what reaches the widgets and the audit log must be encodable."""
    escaped = json.dumps(text)[1:-1] + "\\ud800"
    parsed = json.loads(f'"{escaped}"')
    author = wire.author(wire.Node({"author_id": "a1", "display_name": parsed, "real_name": None}))
    author.display_name.encode("utf-8")


# --- policy packs ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pack_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped pack and its lexicons, copied where the test may overwrite the pack file."""
    shipped = paths.resources_dir() / "policies"
    folder = tmp_path_factory.mktemp("pack")
    shutil.copy(shipped / "beijing-2011.toml", folder / "beijing-2011.toml")
    shutil.copytree(shipped / "beijing-2011", folder / "beijing-2011")
    return folder


LINE_MUTATIONS = st.sampled_from(["delete", "duplicate", "replace_value", "insert_text", "swap"])


@SETTINGS
@given(data=st.data(), steps=st.integers(min_value=1, max_value=3))
def test_a_mutated_policy_pack_loads_or_says_what_is_wrong(pack_copy: Path, data: st.DataObject, steps: int) -> None:
    original = (paths.resources_dir() / "policies" / "beijing-2011.toml").read_text(encoding="utf-8").splitlines()
    lines = list(original)
    for _ in range(steps):
        at = data.draw(st.integers(0, len(lines) - 1), label="line")
        how = data.draw(LINE_MUTATIONS, label="how")
        if how == "delete":
            del lines[at]
        elif how == "duplicate":
            lines.insert(at, lines[at])
        elif how == "replace_value" and "=" in lines[at]:
            key = lines[at].split("=", 1)[0]
            value = data.draw(st.sampled_from(['""', "0", "-1", "1e99", "[]", '["x"]', "true", "{}", '"\\ud800"',
                                               '"10.99"', "nan", '"' + "长" * 300 + '"']) | NASTY_TEXT.map(json.dumps))
            lines[at] = f"{key}= {value}"
        elif how == "insert_text":
            lines.insert(at, data.draw(NASTY_TEXT | st.sampled_from(["[[category]]", "[pack]", "[report_reasons]",
                                                                     'id = "10.1"', "lexicons = 3"])))
        elif how == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        if not lines:
            lines = [""]
    target = pack_copy / "beijing-2011.toml"
    target.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    result = outcome(lambda: load_pack(target), PolicyError)
    if isinstance(result, PolicyError):
        assert str(result).strip()
    else:
        assert isinstance(result, PolicyPack) and result.categories


@SETTINGS
@given(raw=st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_bytes_as_a_policy_pack_are_refused_cleanly(pack_copy: Path, raw: bytes) -> None:
    target = pack_copy / "random.toml"
    target.write_bytes(raw)
    with pytest.raises(PolicyError):
        load_pack(target)


# --- CSV of decide --from-csv ------------------------------------------------------------------------------------

CELL = NASTY_TEXT | st.sampled_from(["remove", "no_violation", "restrict_author", "rumour_label", "escalate", "10.7",
                                     "10.7;10.4", "7532518058976357997", "=cmd|' /C calc'!A0", '"', ",", "\n"])


@pytest.fixture(scope="module")
def pack() -> PolicyPack:
    return load_pack(paths.resources_dir() / "policies" / "beijing-2011.toml")


@SETTINGS
@given(header=st.lists(st.sampled_from(["post_id", "kind", "categories", "note", "restriction_days", "refutation",
                                        "extra", ""]), max_size=7),
       rows=st.lists(st.lists(CELL, max_size=8), max_size=6), bom=st.booleans())
def test_any_csv_gives_decisions_or_a_usage_error(tmp_path: Path, pack: PolicyPack, header: list[str],
                                                  rows: list[list[str]], bom: bool) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    target = tmp_path / "decisions.csv"
    target.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8", "surrogatepass"))
    result = outcome(lambda: read_decision_csv(target, "lead1", pack=pack), UsageError)
    if isinstance(result, UsageError):
        assert str(result).strip()
    else:
        assert result and all(d.moderator == "lead1" for d in result)


@SETTINGS
@given(raw=st.binary(max_size=600))
def test_random_bytes_as_a_csv_give_a_usage_error(tmp_path: Path, pack: PolicyPack, raw: bytes) -> None:
    target = tmp_path / "decisions.csv"
    target.write_bytes(raw)
    outcome(lambda: read_decision_csv(target, "lead1", pack=pack), UsageError)


# --- JSONL of suggest --------------------------------------------------------------------------------------------

JSONL_LINE = (st.binary(max_size=80)
              | JSON_VALUE.map(lambda v: json.dumps(v, allow_nan=True).encode("utf-8", "surrogatepass"))
              | st.fixed_dictionaries({"id": NASTY_TEXT}, optional={"text": JSON_VALUE | NASTY_TEXT,
                                                                     "reports": JSON_VALUE}).map(
                  lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8", "surrogatepass")))


@SETTINGS
@given(lines=st.lists(JSONL_LINE, min_size=1, max_size=8))
def test_jsonl_lines_are_accepted_or_reported_by_number(lines: list[bytes]) -> None:
    assume(all(b"\n" not in line and b"\r" not in line for line in lines))
    errors = io.StringIO()
    bad = BadLines("suggest", errors)
    good = 0
    for number, value in json_objects(io.BytesIO(b"\n".join(lines) + b"\n"), bad):
        assert 1 <= number <= len(lines)
        try:
            post_text(value)
            report_reasons(value)
            good += 1
        except LineError as exc:
            bad.report(number, str(exc))
    reported = errors.getvalue().splitlines()
    assert all(line.startswith("suggest: line ") for line in reported)
    assert good + len(reported) == sum(1 for line in lines if line.strip())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(JSONL_LINE, min_size=1, max_size=6))
def test_suggest_command_never_crashes_on_hostile_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        lines: list[bytes]) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    code = main(["suggest", "--no-model", "--in", str(source), "--out", str(out)])
    err = capsys.readouterr().err
    assert code in (0, 2), err
    assert "Traceback" not in err
    assert all(line.startswith("moderator-app suggest: ") for line in err.splitlines())
