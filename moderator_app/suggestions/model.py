"""The team-learned model: character n-grams of the normalised text, one linear classifier per category,
calibrated probabilities (scikit-learn).

Features are the character 1-3-grams of the normalised text seen at least twice in training (``features``),
weighted by TF-IDF. Each category
with at least ``MIN_POSITIVES`` positive and negative examples gets a linear SVM. Its decision value is then
calibrated together with the engine's other evidence for the category (the noisy-OR of lexicon and report
contributions, "prior"): a logistic fit on 3-fold out-of-fold decisions, ``p = sigmoid(a·decision + b·prior +
c)``. So the model learns how far to trust the lexicons and the reporters on the team's own history, and a
score of 0.8 means "right about 8 times in 10" there. Categories with too few examples are left out (the model
contributes nothing for them), and with no training data at all there is no model.

The file is a NumPy ``.npz`` (no pickle: loading a model never runs code) holding the arrays and a JSON header
with the format version, the model version (when it was trained), the digest of its training set and the
normaliser version it was trained with.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from moderator_app.core.errors import UsageError
from moderator_app.core.models import CategoryId
from moderator_app.suggestions.features import CharNgrams, NgramBatch
from moderator_app.suggestions.normalise import NORMALISER_VERSION, normalise_text

FORMAT_VERSION = 1
EXPLAIN_SPANS = 3  # evidence for the moderator: the few strongest phrases, not every n-gram
EXPLAIN_SHARE = 0.35  # a character belongs to a span when it carries this share of the strongest one's weight
MIN_POSITIVES = 5
_FOLDS = 3


class ModelFileError(UsageError):
    """A model file cannot be used: missing, not a model, or made for another format or normaliser."""


@dataclass(frozen=True, slots=True)
class LabelledExample:
    text: str
    categories: tuple[CategoryId, ...]  # () = no violation


Priors = Sequence[Mapping[CategoryId, float]]  # per text: the engine's score from the other signals


@dataclass(frozen=True, slots=True)
class ModelInfo:
    format_version: int
    model_version: str  # UTC time of training, ISO 8601
    training_digest: str  # sha256 of the training set (order-independent)
    examples: int
    categories: tuple[CategoryId, ...]  # the categories the model scores
    normaliser_version: int


def training_digest(examples: Iterable[LabelledExample]) -> str:
    lines = sorted(json.dumps({"text": e.text, "categories": sorted(e.categories)}, ensure_ascii=False,
                              sort_keys=True) for e in examples)
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def l2_normalize(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags((1.0 / norms).astype(np.float32)) @ matrix)


@dataclass(frozen=True, slots=True)
class ScoredBatch:
    """A batch's TF-IDF rows over one model's vocabulary, kept so the suggested categories can be explained
    without analysing the texts again."""

    batch: NgramBatch
    columns: np.ndarray  # each entry's vocabulary column, -1 = unknown
    matrix: sparse.csc_matrix  # l2-normalised TF-IDF (texts x vocabulary)
    values: np.ndarray  # each entry's value in ``matrix`` (0 when unknown)


def _ranges(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The concatenation of ``arange(start, start + size)`` for each pair, without a Python loop."""
    ranges: np.ndarray = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes) \
        + np.repeat(starts, sizes)
    return ranges


