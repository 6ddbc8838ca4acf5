"""Police referrals on a busy log: the leads' queue refresh (fold of every referral), exporting a package whose
chain segment spans the whole log, and verifying it. The bars are ours (the brief sets none for referrals): the
queue refreshes on the database lane while moderators decide, and an export happens at a lead's desk."""

from __future__ import annotations

import logging
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Row, median

HISTORY = 100_000
REFERRALS = 300


def run() -> list[Row]:
    from moderator_app.core.models import Role, User, UserId
    from moderator_app.services.audit_service import open_audit_log
    from moderator_app.services.referrals import ContentHandling, ReferralRequest, ReferralService, verify_package
    from tests.factories import queue_item
    from tests.referrals.referral_support import PLATFORM_KEY, CountersigningPlatform

    logging.getLogger("moderator_app").setLevel(logging.ERROR)  # no keyring here: the key-file warning is expected
    request = ReferralRequest(("10.7",), ("《治安管理处罚法》第四十二条",), "扬言伤人", ContentHandling.REMOVE,
                              threat_to_life=True)
    with tempfile.TemporaryDirectory() as folder:
        audit = open_audit_log(f"sqlite:///{folder}/audit.sqlite3", data_dir=Path(folder), workstation="bench")
        try:
            mod = ReferralService(audit, User(UserId("mod1"), "mod1", frozenset({Role.MODERATOR})), "bench")
            audit.generate(HISTORY)  # first: synthetic history goes only into a log with no real event
            # approvals countersigned by a local platform key (the port's test double): the bench measures the
            # workstation, not the platform's round trip
            lead = ReferralService(audit, User(UserId("lead1"), "lead1", frozenset({Role.LEAD})), "bench",
                                   platform=CountersigningPlatform("lead1"), trusted_platform_keys=[PLATFORM_KEY])
            first = mod.create(queue_item(0, "明天去学校门口动手"), request, ())
            for n in range(1, REFERRALS):
                referral = mod.create(queue_item(n), request, ())
                if n % 3 == 0:
                    lead.approve(referral.referral_id)
            lead.approve(first.referral_id)
            started = time.perf_counter()
            listed = lead.list()  # the first refresh folds everything; later ones read only what was appended
            cold_ms = (time.perf_counter() - started) * 1000
            assert len(listed) == REFERRALS
            refresh = []
            for n in range(5):
                mod.create(queue_item(REFERRALS + n), request, ())
                started = time.perf_counter()
                lead.list()
                refresh.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            package = lead.export_package(first.referral_id, Path(folder) / "out")
            export_ms = (time.perf_counter() - started) * 1000
            checks = []
            for _ in range(5):
                started = time.perf_counter()
                verify_package(package)
                checks.append((time.perf_counter() - started) * 1000)
        finally:
            audit.close()
    note = f"{HISTORY:,} events, {REFERRALS} referrals"
    return [
        Row("referral queue, first load (reads every referral event)", cold_ms, "ms", 1000, note=note),
        Row("referral queue refresh after a new referral, median", median(refresh), "ms", 200, note=note),
        Row("referral export (checkpoint, PDF, bag, signature)", export_ms, "ms", 5000,
            note=f"chain segment of {HISTORY + 2 * REFERRALS:,} leaves"),
        Row("referral verify-package, median", median(checks), "ms", 2000, note="same package"),
    ]
