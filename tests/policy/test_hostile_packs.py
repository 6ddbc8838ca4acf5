"""A team's pack cannot freeze the screen or slip past the checks: catastrophic patterns run in linear time (RE2),
what RE2 cannot run is refused with file:line, edge lookarounds still match exactly as ``re`` did, and unknown keys,
deep nesting and huge files are one line, exit 2."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderator_app.core.errors import PolicyError
from moderator_app.policy.loader import load_pack
from moderator_app.suggestions.patterns import LinearRegex

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "resources" / "policies"


def team_pack(tmp_path: Path, pattern: str, *, extra_lexicon_line: str = "") -> Path:
    """The shipped pack with one more lexicon, of the team's own, holding ``pattern``."""
    shutil.copytree(SHIPPED, tmp_path / "packs")
    folder = tmp_path / "packs"
    (folder / "beijing-2011" / "lexicons" / "team.toml").write_text(
        '[lexicon]\nid = "team"\ncategory = "10.7"\ntitle_zh = "团队"\ntitle_en = "team"\n' + extra_lexicon_line
        + f"\n[[pattern]]\nregex = {json.dumps(pattern)}\nweight = 0.9\n", encoding="utf-8")
    return folder / "beijing-2011.toml"


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], input=stdin, capture_output=True,
                          timeout=60, check=False, env=os.environ.copy())


def test_a_catastrophic_pattern_cannot_freeze_suggest(tmp_path: Path) -> None:
    """(a+)+$ on 28 characters took 26 s with ``re``, doubling with each one more; here on 100,000 characters
    (the longest post suggest takes)."""
    pack = team_pack(tmp_path, "(a+)+$")
    assert run_cli("policy", "check", str(pack)).returncode == 0
    post = json.dumps({"id": "1", "text": "a" * 99_999 + "!"}).encode() + b"\n"
    started = time.monotonic()
    result = run_cli("suggest", "--no-model", "--policy", str(pack), stdin=post)  # timeout=60 would raise
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    print(f"(a+)+$ on 100,000 characters: suggest ran in {elapsed:.1f} s (process start included)")


def test_a_catastrophic_context_rule_cannot_freeze_suggest(tmp_path: Path) -> None:
    """Context rules ([[context]]) search the whole post around every hit: they run on RE2 too, and what RE2
    cannot run is refused like a pattern."""
    pack = team_pack(tmp_path, "aaa")
    team = pack.parent / "beijing-2011" / "lexicons" / "team.toml"
    team.write_text(team.read_text(encoding="utf-8") + '\n[[context]]\nid = "slow"\nanywhere = "(a+)+$"\n'
                    'factor = 0.5\n', encoding="utf-8")
    assert run_cli("policy", "check", str(pack)).returncode == 0
    post = json.dumps({"id": "1", "text": "a" * 99_999 + "!"}).encode() + b"\n"
    result = run_cli("suggest", "--no-model", "--policy", str(pack), stdin=post)  # timeout=60 would raise
    assert result.returncode == 0, result.stderr
    team.write_text(team.read_text(encoding="utf-8").replace("(a+)+$", "(a)\\\\1"), encoding="utf-8")
    refused = run_cli("policy", "check", str(pack))
    assert refused.returncode == 2 and b"anywhere: not supported by the linear-time pattern engine" in refused.stderr


@pytest.mark.parametrize(("pattern", "why"), [
    (r"(a)\1", "linear-time pattern engine"),  # backreference
    (r"(?<=ab)c", "lookaround is supported only as one character"),  # two-character lookbehind
    (r"a(?=b)c", "linear-time pattern engine"),  # lookahead inside the pattern
    ("x" * 2001, "longer than 2000 characters"),
])
def test_patterns_the_engine_cannot_run_are_refused_with_file_and_line(tmp_path: Path, pattern: str,
                                                                       why: str) -> None:
    pack = team_pack(tmp_path, pattern)
    with pytest.raises(PolicyError, match=re.escape(why)) as caught:
        load_pack(pack)
    assert "team.toml:8: pattern[0].regex" in str(caught.value)
    result = run_cli("policy", "check", str(pack))
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1 and b"team.toml:8" in result.stderr


def test_unknown_keys_are_refused_with_file_and_line(tmp_path: Path) -> None:
    pack = team_pack(tmp_path, "x+", extra_lexicon_line='categroy = "10.7"\n')
    with pytest.raises(PolicyError, match=r"team.toml:6: lexicon.categroy: unknown key 'categroy'"):
        load_pack(pack)
    text = pack.read_text(encoding="utf-8").replace('version = "', 'verison = "x"\nversion = "', 1)
    pack.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match=r"beijing-2011.toml:\d+: pack.verison: unknown key"):
        load_pack(pack)


def test_deep_nesting_and_huge_files_are_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("[pack]\nid = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="nested too deeply"):
        load_pack(deep)
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as file:  # 300 MB, sparse: only what is read costs anything
        file.truncate(300 * 1024 * 1024)
    started = time.monotonic()
    result = run_cli("policy", "check", str(huge))
    assert result.returncode == 2
    assert result.stderr == f"moderator-app: error: {huge}: larger than 4 MB: not a policy file\n".encode()
    print(f"300 MB pack refused in {time.monotonic() - started:.1f} s (process start included)")
    assert run_cli("policy", "check", str(deep)).stderr.count(b"\n") == 1


SHIPPED_PATTERNS = sorted({p.regex for c in load_pack(SHIPPED / "beijing-2011.toml").categories
                           for lexicon in c.lexicons for p in lexicon.patterns})


@pytest.mark.parametrize("regex", [p for p in SHIPPED_PATTERNS if "(?<" in p or "(?=" in p or "(?!" in p])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="avxqwc1234 _-.:：@+➕❤微信薇出卖枪买贩收冰comvipnet", max_size=40))
def test_edge_lookarounds_match_exactly_as_re_did(regex: str, text: str) -> None:
    expected = [m.span() for m in re.finditer(regex, text) if m.end() > m.start()]
    assert [s for s in LinearRegex(regex).spans(text) if s[1] > s[0]] == expected
