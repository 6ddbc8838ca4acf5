from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from moderator_app import paths
from moderator_app.core.models import CategoryId, Evidence, MediaRef, Suggestion
from moderator_app.policy import load_pack_by_id
from moderator_app.settings import Settings
from moderator_app.ui.actions import build_decision_actions
from moderator_app.ui.decision_bar import DecisionBar
from moderator_app.ui.post_pane import PostPane
from moderator_app.ui.suggestions_panel import SuggestionsPanel
from tests.factories import queue_item
from tests.ui.conftest import activate

HOSTILE = {  # what arrives -> what the pane shows
    "<b>bold</b><img src='http://evil.example/x.png'><script>alert(1)</script>":
        "<b>bold</b><img src='http://evil.example/x.png'><script>alert(1)</script>",
    "正常\u202etxet desrever\u202c文字": "正常<U+202E>txet desrever<U+202C>文字",
    "零\u200b宽\u200d连接": "零<U+200B>宽<U+200D>连接",
    "坏的代理对\ud800结尾": "坏的代理对\ufffd结尾",
    "长" * 1_000_000: "长" * 1_000_000,
}


@pytest.fixture(scope="module")
def pack():
    return load_pack_by_id("beijing-2011", paths.policy_dirs())


@pytest.mark.parametrize(("text", "expected"), HOSTILE.items(), ids=["html", "rtl", "zero-width", "surrogate", "1MB"])
def test_hostile_post_content_is_shown_as_inert_text(qtbot, text: str, expected: str) -> None:
    pane = PostPane()
    qtbot.addWidget(pane)
    pane.show_item(queue_item(1, text))
    assert isinstance(pane.text, QPlainTextEdit), "a plain-text widget cannot render markup"
    assert pane.text.toPlainText() == expected
    for label in pane.findChildren(QLabel):
        assert label.textFormat() != label.textFormat().RichText


def test_evidence_spans_are_highlighted_on_the_original_characters(qtbot) -> None:
    pane = PostPane()
    qtbot.addWidget(pane)
    text = "😀😀 加薇信 赌*博 网站"
    start = text.index("赌*博")
    evidence = (Evidence("lexicon", "赌博", 0.5, span=(start, start + 3)),
                Evidence("report", "gambling", 0.2))
    pane.show_item(queue_item(1, text), suggestions=[Suggestion(CategoryId("10.7"), 0.8, evidence)])
    assert pane.highlighted_spans() == ["赌*博"]


def test_author_identity_only_for_a_role_that_may_see_it(qtbot) -> None:
    pane = PostPane()
    qtbot.addWidget(pane)
    item = queue_item(7, "x", real_name="张三")
    pane.show_item(item, may_see_identity=False)
    assert "张三" not in pane.author.text()
    assert "u0000000007" in pane.author.text()
    pane.show_item(item, may_see_identity=True)
    assert "张三" in pane.author.text()


def test_media_is_blurred_until_revealed_and_the_reveal_is_reported(qtbot) -> None:
    from dataclasses import replace

    pane = PostPane(blur_media=True)
    qtbot.addWidget(pane)
    item = queue_item(3, "看图")
    item = replace(item, post=replace(item.post, media=(MediaRef("m1", "image", "一张图片"),)))
    pane.show_item(item)
    [tile] = pane.media_tiles()
    assert tile.is_blurred and tile.preview.graphicsEffect() is not None
    with qtbot.waitSignal(pane.media_revealed) as blocker:
        tile.reveal_button.click()
    assert blocker.args == [item.post_id, "m1"]
    assert not tile.is_blurred


def test_reports_are_listed(qtbot) -> None:
    pane = PostPane()
    qtbot.addWidget(pane)
    pane.show_item(queue_item(2, "x", reasons=("gambling", "scam")))
    assert pane.reports.count() == 2
    assert "gambling" in pane.reports.item(0).text()


def test_suggestions_panel_ranks_with_article_text_and_evidence(qtbot, pack) -> None:
    panel = SuggestionsPanel(pack)
    qtbot.addWidget(panel)
    panel.show_suggestions([
        Suggestion(CategoryId("10.7"), 0.91, (Evidence("lexicon", "百家乐", 0.6, span=(0, 3)),)),
        Suggestion(CategoryId("10.11"), 0.3),
    ])
    assert panel.tree.topLevelItemCount() == 2
    first = panel.tree.topLevelItem(0)
    assert first.text(0).startswith("10.7") and first.text(1) == "91%"
    assert first.child(0).text(0) == "lexicon: 百家乐"
    assert "散布淫秽、色情、赌博、暴力、恐怖或者教唆犯罪的" in panel.article.text()
    assert not panel.empty_note.isVisibleTo(panel)
    with qtbot.waitSignal(panel.take_requested) as blocker:
        panel.tree.itemActivated.emit(first, 0)
    assert blocker.args == ["10.7"]
    panel.show_suggestions([])
    assert panel.empty_note.isVisibleTo(panel) and panel.article.text() == ""


def test_decision_bar_cites_categories_with_number_keys(qtbot, pack) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = DecisionBar(pack, build_decision_actions(window, Settings().shortcut_overrides))
    window.setCentralWidget(bar)
    window.show()
    activate(qtbot, window)
    qtbot.keyClick(window, "7")
    qtbot.keyClick(window, "-")
    assert bar.cited() == ("10.7", "10.11")
    qtbot.keyClick(window, "7")
    assert bar.cited() == ("10.11",)
    bar.reset(("10.6",))
    assert bar.cited() == ("10.6",)
    assert bar.note.text() == ""
