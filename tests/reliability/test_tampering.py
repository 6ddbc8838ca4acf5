"""1,000 random single-row tamperings of a 100,000-event audit log: every one detected, and located at its seq."""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
from support import memory_folder
from tamper_worker import KINDS, Outcome, plan, run_tampers

from moderator_app.services.audit_service import open_audit_log
from tests.reliability.figures import record

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

EVENTS = 100_000
TAMPERS = 1_000
SEED = int(os.environ.get("MODAPP_RELIABILITY_SEED", "20261130"))
WORKERS = 2


@pytest.fixture(scope="module")
def pristine_log() -> Iterator[tuple[Path, Path]]:
    """Generated once (the bulk path: signed events, a signed checkpoint every 1,000) and verified clean."""
    folder = memory_folder("modapp-tamper-")
    try:
        yield _generate(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # 100 MB in RAM: gone even when generation fails


def _generate(folder: Path) -> tuple[Path, Path]:
    import keyring

    from tests.conftest import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        audit_log = open_audit_log(f"sqlite:///{folder / 'pristine.sqlite3'}", workstation="ws-tamper",
                                   data_dir=folder / "ws")
        audit_log.generate(EVENTS)
        audit_log.close()
    finally:
        keyring.set_keyring(previous)
    check = open_audit_log(f"sqlite:///{folder / 'pristine.sqlite3'}", for_verification=True, data_dir=folder / "ws")
    try:
        report = check.verify()
    finally:
        check.store.close()
    assert report.ok and report.events_checked == EVENTS, report.problems
    return folder / "pristine.sqlite3", folder / "ws"


def test_every_single_row_tamper_is_detected_and_located(pristine_log: tuple[Path, Path], fast_dir: Path) -> None:
    pristine, data_dir = pristine_log
    tampers = plan(TAMPERS, EVENTS, SEED)
    print(f"tamper seed {SEED} (set MODAPP_RELIABILITY_SEED to replay)")
    started = time.monotonic()
    shares = [tampers[n::WORKERS] for n in range(WORKERS)]
    with ProcessPoolExecutor(WORKERS, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(run_tampers, pristine, fast_dir / f"worker{n}", data_dir, share)
                   for n, share in enumerate(shares)]
        outcomes: list[Outcome] = [o for f in futures for o in f.result()]
    elapsed = time.monotonic() - started

    assert len(outcomes) == TAMPERS
    undetected = [o for o in outcomes if not o.detected]
    mislocated = [o for o in outcomes if o.detected and not o.located]
    assert not undetected, undetected[:5]
    assert not mislocated, mislocated[:5]
    by_kind = Counter(o.tamper.kind for o in outcomes)
    assert set(by_kind) == set(KINDS)
    record("tampering", {
        "events": EVENTS, "tampers": TAMPERS, "seed": SEED, "detected": TAMPERS - len(undetected),
        "located_at_the_right_seq": TAMPERS - len(undetected) - len(mislocated),
        "by_kind": dict(sorted(by_kind.items())), "seconds": round(elapsed, 1),
    })