def _strongest_runs(lengths: np.ndarray, pair: np.ndarray, start: np.ndarray, width: np.ndarray,
                    share: np.ndarray, limit: int) -> list[list[tuple[int, int]]]:
    """Per text (of ``lengths`` characters), the runs of characters holding at least EXPLAIN_SHARE of the best
    character's share, strongest first, at most ``limit``. ``pair``/``start``/``width``/``share``: each n-gram
    occurrence's text, first character, width and share of the decision value."""
    found: list[list[tuple[int, int]]] = [[] for _ in range(lengths.size)]
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    per_char = np.zeros(int(offsets[-1]))
    for offset in range(3):  # an n-gram's share goes to each character it covers
        covered = width > offset
        per_char += np.bincount(offsets[pair[covered]] + start[covered] + offset, share[covered], per_char.size)
    best = np.maximum.reduceat(per_char, offsets[:-1])
    text_of_char = np.repeat(np.arange(lengths.size), lengths)
    strong = (per_char >= (best * EXPLAIN_SHARE)[text_of_char]) & (best > 0)[text_of_char]
    # runs of strong characters, never across two texts
    boundary = np.zeros(per_char.size + 1, dtype=bool)
    boundary[offsets] = True
    padded = np.concatenate(([False], strong, [False]))
    starts = np.flatnonzero(padded[1:-1] & (~padded[:-2] | boundary[:-1]))
    ends = np.flatnonzero(padded[1:-1] & (~padded[2:] | boundary[1:])) + 1
    cumulative = np.concatenate(([0.0], np.cumsum(per_char)))
    totals = cumulative[ends] - cumulative[starts]
    # per text: the strongest run, then the next strongest of two characters or more, at most ``limit``
    run_text = text_of_char[starts]
    order = np.lexsort((-totals, run_text))
    run_text, starts, ends = run_text[order], starts[order], ends[order]
    first = np.ones(run_text.size, dtype=bool)
    first[1:] = run_text[1:] != run_text[:-1]
    eligible = first | (ends - starts > 1)
    run_text, starts, ends = run_text[eligible], starts[eligible], ends[eligible]
    group_start = np.flatnonzero(np.concatenate(([True], run_text[1:] != run_text[:-1])))
    rank = np.arange(run_text.size) - np.repeat(group_start, np.diff(np.append(group_start, run_text.size)))
    chosen = rank < limit
    for text_index, a, b in zip(run_text[chosen].tolist(), starts[chosen].tolist(), ends[chosen].tolist(),
                                strict=True):
        base = int(offsets[text_index])
        found[text_index].append((a - base, b - base))
    return found


