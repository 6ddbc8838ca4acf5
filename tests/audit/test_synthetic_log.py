"""`audit generate` wrote fake history into any log, the team's included: events a month back, credited to real
moderators, signed with the workstation's key, unmarked. Now it only writes a log of its own, marked throughout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from audit_support import OpenLog, event

from moderator_app.audit.synthetic import SYNTHETIC, RealEventsPresent, real_events

REPO = Path(__file__).resolve().parents[2]


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, check=False, env={**os.environ, "MODAPP_DATA_DIR": str(data_dir)})


def test_a_log_holding_real_events_is_refused_and_left_as_it_was(any_url: str, open_log: OpenLog) -> None:
    team = open_log(any_url)
    team.append(event(1))
    head = team.store.head()
    with pytest.raises(RealEventsPresent, match="holds 1 real events: synthetic history goes only into a new log"):
        team.generate(100)
    assert team.store.head() == head and real_events(team.store) == 1
    assert team.verify().ok


def test_the_command_refuses_the_team_log_in_one_line(tmp_path: Path, open_log: OpenLog) -> None:
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    team = open_log(url)
    team.append(event(1))
    keys = team.store.public_keys()
    refused = cli("audit", "generate", "--synthetic", "--events", "50", "--db", url, data_dir=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1] == (f"moderator-app: error: {url} holds 1 real events: synthetic history "
                                               "goes only into a new log of its own (give --db a new file)")
    assert "Traceback" not in refused.stderr
    assert team.store.head()[0] == 1 and team.store.public_keys() == keys  # not even a key was added
    without_flag = cli("audit", "generate", "--events", "50", "--db", url, data_dir=tmp_path)
    assert without_flag.returncode == 2 and "required: --synthetic" in without_flag.stderr
    assert "generate" not in cli("audit", "--help", data_dir=tmp_path).stdout  # not an everyday command


def test_every_synthetic_event_is_marked_and_signed_by_a_key_of_its_own(sqlite_url: str, open_log: OpenLog) -> None:
    audit_log = open_log(sqlite_url)
    audit_log.generate(1200)
    audit_log.generate(300)  # a synthetic log may grow
    events = audit_log.events(limit=2000)
    assert len(events) == 1500
    for recorded in events:
        envelope = json.loads(recorded.envelope)
        assert envelope["body"][SYNTHETIC] is True and envelope["hdr"]["workstation"] == SYNTHETIC
    with audit_log.store.reader.connect() as connection:
        signers = connection.exec_driver_sql(
            "SELECT DISTINCT k.key_id, k.workstation FROM audit_event e JOIN audit_key k "
            "ON k.key_id = e.writer_key_id").all()
    assert len(signers) == 2 and {workstation for _, workstation in signers} == {SYNTHETIC}
    assert audit_log.writer.key.key_id not in {key for key, _ in signers}  # the workstation's key signed none
    assert real_events(audit_log.store) == 0
    assert audit_log.verify(all_signatures=True).ok
