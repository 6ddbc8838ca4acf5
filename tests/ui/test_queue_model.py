from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from moderator_app import paths
from moderator_app.policy import load_pack_by_id
from moderator_app.ui.queue.filtering import Column, QueueFilter, SlaFilter
from moderator_app.ui.queue.model import POST_ID_ROLE, QueueTableModel
from tests.factories import BASE, queue_item, suggestion


@pytest.fixture(scope="module")
def pack():
    return load_pack_by_id("beijing-2011", paths.policy_dirs())


@pytest.fixture
def model(pack) -> QueueTableModel:
    m = QueueTableModel(pack, now=lambda: BASE)
    items = [
        queue_item(1, "澳门首家线上赌场，注册就送", reasons=("gambling",), priority=2, flagged_minutes_ago=30),
        queue_item(2, "今天天气真好", reasons=("spam",), priority=5, flagged_minutes_ago=600),
        queue_item(3, "速转！内部消息：明天停水", reasons=("rumour",), priority=1, flagged_minutes_ago=300),
        queue_item(4, "澳门首家线上赌场，注册就送888", reasons=("gambling",), flagged_minutes_ago=20),
        queue_item(5, "<b>粗体</b>\u202e反转", flagged_minutes_ago=5),
    ]
    m.set_items(items, {items[0].post_id: suggestion("10.7", 0.9), items[2].post_id: suggestion("10.6", 0.7)},
                clusters={items[0].post_id: "c1", items[3].post_id: "c1"})
    return m


def ids(model: QueueTableModel) -> list[int]:
    return [int(pid) - 5000000000000000000 for pid in model.visible_ids()]


def test_passes_qt_model_tester(qtmodeltester, model: QueueTableModel) -> None:
    qtmodeltester.check(model, force_py=True)


def test_clusters_collapse_to_one_row_with_their_size(model: QueueTableModel) -> None:
    assert model.total == 5
    assert model.rowCount() == 4
    shown = [n for n in (1, 4) if n in ids(model)]
    assert len(shown) == 1, "one row stands for the cluster"
    row = ids(model).index(shown[0])
    assert model.data(model.index(row, Column.SIMILAR)) == "2"
    model.set_filter(QueueFilter(collapse_clusters=False))
    assert model.rowCount() == 5


def test_default_order_is_by_sla_deadline(model: QueueTableModel) -> None:
    # 10.6 rumours have a 4 h SLA (flagged 5 h ago: overdue), gambling 12 h, the rest 24 h
    assert ids(model)[0] == 3
    assert model.data(model.index(0, Column.SLA)) == "overdue 1 h 00 min"


def test_sort_by_column_in_both_directions(model: QueueTableModel) -> None:
    model.set_filter(QueueFilter(collapse_clusters=False))
    model.sort(Column.PRIORITY, Qt.SortOrder.DescendingOrder)
    assert ids(model)[0] == 2
    model.sort(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    assert ids(model)[0] == 3


def test_sort_keeps_the_selected_item(model: QueueTableModel) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    selected = QPersistentModelIndex(model.index(model.row_of(model.visible_ids()[ids(model).index(2)]), 0))
    model.sort(Column.PRIORITY, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(selected.row(), 0), POST_ID_ROLE) == "5000000000000000002"


def test_filters_by_category_reason_and_sla(model: QueueTableModel) -> None:
    model.set_filter(QueueFilter(category="10.7", collapse_clusters=False))
    assert sorted(ids(model)) == [1, 4]
    model.set_filter(QueueFilter(reason="rumour"))
    assert ids(model) == [3]
    model.set_filter(QueueFilter(sla=SlaFilter.BREACHED))
    assert ids(model) == [3]
    model.set_filter(QueueFilter(max_age_hours=1, collapse_clusters=False))
    assert sorted(ids(model)) == [1, 4, 5]


def test_hostile_text_is_shown_inert_in_the_cell(model: QueueTableModel) -> None:
    row = model.row_of(model.visible_ids()[ids(model).index(5)])
    assert model.data(model.index(row, Column.TEXT)) == "<b>粗体</b><U+202E>反转"


def test_removing_decided_posts_removes_their_rows(qtbot, model: QueueTableModel) -> None:
    model.set_filter(QueueFilter(collapse_clusters=False))
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove_posts([model.visible_ids()[0], model.visible_ids()[1]])
    assert model.rowCount() == 3
    assert model.total == 3


def test_claimed_elsewhere_rows_are_greyed_and_say_who_holds_them(model: QueueTableModel) -> None:
    first = model.visible_ids()[0]
    model.set_claimed_elsewhere([first])
    index = model.index(0, Column.TEXT)
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#808080"
    assert model.flags(index) & Qt.ItemFlag.ItemIsSelectable, "selectable, to see who holds it"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == (
        "Held by another moderator: you cannot decide it until they release it.")
    assert model.held_elsewhere(first) and not model.held_elsewhere(model.visible_ids()[1])


def test_suggestion_arriving_later_updates_the_row(qtbot, model: QueueTableModel) -> None:
    post_id = model.visible_ids()[ids(model).index(2)]
    with qtbot.waitSignal(model.dataChanged):
        model.set_suggestion(post_id, suggestion("10.8", 0.55))
    assert model.data(model.index(model.row_of(post_id), Column.SUGGESTED)) == "10.8 (55%)"


def test_no_children_and_no_data_outside_the_table(model: QueueTableModel) -> None:
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(99, 0)) is None


def test_hundred_thousand_rows_load_and_sort(model: QueueTableModel, pack) -> None:
    items = [queue_item(i, f"帖子 {i}", priority=i % 5, flagged_minutes_ago=i % 2000) for i in range(100_000)]
    big = QueueTableModel(pack, now=lambda: BASE + timedelta(minutes=1))
    big.set_items(items)
    assert big.rowCount() == 100_000
    big.sort(Column.PRIORITY, Qt.SortOrder.DescendingOrder)
    assert big.data(big.index(0, Column.PRIORITY)) == "4"
