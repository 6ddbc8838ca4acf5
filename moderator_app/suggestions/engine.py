"""The suggestion engine: every signal gives evidence with a contribution in [0, 1] to a category; a category's
score is the noisy-OR of its contributions, ``1 - prod(1 - c)``; categories reaching ``min_score`` are
suggested, best first. Every category is treated the same way: one without lexicons simply gets no lexicon
evidence.

Signals: lexicon terms and patterns (contribution = the term's weight, once per term), reports (the reporter's
accuracy), near-duplicates of decided posts (similarity × NEAR_DUPLICATE_WEIGHT) and the team model. Where the
model has been trained for a category it is calibrated on the lexicon + report score too (it has learned how
far to trust them on the team's history), so its probability replaces their noisy-OR; near-duplicates still
add to it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from moderator_app.core.models import CategoryId, Evidence, Report, Suggestion
from moderator_app.core.policy import PolicyPack
from moderator_app.core.report_reasons import REPORT_REASON_ZH
from moderator_app.suggestions.context import strongest
from moderator_app.suggestions.features import NgramBatch
from moderator_app.suggestions.lexicon import LexiconHit, LexiconMatcher
from moderator_app.suggestions.model import ScoredBatch, TeamModel
from moderator_app.suggestions.neardup import NearDuplicate, NearDuplicateMemory, cluster
from moderator_app.suggestions.normalise import Normalised, normalise
from moderator_app.suggestions.reports import ReporterAccuracy, ReportHit, report_hits

MIN_SCORE = 0.5
NEAR_DUPLICATE_WEIGHT = 0.9
MODEL_EVIDENCE_FLOOR = 0.05  # below this the model's "probably not" is noise, not evidence
MAX_ANALYSED_CHARS = 20_000  # hostile 1 MB posts: the first 20,000 characters are analysed, spans stay exact


@dataclass(frozen=True, slots=True)
class PostInput:
    text: str
    reports: Sequence[Report | str] = ()
    post_id: str | None = None


def _noisy_or(items: Sequence[Evidence]) -> float:
    remaining = 1.0
    for item in items:
        remaining *= 1.0 - min(1.0, max(0.0, item.contribution))
    return 1.0 - remaining


def _priors(evidence: dict[CategoryId, list[Evidence]], started: dict[CategoryId, float]) -> dict[CategoryId,
                                                                                                  float]:
    """Per category, the noisy-OR of the lexicon and report evidence and the starter model's probability."""
    scores = {c: _noisy_or(items) for c, items in evidence.items()}
    for category, probability in started.items():
        scores[category] = 1.0 - (1.0 - scores.get(category, 0.0)) * (1.0 - probability)
    return scores


