"""Context rules: wording around a lexicon hit that makes it a mention, not a use (a quotation, a negation, a
news report, an anti-fraud warning). A rule lowers the hit's weight (multiplies it by the rule's factor)
instead of letting it fire; a moderator sees the hit and the rule that lowered it.

The text around a hit is read in the ORIGINAL post, WINDOW characters each side, so a rule is written against
what the moderator sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from moderator_app.core.policy import LexiconContext
from moderator_app.suggestions.patterns import compile_search

WINDOW = 16


@dataclass(frozen=True, slots=True)
class ContextRule:
    rule_id: str
    factor: float
    before: Any  # RE2 patterns (None: no condition): a team's rule cannot make one post backtrack for ever
    after: Any
    anywhere: Any
    explain_zh: str
    explain_en: str

    def applies(self, text: str, span: tuple[int, int]) -> bool:
        start, end = span
        if self.before is not None and not self.before.search(text[max(0, start - WINDOW):start]):
            return False
        if self.after is not None and not self.after.search(text[end:end + WINDOW]):
            return False
        return self.anywhere is None or bool(self.anywhere.search(text))


def compile_rules(contexts: Sequence[LexiconContext]) -> tuple[ContextRule, ...]:
    def compiled(regex: str) -> Any:
        return compile_search(regex) if regex else None

    return tuple(ContextRule(c.rule_id, c.factor, compiled(c.before), compiled(c.after), compiled(c.anywhere),
                             c.explain_zh, c.explain_en) for c in contexts)


def strongest(rules: Sequence[ContextRule], text: str, span: tuple[int, int]) -> ContextRule | None:
    """The applicable rule that lowers the hit most, or None."""
    found = [rule for rule in rules if rule.applies(text, span)]
    return min(found, key=lambda rule: rule.factor) if found else None
