"""Suggestions as the GUI and the CLI use them: the engine built from a policy pack and the team's model file,
decisions fed back (feedback to the audit log through a callback, reporter accuracy, near-duplicate memory),
and retraining that swaps the model in without stopping anything.

Every method blocks and is Qt-free: the GUI calls ``suggest`` on its worker lane, ``record_decision`` after a
decision is stored, and ``retrain`` on a background lane.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from moderator_app import paths
from moderator_app.core.models import CategoryId, PostId, QueueItem, Report, Suggestion
from moderator_app.core.policy import PolicyPack
from moderator_app.services.policy import load_policy
from moderator_app.suggestions.engine import MIN_SCORE, PostInput, SuggestionEngine
from moderator_app.suggestions.evaluation import EvalPost, EvalReport, evaluate, split
from moderator_app.suggestions.feedback import SuggestionFeedback, feedback_for_decision
from moderator_app.suggestions.lexicon_report import lexicon_report
from moderator_app.suggestions.lexicon_report import render as render_lexicon_report
from moderator_app.suggestions.model import MIN_POSITIVES, LabelledExample, ModelFileError, ModelInfo, TeamModel
from moderator_app.suggestions.neardup import DecidedPost, NearDuplicateMemory
from moderator_app.suggestions.reports import ReporterAccuracy, upheld_reports

__all__ = [
    "DecidedPost", "EvalPost", "EvalReport", "LabelledExample", "ModelFileError", "ModelInfo", "PostInput",
    "SuggestionEngine", "SuggestionFeedback", "SuggestionService", "TeamModel", "default_model_path", "evaluate",
    "lexicon_report", "load_policy", "load_starter", "render_lexicon_report", "split",
]

log = logging.getLogger(__name__)
RETRAIN_EVERY = 200  # decisions between background retrains
FeedbackSink = Callable[[Sequence[SuggestionFeedback]], None]


def default_model_path() -> Path:
    """Where the team model lives: ``suggestions/team-model.npz`` in the workstation's data folder."""
    return paths.data_dir() / "suggestions" / "team-model.npz"


def starter_model_path() -> Path:
    """The shipped starter model (built by ``make starter-model`` from public data whose licence lets it ship)."""
    return paths.resources_dir() / "suggestions" / "starter-model.npz"


def load_starter(path: Path | None = None) -> TeamModel | None:
    """The starter model, or None when it is missing or unusable (suggestions go on without it)."""
    path = path or starter_model_path()
    if not path.exists():
        return None
    try:
        return TeamModel.load(path)
    except ModelFileError as exc:
        log.warning("starter model not used: %s", exc)
        return None




