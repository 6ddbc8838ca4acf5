"""A lexicon report for leads: each term's hits on the team's decided posts, how often the decision cited the
term's category (its precision there), and a proposed weight.

The proposed weight is the smoothed precision ``(cited + 1) / (hits + 2)`` rounded to 0.05, the same rule the
sourced lexicon was calibrated with (resources/policies/beijing-2011/SOURCES.md); with fewer than MIN_HITS hits
there is too little to go on and none is proposed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from moderator_app.core.models import CategoryId
from moderator_app.suggestions.engine import SuggestionEngine
from moderator_app.suggestions.evaluation import EvalPost
from moderator_app.suggestions.normalise import normalise

MIN_HITS = 5


@dataclass(frozen=True, slots=True)
class TermReport:
    lexicon_id: str
    category: CategoryId
    term: str  # the term as written, or the pattern's regex
    weight: float
    hits: int  # decided posts it matched
    cited: int  # of those, decided with its category

    @property
    def precision(self) -> float:
        return self.cited / self.hits if self.hits else 0.0

    @property
    def proposed_weight(self) -> float | None:
        if self.hits < MIN_HITS:
            return None
        return round(min(0.95, max(0.05, (self.cited + 1) / (self.hits + 2))) * 20) / 20


def lexicon_report(engine: SuggestionEngine, posts: Sequence[EvalPost]) -> list[TermReport]:
    """Terms that matched at least one post, most hits first."""
    counts: dict[tuple[str, str, str, float, str], list[int]] = {}
    for post in posts:
        seen = set()
        for hit in engine.matcher.match(normalise(post.example.text)):
            entry = hit.entry
            key = (entry.lexicon_id, entry.category, entry.source, entry.weight, entry.kind)
            if key in seen:
                continue
            seen.add(key)
            row = counts.setdefault(key, [0, 0])
            row[0] += 1
            row[1] += entry.category in post.example.categories
    reports = [TermReport(lexicon, CategoryId(category), term, weight, hits, cited)
               for (lexicon, category, term, weight, _kind), (hits, cited) in counts.items()]
    return sorted(reports, key=lambda r: (-r.hits, r.lexicon_id, r.term))


def render(reports: Sequence[TermReport], posts: int) -> str:
    lines = [f"{'lexicon':<18} {'category':<8} {'term':<24} {'weight':>6} {'hits':>5} {'cited':>5} "
             f"{'precision':>9} {'proposed':>8}"]
    for r in reports:
        proposed = f"{r.proposed_weight:.2f}" if r.proposed_weight is not None else "-"
        lines.append(f"{r.lexicon_id:<18} {r.category:<8} {r.term:<24} {r.weight:>6.2f} {r.hits:>5} {r.cited:>5} "
                     f"{r.precision:>9.2f} {proposed:>8}")
    lines.append(f"{len(reports)} terms matched {posts} decided posts; a weight is proposed from {MIN_HITS} hits "
                 "((cited + 1) / (hits + 2))")
    return "\n".join(lines)
