"""Measurements that need their own process (RSS, a fresh QApplication): run by bench_gui.py.

    python benchmarks/gui_probe.py queue100k     -> JSON {first_rows_ms, sort_ms, filter_ms, rss_mb}
    python benchmarks/gui_probe.py decide        -> JSON {samples_ms: [...]} decision key -> next post shown
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from benchmarks.harness import peak_rss_mb
from moderator_app.core.models import Author, AuthorId, Post, PostId, QueueItem, Report
from moderator_app.services.policy import load_policy
from moderator_app.settings import Settings
from moderator_app.ui.app import create_application
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.queue.filtering import Column, QueueFilter

REASONS = ("gambling", "rumour", "scam", "insult_defamation", "spam", "pornography")


def _items(n: int) -> list[QueueItem]:
    base = datetime(2026, 11, 30, 8, tzinfo=UTC)
    items = []
    for i in range(n):
        flagged = base - timedelta(minutes=i % 3000)
        author = Author(AuthorId(f"u{i % 9000:010d}"), f"用户{i % 9000}")
        post = Post(PostId(str(5_000_000_000_000_000_000 + i)), author,
                    f"第{i}条帖子：今天天气不错，出去走走。#日常# {i * 7919 % 100000}", flagged - timedelta(hours=1),
                    repost_count=i * 31 % 5000)
        reports = (Report(f"r{i % 300:08d}", REASONS[i % len(REASONS)], "", flagged),)
        items.append(QueueItem(post, reports, flagged, priority=1 + i % 5))
    return items


def queue100k() -> dict[str, float]:
    app = create_application()
    pack = load_policy()
    items = _items(100_000)
    window = MainWindow(Settings(), pack)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.queue_model.set_items(items)
    window.queue_pane.select_row(0)
    window.queue_pane.view.viewport().repaint()
    app.processEvents()
    first_rows = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    window.queue_pane.view.sortByColumn(Column.REPOSTS, Qt.SortOrder.DescendingOrder)
    window.queue_pane.view.viewport().repaint()
    app.processEvents()
    sort_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    window.queue_model.set_filter(QueueFilter(reason="gambling"))
    window.queue_pane.view.viewport().repaint()
    app.processEvents()
    filter_ms = (time.perf_counter() - started) * 1000
    rss_mb = peak_rss_mb()
    return {"first_rows_ms": first_rows, "sort_ms": sort_ms, "filter_ms": filter_ms, "rss_mb": rss_mb}


def decide(count: int = 60) -> dict[str, list[float]]:
    """Decision key -> next post shown with its suggestions, on the real demo platform."""
    app = create_application()
    os.environ["MODAPP_DATA_DIR"] = tempfile.mkdtemp(prefix="modapp-bench-")
    from moderator_app.services.demo import start_demo

    demo = start_demo("mod1", posts=2400, claim_batch=100)
    window = MainWindow(Settings(undo_seconds=5), demo.session.pack)
    window.show()
    window.activateWindow()
    controller = window.attach(demo.session)
    deadline = time.monotonic() + 60
    while window.queue_model.total < 1000 and time.monotonic() < deadline:  # the full queue is in
        app.processEvents()
        time.sleep(0.01)
    shown: list[float] = []
    controller.post_shown.connect(lambda _pid: shown.append(time.perf_counter()))
    samples = []
    for n in range(count):
        before = window.post_pane.item
        started = time.perf_counter()
        QTest.keyClick(window, "A")
        if shown and window.post_pane.item is not before and window.suggestions_pane.tree is not None:
            samples.append((shown[-1] - started) * 1000)
        app.processEvents()
        if n % 10 == 9:
            time.sleep(0.05)  # let the background lanes run as they would between real key presses
    window.close()
    demo.close()
    return {"samples_ms": samples}


if __name__ == "__main__":
    what = sys.argv[1]
    result = queue100k() if what == "queue100k" else decide()
    print(json.dumps(result))