class TeamModel:
    def __init__(self, info: ModelInfo, vocabulary: CharNgrams, idf: np.ndarray, weights: sparse.csr_matrix,
                 intercepts: np.ndarray, calibration: np.ndarray) -> None:
        self.info = info
        self._vocabulary = vocabulary
        self._idf = sparse.diags(idf.astype(np.float32))
        self._idf_values = idf.astype(np.float64)
        self._weights_t = np.ascontiguousarray(weights.T.toarray(), dtype=np.float32)  # sparse @ dense is fast
        self._intercepts = intercepts
        self._calibration = calibration  # shape (3, categories): p = sigmoid(a * decision + b * prior + c)

    @property
    def categories(self) -> tuple[CategoryId, ...]:
        return self.info.categories

    def features(self, batch: NgramBatch) -> ScoredBatch:
        """The TF-IDF rows of ``batch`` over this model's vocabulary, straight from the batch's entries (they are
        in column order already: no sort, no vocabulary-sized matrix product)."""
        columns = self._vocabulary.entry_columns(batch)
        known = np.flatnonzero(columns >= 0)
        known_columns, rows = columns[known], batch.entry_row[known]
        data = np.log1p(batch.entry_count[known]) * self._idf_values[known_columns]
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(batch)))
        norms[norms == 0] = 1.0
        data /= norms[rows]
        indptr = np.concatenate(([0], np.cumsum(np.bincount(known_columns, minlength=len(self._vocabulary)))))
        matrix = sparse.csc_matrix((data.astype(np.float32), rows, indptr),
                                   shape=(len(batch), len(self._vocabulary)))
        values = np.zeros(columns.size)
        values[known] = data
        return ScoredBatch(batch, columns, matrix, values)

    def predict(self, texts: Sequence[str], priors: Priors | None = None, *,
                normalised: bool = False) -> list[dict[CategoryId, float]]:
        """Calibrated probability per category the model knows, for each text, given the other signals'
        scores (``priors``; missing = 0). ``normalised``: the texts are already normalised."""
        if not texts:
            return []
        batch = NgramBatch.of([text if normalised else normalise_text(text) for text in texts])
        return self.predict_features(self.features(batch), priors)

    def predict_features(self, scored: ScoredBatch, priors: Priors | None = None) -> list[dict[CategoryId, float]]:
        """``predict`` on features already computed (the engine shares one NgramBatch between models)."""
        if not len(scored.batch):
            return []
        decisions = np.asarray(scored.matrix @ self._weights_t, dtype=np.float64) + self._intercepts
        prior = np.zeros_like(decisions)
        if priors is not None:
            prior[:] = [[scores.get(category, 0.0) for category in self.categories] for scores in priors]
        a, b, c = self._calibration
        probabilities = 1.0 / (1.0 + np.exp(-(a * decisions + b * prior + c)))
        return [dict(zip(self.categories, row, strict=True)) for row in probabilities.tolist()]

    def explain(self, text: str, category: CategoryId, *, limit: int = EXPLAIN_SPANS) -> list[tuple[int, int]]:
        """The spans of normalised ``text`` whose character n-grams pushed the model's score for ``category``
        up most, strongest first (at most ``limit``; [] when nothing pushed it up). Each n-gram's share of the
        decision value (its TF-IDF value times its weight) is spread over the characters it covers; a span is a
        run of characters each holding at least EXPLAIN_SHARE of the best character's share."""
        return self.explain_many([(text, category)], limit=limit)[0]

    def explain_many(self, requests: Sequence[tuple[str, CategoryId]], *,
                     limit: int = EXPLAIN_SPANS) -> list[list[tuple[int, int]]]:
        """``explain`` for many (normalised text, category) pairs in one vectorised pass."""
        index = {text: i for i, text in enumerate(dict.fromkeys(text for text, _category in requests))}
        scored = self.features(NgramBatch.of(list(index)))
        return self.explain_features(scored, [(index[text], category) for text, category in requests], limit=limit)

    def explain_features(self, scored: ScoredBatch, requests: Sequence[tuple[int, CategoryId]], *,
                         limit: int = EXPLAIN_SPANS) -> list[list[tuple[int, int]]]:
        """``explain`` for (row of ``scored``, category) pairs, reusing the n-grams and TF-IDF values the
        prediction computed: per pair the NumPy call overhead, and then re-analysing each text for each
        suggested category, were the cost (the engine ran at half its throughput bar)."""
        found: list[list[tuple[int, int]]] = [[] for _ in requests]
        batch = scored.batch
        vocabulary_size = len(self._vocabulary)
        wanted = [i for i, (row, category) in enumerate(requests)
                  if category in self.categories and batch.lengths[row] > 0]
        if not wanted or not vocabulary_size:
            return found
        # the occurrences of the rows asked about (the starter explains a few posts of a batch)
        request_rows = np.array([requests[i][0] for i in wanted], dtype=np.int64)
        rows, row_of_request = np.unique(request_rows, return_inverse=True)
        sizes = batch.offsets[rows + 1] - batch.offsets[rows]
        occurrences = _ranges(batch.offsets[rows], sizes)
        entry = batch.entry_of[occurrences]
        columns = np.maximum(scored.columns[entry], 0)  # an unknown n-gram has value 0: its column is moot
        # an n-gram's share of the decision value, split between its occurrences and over its characters
        base = scored.values[entry] / batch.entry_count[entry] / batch.width[occurrences]
        # per request, its row's block of ``occurrences``
        picked = _ranges((np.cumsum(sizes) - sizes)[row_of_request], sizes[row_of_request])
        pair = np.repeat(np.arange(len(wanted)), sizes[row_of_request])
        if not picked.size:
            return found
        category_of = np.array([self.categories.index(requests[i][1]) for i in wanted])
        share = base[picked] * self._weights_t[columns[picked], category_of[pair]]
        start, width = batch.start[occurrences][picked], batch.width[occurrences][picked]
        lengths = batch.lengths[request_rows]
        for text_index, spans in enumerate(_strongest_runs(lengths, pair, start, width, share, limit)):
            found[wanted[text_index]] = spans
        return found

    @classmethod
    def train(cls, examples: Sequence[LabelledExample], priors: Priors | None = None, *,
              seed: int = 0, debias: bool = True, min_df: int = 2) -> TeamModel | None:
        """None when no category has MIN_POSITIVES positive and negative examples. ``priors``: the engine's
        score from the other signals for each example (see the module docstring); None = text only.
        ``debias``: also learn each post that names a regional or gender group with the group swapped
        (``debias.py``), so naming a group is not learned as a sign of a violation. ``min_df``: keep n-grams
        seen in at least this many training posts (the shipped starter uses more, to stay small)."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
        from sklearn.svm import LinearSVC

        from moderator_app.suggestions.debias import with_counterfactuals

        categories = sorted({c for e in examples for c in e.categories})
        originals = {c: np.array([c in e.categories for e in examples]) for c in categories}
        trainable = [c for c in categories
                     if MIN_POSITIVES <= originals[c].sum() <= len(examples) - MIN_POSITIVES]
        if not trainable:
            return None
        learned, origin = with_counterfactuals(examples) if debias else (list(examples), list(range(len(examples))))
        labels = {c: np.array([c in e.categories for e in learned]) for c in trainable}
        texts = [e.text for e in learned]
        vocabulary, document_frequency = CharNgrams.fit(texts, min_df=min_df)
        idf = (np.log((1 + len(texts)) / (1 + document_frequency)) + 1).astype(np.float32)
        features = l2_normalize(vocabulary.counts(texts) @ sparse.diags(idf))
        rows, intercepts, calibration = [], [], []
        # a post and its counterfactual copy stay in the same fold: otherwise the copy leaks the answer
        folds = StratifiedGroupKFold(n_splits=_FOLDS, shuffle=True, random_state=seed)
        for category in trainable:
            y = labels[category]
            prior = np.array([priors[i].get(category, 0.0) for i in origin] if priors is not None
                             else [0.0] * len(y))
            svm = LinearSVC(C=0.5, class_weight="balanced")
            out_of_fold = cross_val_predict(svm, features, y, cv=folds, groups=origin, method="decision_function")
            inputs = np.column_stack([out_of_fold, prior])
            # half-way to class-balanced (positives weigh sqrt(negatives / positives)): with the plain fit a
            # category most posts lack stayed under 0.5 and recall collapsed on public sets; fully balanced
            # suggested it on a third of ordinary posts. See docs/suggestions.md.
            balance = float(np.sqrt((len(y) - y.sum()) / y.sum()))
            calibrator = LogisticRegression(C=1e4, class_weight={False: 1.0, True: balance}).fit(inputs, y)
            svm.fit(features, y)
            rows.append(sparse.csr_matrix(svm.coef_.astype(np.float32)))
            intercepts.append(float(svm.intercept_[0]))
            a, b = calibrator.coef_[0]
            calibration.append((float(a), float(b), float(calibrator.intercept_[0])))
        info = ModelInfo(FORMAT_VERSION, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                         training_digest(examples), len(examples), tuple(trainable), NORMALISER_VERSION)
        return cls(info, vocabulary, idf, sparse.vstack(rows).tocsr(), np.array(intercepts),
                   np.array(calibration, dtype=np.float64).T)

    def save(self, path: Path) -> None:
        """Written to a temporary file and renamed, so a crash never leaves half a model behind."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        weights = sparse.csr_matrix(self._weights_t.T)
        header = json.dumps({"format_version": self.info.format_version, "model_version": self.info.model_version,
                             "training_digest": self.info.training_digest, "examples": self.info.examples,
                             "categories": list(self.info.categories),
                             "normaliser_version": self.info.normaliser_version}, ensure_ascii=False)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                np.savez_compressed(handle, header=np.array(header), vocabulary=self._vocabulary.vocabulary,
                                    idf=self._idf.diagonal(),
                                    data=weights.data, indices=weights.indices, indptr=weights.indptr,
                                    intercepts=self._intercepts, calibration=self._calibration)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> TeamModel:
        try:
            with np.load(path, allow_pickle=False) as archive:
                arrays: dict[str, Any] = {name: archive[name] for name in archive.files}
        except FileNotFoundError:
            raise ModelFileError(f"{path}: model file not found") from None
        except (OSError, ValueError, KeyError) as exc:
            raise ModelFileError(f"{path}: not a suggestion model file ({exc})") from None
        try:
            header = json.loads(str(arrays["header"]))
            info = ModelInfo(int(header["format_version"]), str(header["model_version"]),
                             str(header["training_digest"]), int(header["examples"]),
                             tuple(CategoryId(c) for c in header["categories"]), int(header["normaliser_version"]))
            if info.format_version != FORMAT_VERSION:
                raise ModelFileError(f"{path}: model format {info.format_version}, this version reads "
                                     f"{FORMAT_VERSION}; retrain with 'moderator-app suggest train'")
            if info.normaliser_version != NORMALISER_VERSION:
                raise ModelFileError(f"{path}: trained with normaliser {info.normaliser_version}, this version "
                                     f"has {NORMALISER_VERSION}; retrain with 'moderator-app suggest train'")
            codes = arrays["vocabulary"]
            if codes.dtype != np.uint64 or codes.ndim != 1 or np.any(codes[1:] <= codes[:-1]):
                raise ValueError("the vocabulary is not a sorted array of n-gram codes")
            vocabulary = CharNgrams(codes)
            shape = (len(info.categories), len(vocabulary))
            weights = sparse.csr_matrix((arrays["data"], arrays["indices"], arrays["indptr"]), shape=shape)
            calibration = arrays["calibration"]
            if arrays["idf"].shape != (shape[1],) or calibration.shape != (3, shape[0]) \
                    or arrays["intercepts"].shape != (shape[0],):
                raise ValueError("array shapes do not match the header")
        except ModelFileError:
            raise
        except (KeyError, ValueError, TypeError, json.JSONDecodeError) as exc:
            raise ModelFileError(f"{path}: damaged suggestion model file ({exc})") from None
        return cls(info, vocabulary, arrays["idf"], weights, arrays["intercepts"], calibration)