class SuggestionService:
    """Implements ``core.ports.SuggestionSource``."""

    def __init__(self, engine: SuggestionEngine, *, model_path: Path | None = None,
                 on_feedback: FeedbackSink | None = None, model_error: str | None = None) -> None:
        self.engine = engine
        self.model_path = model_path
        self.on_feedback = on_feedback
        self.model_error = model_error  # why the model file could not be used, for the GUI's status line
        self._retrain_lock = threading.Lock()
        self._training_lock = threading.Lock()
        self._training: dict[str, tuple[LabelledExample, tuple[Report | str, ...]]] = {}
        self._since_training = 0

    @classmethod
    def build(cls, pack: PolicyPack | None = None, *, model_path: Path | None = None,
              on_feedback: FeedbackSink | None = None, language: str = "zh_CN",
              min_score: float = MIN_SCORE) -> SuggestionService:
        """The engine for ``pack`` (default: the default pack) with the team model from ``model_path``
        (default: the data folder). A missing model is normal (nothing trained yet); a damaged one is
        reported in ``model_error`` and suggestions go on without it."""
        pack = pack or load_policy()
        model_path = model_path or default_model_path()
        model, error = None, None
        if model_path.exists():
            try:
                model = TeamModel.load(model_path)
            except ModelFileError as exc:
                error = str(exc)
                log.warning("team model not used: %s", exc)
        engine = SuggestionEngine(pack, model=model, memory=NearDuplicateMemory(), reporters=ReporterAccuracy(),
                                  min_score=min_score, language=language, starter=load_starter())
        return cls(engine, model_path=model_path, on_feedback=on_feedback, model_error=error)

    def suggest(self, item: QueueItem) -> list[Suggestion]:
        return self.engine.suggest(item.post.text, item.reports, post_id=item.post_id)

    def suggest_text(self, text: str, reasons: Sequence[str] = ()) -> list[Suggestion]:
        return self.engine.suggest(text, reasons)

    def cluster(self, items: Sequence[QueueItem]) -> list[list[PostId]]:
        """Near-duplicate groups in the queue (two or more posts each, queue order)."""
        groups = self.engine.cluster([(item.post_id, item.post.text) for item in items])
        return [[PostId(post_id) for post_id in group] for group in groups]

    def remember(self, decided: Iterable[DecidedPost], reports: Iterable[Sequence[Report | str]] | None = None) -> int:
        """Load earlier decisions (e.g. from the audit log at start-up) into the near-duplicate memory and the
        training set (``reports``: each post's reports, if known)."""
        count = 0
        report_lists = iter(reports) if reports is not None else None
        for post in decided:
            self.engine.memory.add(post)
            self._learn(post.post_id, post.text, post.categories,
                        next(report_lists, ()) if report_lists is not None else ())
            count += 1
        return count

    def _learn(self, post_id: str, text: str, categories: Sequence[CategoryId],
               reports: Sequence[Report | str]) -> None:
        with self._training_lock:  # a re-decision replaces the earlier label
            self._training[post_id] = (LabelledExample(text, tuple(categories)), tuple(reports))
            self._since_training += 1

    def retrain_due(self, every: int = RETRAIN_EVERY) -> bool:
        """True when ``every`` decisions were learned since the model was last trained: the GUI then runs
        ``retrain()`` on its background lane."""
        with self._training_lock:
            return self._since_training >= every and len(self._training) >= 2 * MIN_POSITIVES

    def record_decision(self, item: QueueItem, suggestions: Sequence[Suggestion], cited: Sequence[CategoryId],
                        kind: str = "", *, moderator: str = "", decided_at: datetime | None = None,
                        ) -> list[SuggestionFeedback]:
        """After a decision: the accept/override record of each suggestion goes to ``on_feedback``, the
        reporters' accuracy is updated and the post joins the near-duplicate memory and the training data."""
        decided_at = decided_at or datetime.now(UTC)
        feedback = feedback_for_decision(item.post_id, suggestions, cited, moderator, decided_at)
        for reporter, upheld in upheld_reports(item.reports, cited, self.engine.pack.report_reasons):
            self.engine.reporters.record(reporter, upheld)
        self.engine.memory.add(DecidedPost(item.post_id, item.post.text, tuple(cited), moderator, decided_at, kind))
        self._learn(item.post_id, item.post.text, cited, item.reports)
        if self.on_feedback is not None:
            self.on_feedback(feedback)
        return feedback

    def retrain(self, examples: Sequence[LabelledExample] | None = None,
                reports: Sequence[Sequence[Report | str]] | None = None) -> ModelInfo | None:
        """Train on ``examples`` (default: every decision remembered or recorded so far; each example's reports,
        if known, calibrate the report signal), save over the old model atomically and swap it in. Returns the
        new model's info, or None when there is not enough data (the current model stays)."""
        if examples is None:
            with self._training_lock:
                pairs = list(self._training.values())
                self._since_training = 0
            examples, reports = [e for e, _r in pairs], [r for _e, r in pairs]
        reports = reports if reports is not None else [() for _ in examples]
        priors = self.engine.signal_scores([PostInput(e.text, r) for e, r in zip(examples, reports, strict=True)])
        with self._retrain_lock:  # two retrains at once would race on the file
            model = TeamModel.train(examples, priors)
            if model is None:
                return None
            if self.model_path is not None:
                model.save(self.model_path)
            self.engine.set_model(model)
            self.model_error = None
            return model.info
