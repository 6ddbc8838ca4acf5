"""Ranked Article 10 suggestions with their evidence and the article's text. Suggestions never act by themselves."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from moderator_app.core.models import Suggestion
from moderator_app.core.policy import PolicyPack
from moderator_app.ui.i18n import pick
from moderator_app.ui.presenters import safe_excerpt
from moderator_app.ui.widgets import plain_label, shrinkable

EVIDENCE_LABELS = {"lexicon": "词表", "pattern": "模式", "report": "举报", "near_duplicate": "近似", "model": "模型"}


class SuggestionsPanel(QWidget):
    take_requested = Signal(str)  # category id the moderator chose to cite

    def __init__(self, pack: PolicyPack | None) -> None:
        super().__init__()
        self.setObjectName("suggestions_pane")
        self.setAccessibleName(self.tr("Suggestions (Article 10)"))
        self._pack = pack
        self._suggestions: list[Suggestion] = []
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("suggestions_heading", self.tr("Suggestions (Article 10)"), bold=True))
        self.tree = QTreeWidget()
        self.tree.setObjectName("suggestions_tree")
        self.tree.setAccessibleName(self.tr("Suggested categories"))
        self.tree.setHeaderLabels([self.tr("Category"), self.tr("Score")])
        # The category column takes the pane's width, the score keeps its own; long evidence lines are elided
        # (their full text is in the tooltip).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemActivated.connect(self._on_activated)
        layout.addWidget(self.tree, 3)
        self.article = plain_label("suggestion_article", wrap=True)
        shrinkable(self.article)
        layout.addWidget(self.article, 1)
        self.empty_note = plain_label("suggestions_empty", self.tr("No suggestion: decide on the post itself."))
        layout.addWidget(self.empty_note)

    def show_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self._suggestions = list(suggestions)
        self.tree.clear()
        for suggestion in suggestions:
            top = QTreeWidgetItem([self._category_label(suggestion.category), f"{suggestion.score:.0%}"])
            top.setData(0, Qt.ItemDataRole.UserRole, suggestion.category)
            for evidence in suggestion.evidence:
                kind = pick(EVIDENCE_LABELS.get(evidence.kind, evidence.kind), evidence.kind)
                detail = safe_excerpt(evidence.detail, 100)
                child = QTreeWidgetItem([f"{kind}: {detail}", f"+{evidence.contribution:.2f}"])
                child.setToolTip(0, safe_excerpt(evidence.detail, 400))
                child.setData(0, Qt.ItemDataRole.UserRole, suggestion.category)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.empty_note.setVisible(not suggestions)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        else:
            self.article.clear()

    @property
    def top(self) -> Suggestion | None:
        return self._suggestions[0] if self._suggestions else None

    def _category_label(self, category_id: str) -> str:
        if self._pack is None or category_id not in self._pack.category_ids:
            return category_id
        category = self._pack.category(category_id)
        return f"{category_id}  {pick(category.short_zh, category.short_en)}"

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None or self._pack is None:
            self.article.clear()
            return
        category_id = current.data(0, Qt.ItemDataRole.UserRole)
        if category_id in self._pack.category_ids:
            category = self._pack.category(category_id)
            # The regulation's own words always; the English gloss for an English reader only.
            self.article.setText(f"{category.article}：{category.text_zh}" + pick("", f"\n{category.title_en}"))

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.take_requested.emit(item.data(0, Qt.ItemDataRole.UserRole))
