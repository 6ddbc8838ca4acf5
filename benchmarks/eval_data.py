"""Public labelled sets for `make eval`, read from a local cache (build/eval-data/<name>/, git-ignored).

Nothing from these repositories is committed: each set names its repository, the commit it was read at, its
licence and the files needed. ``python benchmarks/eval_suggestions.py import NAME GIT_DIR`` copies those files
out of a clone (``git show COMMIT:path``), so the figures are always measured on the same bytes.
None of these sets was used to build anything that ships (lexicons, weights); several are research-only,
which allows evaluating on them and nothing more.
"""

from __future__ import annotations

import csv
import io
import random
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.harness import REPO

CACHE = REPO / "build" / "eval-data"
SAMPLE = 12_000  # posts per set at most (CPU: 2 shared cores)

Labelled = list[tuple[str, tuple[str, ...]]]  # (text, categories); () = ordinary


@dataclass(frozen=True)
class DataSet:
    name: str
    title: str
    repo: str
    commit: str
    licence: str
    files: tuple[str, ...]  # paths in the repository; a path ending in "/" copies the folder
    load: Callable[[Path], Labelled]
    fp_only: bool = False  # ordinary posts only: gives a false-positive rate, no F1

    @property
    def folder(self) -> Path:
        return CACHE / self.name

    def missing(self) -> str | None:
        if self.folder.is_dir() and any(self.folder.rglob("*.*")):
            return None
        return (f"{self.name}: not in {self.folder}; get it with\n"
                f"    git clone https://github.com/{self.repo} /tmp/{self.name} && "
                f"git -C /tmp/{self.name} checkout {self.commit}\n"
                f"    python benchmarks/eval_suggestions.py import {self.name} /tmp/{self.name}")


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_decode(path.read_bytes()))))


def _label(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def _load_chnci(folder: Path) -> Labelled:
    """Cyberbullying comments (Weibo, Douyin, Xiaohongshu, Bilibili); the majority of the three 0/1 label
    columns; the politics incidents are left out (not our business to score)."""
    posts: Labelled = []
    for path in sorted(folder.rglob("*.csv")):
        if "plotics" in path.parts:
            continue
        for row in _rows(path):
            votes = [_label(row.get(k) or "") for k in ("label1", "label2", "label3")]
            text = (row.get("content") or "").strip()
            if text and None not in votes:
                posts.append((text, ("10.8",) if sum(v or 0 for v in votes) >= 2 else ()))
    return posts


def _load_telecom(folder: Path) -> Labelled:
    """Fraud scripts (four kinds, generated under expert control from police cases) against real operator SMS."""
    posts: Labelled = []
    for path in sorted(folder.glob("label0*-last.csv")):
        for row in _rows(path):
            text = (row.get("content") or "").strip()
            if text:
                posts.append((text, () if path.name.startswith("label00") else ("10.11",)))
    return posts


def _load_roles(folder: Path) -> Labelled:
    """Weibo posts from three 2020 incidents by participant role: bullies (施暴者) and instigators (煽动者)
    against defenders, reconcilers, bystanders, supervisors, accusers and non-participants."""
    posts: Labelled = []
    for row in _rows(folder / "Cyberbullying roles data_original.CSV"):
        text = (row.get("Clean Text") or "").strip()
        role = (row.get("Particiant Role") or "").strip()
        if text and role:
            posts.append((text, ("10.8",) if role in {"施暴者", "煽动者"} else ()))
    return posts


def _load_senti(folder: Path) -> Labelled:
    posts: Labelled = []
    for path in sorted(folder.rglob("*.tsv")):
        for line in _decode(path.read_bytes()).splitlines()[1:]:
            _label_text, _, text = line.partition("\t")
            if text.strip():
                posts.append((text.strip(), ()))
    return posts


SETS = (
    DataSet("chnci", "CHNCI cyberbullying comments (no politics incidents)", "zhuyiYZU/CHNCI",
            "0004ce67bdb660c6473f62f4c388e94753577b4c", "none stated (evaluation only)", ("dataset/category/",),
            _load_chnci),
    DataSet("roles", "Weibo cyberbullying participant roles", "kimpink98/Cyberbullying-Post-Role-Dataset",
            "209013e6354064dc2b1102bb6d60206f3b89d059", "research use (README); evaluation only",
            ("Cyberbullying roles data_original.CSV",), _load_roles),
    DataSet("telecom", "Telecom fraud texts vs operator SMS", "ChangMianRen/Telecom_Fraud_Texts_5",
            "9526a1ee14a800045ee349156f667b6b9cfd9921", "GPL-3.0 + research only, non-commercial; evaluation only",
            tuple(f"label0{i}-last.csv" for i in range(5)), _load_telecom),
    DataSet("weibo_senti", "weibo_senti_100k dev+test: ordinary Weibo posts",
            "zhenhao-huang/paddlehub_ernie_emotion_analysis",
            "9b772579ea1b3e9c2b33cbf08f96bb4e53f65930", "none stated (evaluation only)",
            ("data/weibo_senti_100k/dev.tsv", "data/weibo_senti_100k/test.tsv"), _load_senti, fp_only=True),
)


def by_name(name: str) -> DataSet | None:
    return next((s for s in SETS if s.name == name), None)


def load(data_set: DataSet, seed: int = 0) -> Labelled:
    """The set's posts, deduplicated by text, at most SAMPLE of them (a seeded random sample)."""
    seen: dict[str, tuple[str, ...]] = {}
    for text, categories in data_set.load(data_set.folder):
        seen.setdefault(text, categories)
    posts = sorted(seen.items())
    random.Random(seed).shuffle(posts)
    return posts[:SAMPLE]


def import_from_git(data_set: DataSet, git_dir: Path) -> int:
    """Copy the set's files at its commit out of a clone into the cache; returns the number of files."""
    def git(*args: str) -> bytes:
        return subprocess.run(["git", "-C", str(git_dir), *args], check=True, capture_output=True).stdout

    paths: list[str] = []
    for wanted in data_set.files:
        if wanted.endswith("/"):
            listing = git("ls-tree", "-r", "-z", "--name-only", data_set.commit, wanted).decode("utf-8")
            paths.extend(p for p in listing.split("\0") if p.endswith((".csv", ".CSV", ".tsv")))
        else:
            paths.append(wanted)
    for path in paths:
        target = data_set.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(git("show", f"{data_set.commit}:{path}"))
    return len(paths)
