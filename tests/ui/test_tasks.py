from __future__ import annotations

import threading

from moderator_app.core.changes import Changes
from moderator_app.core.errors import PlatformUnavailable
from moderator_app.ui.events import AppEvents
from moderator_app.ui.operations import Op
from moderator_app.ui.tasks import Lane, TaskRunner


def test_work_runs_off_the_gui_thread_and_results_come_back_on_it(qtbot) -> None:
    runner = TaskRunner()
    gui_thread = threading.current_thread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread()
        return 42

    runner.submit(Lane.NET, work, lambda r: seen.update(result=r, callback=threading.current_thread()))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["worker"] is not gui_thread
    assert seen["callback"] is gui_thread
    assert seen["result"] == 42
    runner.shutdown()


def test_db_lane_keeps_submission_order(qtbot) -> None:
    runner = TaskRunner()
    order: list[int] = []
    done: list[int] = []
    for n in range(20):
        runner.submit(Lane.DB, lambda n=n: order.append(n) or n, done.append)
    qtbot.waitUntil(lambda: len(done) == 20)
    assert order == list(range(20))
    assert done == list(range(20))
    runner.shutdown()


def test_errors_reach_the_failure_callback(qtbot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def fail() -> None:
        raise PlatformUnavailable("platform down")

    runner.submit(Lane.NET, fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "platform down"
    runner.shutdown()


def test_op_reports_changes_once_after_success(qtbot) -> None:
    runner, events = TaskRunner(), AppEvents()
    results: list[str] = []
    with qtbot.waitSignal(events.changed) as blocker:
        Op(runner, events, lambda: "ok", lane=Lane.DB, changes=lambda _r: Changes(queue=True)).success(
            results.append
        ).run()
    assert results == ["ok"]
    assert blocker.args[0] == Changes(queue=True)
    runner.shutdown()


def test_work_asked_for_after_shutdown_is_dropped_not_raised(qtbot) -> None:
    runner = TaskRunner()
    runner.shutdown()
    future = runner.submit(Lane.NET, lambda: 1, lambda _r: None)
    assert future.cancelled()
