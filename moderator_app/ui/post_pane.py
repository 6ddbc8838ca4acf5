"""The post pane: the post as plain text (never rich text) with evidence highlighted, and its context."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImageReader, QPixmap, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QGraphicsBlurEffect,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from moderator_app.core.models import MediaRef, PriorDecision, QueueItem, Suggestion
from moderator_app.ui.presenters import (
    VisibleText,
    author_line,
    decision_label,
    flag_source_label,
    printable,
    report_lines,
    safe_excerpt,
    sla_state,
    utf16_offset,
    visible_text,
)
from moderator_app.ui.widgets import plain_label, shrinkable

EVIDENCE_COLOUR = QColor(255, 214, 102)
MEDIA_PREVIEW = QSize(480, 320)
IMAGE_ALLOCATION_LIMIT_MB = 64  # a hostile image declaring 100,000×100,000 pixels is refused, not allocated
CONTROL_MARK_COLOUR = QColor(250, 200, 200)  # "<U+202E>" marks stand out from the post's own text


class MediaTile(QWidget):
    """A media placeholder, blurred and greyscale until the moderator reveals it (the reveal is audited)."""

    revealed = Signal(str)

    def __init__(self, media: MediaRef, *, blur: bool) -> None:
        super().__init__()
        self.media = media
        self.setObjectName(f"media_{media.media_id}")
        layout = QVBoxLayout(self)
        self.preview = plain_label("media_preview", wrap=True)
        self.preview.setText(f"[{safe_excerpt(media.kind, 20)}] {printable(media.description)}")
        self.preview.setMinimumHeight(48)
        shrinkable(self.preview)
        self.preview.setStyleSheet("background: #888; color: #eee; padding: 6px;")
        layout.addWidget(self.preview)
        self.reveal_button = QPushButton(self.tr("Reveal"))
        self.reveal_button.setObjectName("media_reveal")
        self.reveal_button.setAccessibleName(self.tr("Reveal media"))
        self.reveal_button.clicked.connect(self._reveal)
        layout.addWidget(self.reveal_button)
        self.is_blurred = False
        if blur:
            effect = QGraphicsBlurEffect(self.preview)
            effect.setBlurRadius(12)
            self.preview.setGraphicsEffect(effect)
            self.is_blurred = True
        else:
            self.reveal_button.hide()

    def show_image(self, data: bytes) -> bool:
        """The image itself once revealed (PNG or JPEG only, size-limited: the bytes come from the platform); the
        description stays as the tooltip. False, with the description kept, when the bytes are not such an image."""
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAllocationLimit(IMAGE_ALLOCATION_LIMIT_MB)
        if bytes(reader.format().data()) not in (b"png", b"jpeg", b"jpg"):
            return False
        image = reader.read()
        if image.isNull():
            return False
        pixmap = QPixmap.fromImage(image).scaled(MEDIA_PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)
        self.preview.setToolTip(self.preview.text())
        self.preview.setPixmap(pixmap)
        return True

    def _reveal(self) -> None:
        self.preview.setGraphicsEffect(None)  # type: ignore[arg-type]
        self.preview.setStyleSheet("background: #ddd; color: #111; padding: 6px;")
        self.is_blurred = False
        self.reveal_button.hide()
        self.revealed.emit(self.media.media_id)


class PostPane(QWidget):
    media_revealed = Signal(str, str)  # post id, media id

    def __init__(self, *, blur_media: bool = True) -> None:
        super().__init__()
        self.setObjectName("post_pane")
        self.setAccessibleName(self.tr("Post"))
        self._blur = blur_media
        self._item: QueueItem | None = None
        self._shown = VisibleText("", ())
        self._original_length = 0
        self._tiles: list[MediaTile] = []
        layout = QVBoxLayout(self)
        self.second_review = plain_label("second_review_banner", self.tr(
            "Second review: decide this post as if it were new. The first decision and who made it are not shown; "
            "your verdict goes to the audit log for your lead's agreement figures, not to the platform."), wrap=True)
        self.second_review.setStyleSheet("background: #e3ecfa; color: #1d3557; padding: 4px;")
        layout.addWidget(self.second_review)
        self.held = plain_label("held_banner", wrap=True)  # another moderator holds this post: read-only
        self.held.setStyleSheet("background: #eeeeee; color: #333; padding: 4px; font-weight: bold;")
        self.held.hide()
        layout.addWidget(self.held)
        self.author = plain_label("post_author", wrap=True)
        self.meta = plain_label("post_meta", wrap=True)
        self.sla = plain_label("post_sla")
        shrinkable(self.second_review, self.held, self.author, self.meta, self.sla)
        self.text = QPlainTextEdit()  # plain text by construction: markup in a post is shown as characters
        self.text.setObjectName("post_text")
        self.text.setAccessibleName(self.tr("Post text"))
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.media_row = QHBoxLayout()
        self.reports = QListWidget()
        self.reports.setObjectName("post_reports")
        self.reports.setAccessibleName(self.tr("Reports"))
        self.history = QListWidget()
        self.history.setObjectName("post_history")
        self.history.setAccessibleName(self.tr("Author history"))
        # Small minimums: on a 768 px screen the text and the lists share what is left, each scrolling itself.
        self.text.setMinimumHeight(80)
        for listing in (self.reports, self.history):
            listing.setMinimumHeight(48)
        for widget in (self.author, self.meta, self.sla):
            layout.addWidget(widget)
        layout.addWidget(self.text, 3)
        layout.addLayout(self.media_row)
        self._heading(layout, self.tr("Reports"))
        layout.addWidget(self.reports, 1)
        self._heading(layout, self.tr("Author history"))
        layout.addWidget(self.history, 1)
        self.show_item(None)

    def heightForWidth(self, _width: int) -> int:
        """Its minimum: the scroll area would otherwise size the pane to the wrapped labels' preferred height (the
        text box 800 px tall, reports and history below the screen's edge) instead of fitting it to the view."""
        return self.minimumSizeHint().height()

    @staticmethod
    def _heading(layout: QVBoxLayout, text: str) -> QLabel:
        label = plain_label("", text, bold=True)
        layout.addWidget(label)
        return label

    def show_held(self, message: str) -> None:
        self.held.setText(message)
        self.held.setVisible(bool(message))

    def reveal_next(self) -> bool:
        """Key V: reveal the first media still blurred (audited like a click on Reveal)."""
        tile = next((t for t in self._tiles if t.is_blurred), None)
        if tile is None:
            return False
        tile.reveal_button.click()
        return True

    def set_blur(self, blur: bool) -> None:
        """Applies from the next post shown; a tile already revealed stays revealed."""
        self._blur = blur

    @property
    def item(self) -> QueueItem | None:
        return self._item

    def show_item(
        self,
        item: QueueItem | None,
        *,
        suggestions: Sequence[Suggestion] = (),
        history: Sequence[PriorDecision] = (),
        may_see_identity: bool = False,
        now: datetime | None = None,
        deadline: datetime | None = None,
        second_review: bool = False,
    ) -> None:
        # The same post again (its author history arrived): media the moderator revealed stay revealed.
        same_post = item is not None and self._item is not None and self._item.post_id == item.post_id
        self._item = item
        self.second_review.setVisible(item is not None and second_review)
        if not same_post:
            self._clear_media()
        self.reports.clear()
        self.history.clear()
        if item is None:
            self.author.setText(self.tr("No post selected"))
            self.meta.clear()
            self.sla.clear()
            self._show_text("")
            return
        self.author.setText(author_line(item, may_see_identity=may_see_identity))
        post = item.post
        self.meta.setText(
            self.tr("Published {published} · {reposts} reposts · flagged {flagged} ({source})").format(
                published=post.published_at.astimezone().strftime("%Y-%m-%d %H:%M %Z"),
                reposts=f"{post.repost_count:,}",
                flagged=item.flagged_at.astimezone().strftime("%m-%d %H:%M"),
                source=flag_source_label(item.source.value),
            )
        )
        if deadline is not None:
            self.show_sla(deadline, now or datetime.now(UTC))
        else:
            self.sla.clear()
        self._show_text(post.text)
        self.highlight(suggestions)
        self.reports.addItems(report_lines(item))
        self.history.addItems(
            [f"{h.decided_at.astimezone().strftime('%Y-%m-%d')}  {safe_excerpt(decision_label(h.kind), 40)}  "
             f"{safe_excerpt(', '.join(h.categories), 80)}" for h in history]
        )
        for media in () if same_post else post.media:
            tile = MediaTile(media, blur=self._blur)
            tile.revealed.connect(functools.partial(self.media_revealed.emit, post.post_id))
            self.media_row.addWidget(tile)
            self._tiles.append(tile)

    def show_sla(self, deadline: datetime, now: datetime) -> None:
        state = sla_state(deadline, now)
        self.sla.setText(self.tr("SLA: {0}").format(state.label))
        self.sla.setStyleSheet("color: #c0392b; font-weight: bold;" if state.breached else
                               "color: #b9770e;" if state.due_soon else "")

    def _show_text(self, text: str) -> None:
        self._shown = visible_text(text)
        self._original_length = len(text)
        self.text.setPlainText(self._shown.text)

    def _selection(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        """A tint over shown characters [start, end) (code points of the shown text)."""
        shown = self._shown.text
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(utf16_offset(shown, start))
        cursor.setPosition(utf16_offset(shown, end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def highlight(self, suggestions: Sequence[Suggestion]) -> None:
        """Mark every evidence span (spans index the original text in code points) and every control mark."""
        selections = [self._selection(start, end, CONTROL_MARK_COLOUR) for start, end in self._shown.marks]
        for s in suggestions:
            for evidence in s.evidence:
                if evidence.span is None:
                    continue
                start, end = evidence.span
                if not 0 <= start < end <= self._original_length:
                    continue
                selections.append(self._selection(self._shown.position(start), self._shown.position(end),
                                                  EVIDENCE_COLOUR))
        self.text.setExtraSelections(selections)

    def highlighted_spans(self) -> list[str]:
        """The evidence shown highlighted (control marks left out)."""
        return [s.cursor.selectedText() for s in self.text.extraSelections()
                if s.format.background().color() == EVIDENCE_COLOUR]

    def control_marks_shown(self) -> list[str]:
        return [s.cursor.selectedText() for s in self.text.extraSelections()
                if s.format.background().color() == CONTROL_MARK_COLOUR]

    def _clear_media(self) -> None:
        for tile in self._tiles:
            self.media_row.removeWidget(tile)
            tile.deleteLater()
        self._tiles = []

    def show_media_image(self, post_id: str, media_id: str, data: bytes) -> bool:
        """A fetched image, if its post is still shown and its tile still revealed."""
        if self._item is None or self._item.post_id != post_id:
            return False
        tile = next((t for t in self._tiles if t.media.media_id == media_id and not t.is_blurred), None)
        return tile is not None and tile.show_image(data)

    def media_tiles(self) -> list[MediaTile]:
        return list(self._tiles)
