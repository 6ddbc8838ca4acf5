"""Characters that reorder or hide text are shown as marks wherever the review screen shows untrusted text:
"\u202egpj.exe" must never read as "exe.jpg", and the zero-width space a lexicon caught must be seen."""

from __future__ import annotations

from dataclasses import replace

from moderator_app.core.models import (
    Author,
    AuthorId,
    CategoryId,
    Evidence,
    MediaRef,
    PriorDecision,
    Report,
    Suggestion,
)
from moderator_app.ui.post_pane import PostPane
from moderator_app.ui.presenters import printable, safe_excerpt, visible_text
from tests.factories import BASE, queue_item

RLO, PDF, RLI, PDI, ZWSP, ZWNJ, ZWJ, BOM, WJ, LRM = (
    "\u202e", "\u202c", "\u2067", "\u2069", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u200e")


def test_one_function_marks_every_reordering_or_invisible_character() -> None:
    for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x200B, 0x2010), 0xFEFF, 0x2060]:
        assert printable(f"a{chr(code)}b") == f"a<U+{code:04X}>b"
    family = "家庭 👨\u200d👩\u200d👧"
    assert printable(family) == family, "an emoji sequence's joiner draws one picture"
    assert safe_excerpt(f"x{ZWSP}y") == "x<U+200B>y"  # the queue column says the same


def test_the_post_pane_shows_overrides_and_zero_width_characters_as_marks(qtbot) -> None:
    text = f"下载 {RLO}gpj.exe{PDF} 或 {RLI}moc.elgoog//:sptth{PDI} 赌{ZWSP}博 百{ZWNJ}家{BOM}乐{WJ}{LRM}"
    start = text.index("赌")
    item = queue_item(1, text)
    item = replace(item, post=replace(
        item.post, author=Author(AuthorId(f"u1{RLO}"), f"客服{RLO}gpj.exe{ZWSP}", f"张{ZWJ}三"),
        media=(MediaRef("m1", f"image{RLO}", f"截图{RLO}fdp.exe"),)),
        reports=(Report(f"r{ZWSP}1", f"gambling{RLO}", f"举报{RLI}文字{PDI}", BASE),))
    evidence = (Evidence("lexicon", "赌博", 0.5, span=(start, start + 3)),)
    pane = PostPane()
    qtbot.addWidget(pane)
    pane.show_item(item, suggestions=[Suggestion(CategoryId("10.7"), 0.8, evidence)], may_see_identity=True,
                   history=[PriorDecision(item.post_id, f"remove{RLO}", (CategoryId(f"10.7{ZWSP}"),), BASE)])

    assert pane.text.toPlainText() == (
        "下载 <U+202E>gpj.exe<U+202C> 或 <U+2067>moc.elgoog//:sptth<U+2069> 赌<U+200B>博 "
        "百<U+200C>家<U+FEFF>乐<U+2060><U+200E>")
    assert pane.highlighted_spans() == ["赌<U+200B>博"], "the evidence span covers the marked characters"
    assert pane.control_marks_shown() == ["<U+202E>", "<U+202C>", "<U+2067>", "<U+2069>", "<U+200B>", "<U+200C>",
                                          "<U+FEFF>", "<U+2060>", "<U+200E>"]
    assert pane.author.text() == "客服<U+202E>gpj.exe<U+200B> · u1<U+202E> · 张<U+200D>三"
    [report] = [pane.reports.item(n).text() for n in range(pane.reports.count())]
    assert "gambling<U+202E>" in report and "r<U+200B>1" in report and "举报<U+2067>文字<U+2069>" in report
    [history] = [pane.history.item(n).text() for n in range(pane.history.count())]
    assert "remove<U+202E>" in history and "10.7<U+200B>" in history
    [tile] = pane.media_tiles()
    assert tile.preview.text() == "[image<U+202E>] 截图<U+202E>fdp.exe"
    shown = [pane.text.toPlainText(), pane.author.text(), report, history, tile.preview.text()]
    assert not any(ch in line for line in shown for ch in (RLO, PDF, RLI, PDI, ZWSP, ZWNJ, ZWJ, BOM, WJ, LRM))


def test_positions_map_original_indices_to_shown_ones() -> None:
    shown = visible_text(f"a{RLO}b")
    assert shown.text == "a<U+202E>b"
    assert [shown.position(i) for i in range(4)] == [0, 1, 9, 10]
    assert visible_text("plain").position(3) == 3
