"""A policy pack: the versioned legal taxonomy the workstation cites (loaded by ``moderator_app.policy``)."""

from __future__ import annotations

from dataclasses import dataclass

from moderator_app.core.decisions import DecisionKind
from moderator_app.core.errors import UnknownCategoryError
from moderator_app.core.models import CategoryId, Severity


@dataclass(frozen=True, slots=True)
class LexiconTerm:
    text: str
    weight: float
    explain_zh: str = ""
    explain_en: str = ""


@dataclass(frozen=True, slots=True)
class LexiconPattern:
    regex: str
    weight: float
    explain_zh: str = ""
    explain_en: str = ""


@dataclass(frozen=True, slots=True)
class LexiconContext:
    """Wording around a hit that makes it a mention rather than a use (a quotation, a negation, a news report or
    an anti-fraud warning): the hit's weight is multiplied by ``factor``. The rule applies when every regex given
    matches: ``before`` in the text just before the hit, ``after`` just after it, ``anywhere`` in the post."""

    rule_id: str
    factor: float
    before: str = ""
    after: str = ""
    anywhere: str = ""
    explain_zh: str = ""
    explain_en: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    lexicon_id: str
    category: CategoryId
    title_zh: str
    title_en: str
    terms: tuple[LexiconTerm, ...]
    patterns: tuple[LexiconPattern, ...] = ()
    source: str = ""  # file it came from, for messages
    contexts: tuple[LexiconContext, ...] = ()


@dataclass(frozen=True, slots=True)
class Category:
    category_id: CategoryId
    article: str  # e.g. "第十条（七）"
    text_zh: str  # verbatim from the regulation
    title_en: str
    short_zh: str
    short_en: str
    severity: Severity
    sla_hours: int
    decision_kinds: frozenset[DecisionKind]
    lexicons: tuple[Lexicon, ...] = ()


@dataclass(frozen=True, slots=True)
class PolicyAction:
    """An Article 7 action the site must be able to take (制止, 限制, 报告公安机关, 辟谣)."""

    action_id: str
    article: str
    text_zh: str
    title_en: str


@dataclass(frozen=True, slots=True)
class PolicyPack:
    pack_id: str
    version: str
    title_zh: str
    title_en: str
    source: str
    categories: tuple[Category, ...]
    actions: tuple[PolicyAction, ...]
    report_reasons: dict[str, tuple[CategoryId, ...]]

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.category_id == category_id:
                return category
        raise UnknownCategoryError(category_id, self.pack_id, [c.category_id for c in self.categories])

    @property
    def category_ids(self) -> tuple[CategoryId, ...]:
        return tuple(c.category_id for c in self.categories)

    def categories_for_reason(self, reason: str) -> tuple[CategoryId, ...]:
        return self.report_reasons.get(reason, ())