class SuggestionEngine:
    """Thread-safe once built; ``set_model`` swaps the team model atomically (background retraining)."""

    def __init__(self, pack: PolicyPack, *, model: TeamModel | None = None,
                 memory: NearDuplicateMemory | None = None, reporters: ReporterAccuracy | None = None,
                 min_score: float = MIN_SCORE, language: str = "en", starter: TeamModel | None = None) -> None:
        self.pack = pack
        self.starter = starter  # the shipped cold prior: a signal like the lexicons, under the team model
        self.matcher = LexiconMatcher(lex for category in pack.categories for lex in category.lexicons)
        self.memory = memory if memory is not None else NearDuplicateMemory()
        self.reporters = reporters if reporters is not None else ReporterAccuracy()
        self.min_score = min_score
        self.language = language
        self._model = model
        self._order = {c: i for i, c in enumerate(pack.category_ids)}
        self._lock = threading.Lock()

    @property
    def model(self) -> TeamModel | None:
        return self._model

    def set_model(self, model: TeamModel | None) -> None:
        with self._lock:
            self._model = model

    def suggest(self, text: str, reports: Sequence[Report | str] = (), *, post_id: str | None = None,
                use_model: bool = True) -> list[Suggestion]:
        """Ranked suggestions for one post ([] when nothing reaches ``min_score``)."""
        return self.suggest_many([PostInput(text, reports, post_id)], use_model=use_model)[0]

    def suggest_many(self, posts: Sequence[PostInput], *, use_model: bool = True) -> list[list[Suggestion]]:
        """As ``suggest`` for many posts; the model scores them in one batch."""
        model = self._model if use_model else None
        texts = [p.text[:MAX_ANALYSED_CHARS] for p in posts]
        normalised = [normalise(text) for text in texts]
        # the n-grams of the batch, analysed once for the starter, the team model and their explanations
        batch = NgramBatch.of([n.text for n in normalised]) if model is not None or self.starter else None
        signals, started, starter_scored = self._signals(posts, normalised, batch)
        priors = [_priors(evidence, starts) for evidence, starts in zip(signals, started, strict=True)]
        predicted: list[dict[CategoryId, float]] = [{} for _ in texts]
        team_scored = None
        if model is not None and batch is not None and texts:
            team_scored = model.features(batch)
            predicted = model.predict_features(team_scored, priors)
        all_scores: list[dict[CategoryId, float]] = []
        # the model evidence of suggested categories, built below for all posts at once and only for what is
        # suggested (the evidence of a category under ``min_score`` is never shown; its spans cost the most)
        team_wanted: list[tuple[int, CategoryId, float]] = []
        starter_wanted: list[tuple[int, CategoryId, float]] = []
        for index, (post, form, evidence, probabilities, starts, prior) in enumerate(
                zip(posts, normalised, signals, predicted, started, priors, strict=True)):
            duplicates: dict[CategoryId, list[Evidence]] = {}
            if len(self.memory):
                for duplicate in self.memory.similar(form.text, exclude=post.post_id, normalised=True):
                    for category in duplicate.decided.categories:
                        duplicates.setdefault(category, []).append(self._duplicate_evidence(duplicate, category))
            scores: dict[CategoryId, float] = {}  # only the suggested categories: nothing else is shown
            for category in {*prior, *duplicates, *probabilities}:
                duplicated = _noisy_or(duplicates[category]) if category in duplicates else 0.0
                if model is not None and category in probabilities:  # it learned how far to trust the rest
                    probability = probabilities[category]
                    score = 1.0 - (1.0 - probability) * (1.0 - duplicated)
                    if score >= self.min_score and probability >= MODEL_EVIDENCE_FLOOR:
                        team_wanted.append((index, category, probability))
                else:  # the lexicons, reports and starter (``prior``) and near-duplicates
                    score = 1.0 - (1.0 - prior.get(category, 0.0)) * (1.0 - duplicated)
                if score < self.min_score:
                    continue
                if category in starts:
                    starter_wanted.append((index, category, starts[category]))
                evidence[category] = [*evidence.get(category, []), *duplicates.get(category, [])]
                scores[category] = score
            all_scores.append(scores)
        for scorer, scored, wanted, is_starter in ((model, team_scored, team_wanted, False),
                                                   (self.starter, starter_scored, starter_wanted, True)):
            if scorer is None or scored is None or not wanted:
                continue
            spans = scorer.explain_features(scored, [(i, c) for i, c, _p in wanted])
            for (i, category, probability), found in zip(wanted, spans, strict=True):
                signals[i][category].extend(self._model_evidence(scorer, category, probability, normalised[i],
                                                                 found, starter=is_starter))
        return [self._rank(evidence, scores) for evidence, scores in zip(signals, all_scores, strict=True)]

    def signal_scores(self, posts: Sequence[PostInput]) -> list[dict[CategoryId, float]]:
        """The lexicon + report + starter score per category of each post: what the model is calibrated
        against."""
        normalised = [normalise(p.text[:MAX_ANALYSED_CHARS]) for p in posts]
        batch = NgramBatch.of([n.text for n in normalised]) if self.starter is not None else None
        signals, started, _scored = self._signals(posts, normalised, batch)
        return [_priors(evidence, starts) for evidence, starts in zip(signals, started, strict=True)]

    def _signals(self, posts: Sequence[PostInput], normalised: Sequence[Normalised],
                 batch: NgramBatch | None) -> tuple[list[dict[CategoryId, list[Evidence]]],
                                                    list[dict[CategoryId, float]], ScoredBatch | None]:
        """Lexicon and report evidence per post; the starter model's probabilities that count as evidence (at
        least MODEL_EVIDENCE_FLOOR, for the pack's categories: its Evidence is made only for what ends up
        suggested); and the starter's features of ``batch``, to explain those."""
        starter = self.starter
        started: list[dict[CategoryId, float]] = [{} for _ in posts]
        scored = None
        if starter is not None and batch is not None and posts:
            scored = starter.features(batch)
            started = [{c: p for c, p in probabilities.items() if p >= MODEL_EVIDENCE_FLOOR and c in self._order}
                       for probabilities in starter.predict_features(scored)]
        signals = []
        for post, form in zip(posts, normalised, strict=True):
            evidence: dict[CategoryId, list[Evidence]] = {}
            for category, item in self._lexicon_evidence(self.matcher.match(form), form.original):
                evidence.setdefault(category, []).append(item)
            for hit in report_hits(post.reports, self.pack.report_reasons, self.reporters):
                evidence.setdefault(hit.category, []).append(self._report_evidence(hit))
            signals.append(evidence)
        return signals, started, scored

    def cluster(self, posts: Sequence[tuple[str, str]]) -> list[list[str]]:
        """Near-duplicate groups among (post_id, text) pairs in queue order (groups of two or more)."""
        return cluster(posts, self.memory.threshold)

    def _rank(self, evidence: dict[CategoryId, list[Evidence]], scores: dict[CategoryId, float]) -> list[Suggestion]:
        suggestions = []
        for category, score in scores.items():
            if score >= self.min_score and category in self._order:
                ordered = sorted(evidence[category], key=lambda e: -e.contribution)
                suggestions.append(Suggestion(category, round(score, 4), tuple(ordered)))
        suggestions.sort(key=lambda s: (-s.score, self._order[s.category]))
        return suggestions

    def _explain(self, zh: str, en: str) -> str:
        return (zh or en) if self.language.startswith("zh") else (en or zh)

    def _lexicon_evidence(self, hits: list[LexiconHit], text: str) -> list[tuple[CategoryId, Evidence]]:
        """One piece of evidence per hit; a term's weight counts once, on its strongest occurrence (a quoted or
        negated occurrence is lowered by its context rule, and a plain one elsewhere still counts in full)."""
        lowered = [strongest(hit.entry.contexts, text, hit.span) if hit.entry.contexts else None for hit in hits]
        weights = [hit.entry.weight * (rule.factor if rule else 1.0) for hit, rule in zip(hits, lowered, strict=True)]
        best: dict[tuple[CategoryId, str, str], int] = {}
        for index, hit in enumerate(hits):
            key = (hit.entry.category, hit.entry.kind, hit.entry.source)
            if key not in best or weights[index] > weights[best[key]]:
                best[key] = index
        counted = set(best.values())
        found = []
        for index, (hit, rule) in enumerate(zip(hits, lowered, strict=True)):
            entry = hit.entry
            explanation = self._explain(entry.explain_zh, entry.explain_en)
            detail = f"“{hit.matched}”" + (f": {explanation}" if explanation else "") + f" [{entry.lexicon_id}]"
            if rule is not None:
                why = self._explain(rule.explain_zh, rule.explain_en) or rule.rule_id
                detail += (f"（语境降权 ×{rule.factor:g}：{why}）" if self.language.startswith("zh")
                           else f" (lowered ×{rule.factor:g}: {why})")
            contribution = weights[index] if index in counted else 0.0  # a repeated term adds a span, not weight
            found.append((entry.category, Evidence(entry.kind, detail, contribution, span=hit.span,
                                                   reference=entry.source)))
        return found

    def _report_evidence(self, hit: ReportHit) -> Evidence:
        who = hit.reporter_id or ("未知举报人" if self.language.startswith("zh") else "unknown reporter")
        if self.language.startswith("zh"):
            reason = REPORT_REASON_ZH.get(hit.reason, hit.reason)
            detail = f"举报理由“{reason}”，举报人 {who}（历史准确率 {hit.accuracy:.0%}）"
        else:
            detail = f"reported as '{hit.reason}' by {who} (past accuracy {hit.accuracy:.0%})"
        return Evidence("report", detail, hit.accuracy, reference=hit.reporter_id)

    def _duplicate_evidence(self, duplicate: NearDuplicate, category: CategoryId) -> Evidence:
        decided = duplicate.decided
        when = decided.decided_at.strftime("%Y-%m-%d")
        if self.language.startswith("zh"):
            detail = (f"相似内容（相似度 {duplicate.similarity:.0%}）已于 {when} 由 {decided.decided_by or '审核员'} "
                      f"判定为 {category}")
        else:
            detail = (f"near-duplicate (similarity {duplicate.similarity:.0%}) of a post decided as {category} "
                      f"on {when} by {decided.decided_by or 'a moderator'}")
        return Evidence("near_duplicate", detail, duplicate.similarity * NEAR_DUPLICATE_WEIGHT,
                        reference=decided.post_id)

    def _model_evidence(self, model: TeamModel, category: CategoryId, probability: float, form: Normalised,
                        spans: list[tuple[int, int]], *, starter: bool = False) -> list[Evidence]:
        """The model's probability, on the phrase that pushed it most; further phrases add spans, not weight."""
        zh = self.language.startswith("zh")
        if zh:
            name = "初始模型（公开数据）" if starter else f"团队模型（{model.info.model_version}）"
            detail = f"{name}估计概率 {probability:.0%}"
        else:
            name = "starter model (public data)" if starter else f"team model ({model.info.model_version})"
            detail = f"{name} estimates {probability:.0%}"
        reference = ("starter:" if starter else "") + model.info.model_version
        if not spans:
            return [Evidence("model", detail, probability, reference=reference)]
        found = []
        for index, (start, end) in enumerate(spans):
            a, b = form.original_span(start, end)
            phrase = "“" + form.original[a:b] + "”"
            if index == 0:
                text = f"{phrase}: {detail}"
            else:
                text = f"{phrase}: 模型依据之一" if zh else f"{phrase}: also weighed by the {name}"
            found.append(Evidence("model", text, probability if index == 0 else 0.0, span=(a, b),
                                  reference=reference))
        return found
