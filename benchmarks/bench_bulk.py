"""Bulk decisions as a lead runs them: `decide --from-csv` with 300 rows against a platform that fails often."""

from __future__ import annotations

import csv
import os
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Row, python_cmd
from moderator_app.demo_platform import start_in_thread

ROWS = 300
FAULTS = "error=0.3,drop=0.1,429=0.05"  # Retry-After as the fault injector sends it (1 s)


def _csv(path: Path, post_ids: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["post_id", "kind", "categories", "note"])
        writer.writerows([post_id, "remove", "10.7", ""] for post_id in post_ids)


def run() -> list[Row]:
    server = start_in_thread(posts=400, faults=FAULTS)
    try:
        lead = {"id": "lead1", "roles": ["moderator", "lead"]}
        items, _ = server.store.queue_page(lead, limit=ROWS, after=0, reason=None, category=None)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "decisions.csv"
            _csv(path, [item["post"]["post_id"] for item in items])
            env = {**os.environ, "MODAPP_PASSWORD": "demo", "MODAPP_DATA_DIR": str(Path(tmp) / "data"),
                   "MODAPP_CONFIG_DIR": str(Path(tmp) / "config")}
            started = time.perf_counter()
            done = subprocess.run(python_cmd("decide", "--from-csv", str(path), "--platform", server.url,
                                             "--user", "lead1"), capture_output=True, text=True, env=env, check=False)
            seconds = time.perf_counter() - started
        if done.returncode != 0 or not done.stdout.startswith(f"{ROWS} rows: {ROWS} delivered now"):
            raise RuntimeError(f"bulk run failed: {done.stdout}{done.stderr}")
        applied = len(server.store.decisions(since=0, limit=1000)[0])
    finally:
        server.stop()
    note = f"{applied} applied, {done.stdout.split(', ')[-1].strip()}"
    return [Row(f"decide --from-csv, {ROWS} rows, faults {FAULTS}", seconds, "s", 60, note=note)]
