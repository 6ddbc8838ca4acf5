"""What a decision still lacks, in the moderator's language, and which field to type it in.

The rules are core's (``validation_problems``, the service checks them again); this says them in Qt's translated
words and names the field, so the focus can go where the moderator has to type.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from moderator_app.core.decisions import DECISIONS_BY_KIND, Decision, DecisionKind, validation_problems
from moderator_app.ui.i18n import pick


@dataclass(frozen=True, slots=True)
class Missing:
    message: str
    field: str | None  # "note", "refutation", "restriction_days" or None (cite a category with the number keys)


class DecisionChecks(QObject):
    def missing(self, decision: Decision) -> list[Missing]:
        spec = DECISIONS_BY_KIND[decision.kind]
        label = pick(spec.label_zh, spec.label_en)
        out: list[Missing] = []
        if spec.requires_category and not decision.categories:
            out.append(Missing(self.tr("{decision} must cite at least one Article 10 category (number keys)").format(
                decision=label), None))
        if decision.kind is DecisionKind.NO_VIOLATION and decision.categories:
            out.append(Missing(self.tr("No violation cannot cite a category"), None))
        if spec.needs_refutation and not (decision.refutation and decision.refutation.strip()):
            out.append(Missing(self.tr("Rumour label needs a refutation text or link (Article 7(5)): type it, "
                                       "then Enter"), "refutation"))
        if spec.requires_note and not decision.note.strip():
            out.append(Missing(self.tr("{decision} needs a note: type it, then Enter").format(decision=label), "note"))
        if spec.needs_restriction_days and not (decision.restriction_days and decision.restriction_days > 0):
            out.append(Missing(self.tr("Restrict author needs a restriction of at least one day"),
                               "restriction_days"))
        if len(out) != len(validation_problems(decision)):  # the core's rules changed: say them as they are
            return [Missing(problem, None) for problem in validation_problems(decision)]
        return out
