"""Build the starter model (resources/suggestions/starter-model.npz): the cold prior the workstation ships.

Only data whose licence lets what is derived from it ship may go in. Today that is one set: SWSR's Weibo
comments (aggiejiang/SWSR, MIT), labelled sexist or not; sexist comments train 10.8 (insult: gender-targeted
abuse). No other category has shippable labelled data (docs/suggestions.md), so the starter scores 10.8 only.

The data is read from build/train-data/ (git-ignored; never committed):

    python scripts/build_starter_model.py import GIT_DIR   # copy SWSR's file out of a clone at the fixed commit
    python scripts/build_starter_model.py                  # train and write the model
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from moderator_app.core.models import CategoryId  # noqa: E402
from moderator_app.services.suggestion_service import LabelledExample, TeamModel  # noqa: E402

SWSR_REPO = "aggiejiang/SWSR"
SWSR_COMMIT = "7b320184da8f9dd6d366dfe726c6b3e12ac92f77"  # MIT, (c) 2022 Aiqi Jiang
SWSR_FILE = "SWSR/SexComment.csv"
DATA = REPO / "build" / "train-data" / "swsr" / SWSR_FILE
OUT = REPO / "resources" / "suggestions" / "starter-model.npz"


def examples() -> list[LabelledExample]:
    rows = csv.DictReader(io.StringIO(DATA.read_text(encoding="utf-8-sig")))
    return [LabelledExample(row["comment_text"].strip(), (CategoryId("10.8"),) if row["label"] == "1" else ())
            for row in rows if row["comment_text"].strip()]


def main(argv: list[str]) -> int:
    if argv[:1] == ["import"] and len(argv) == 2:
        DATA.parent.mkdir(parents=True, exist_ok=True)
        DATA.write_bytes(subprocess.run(["git", "-C", argv[1], "show", f"{SWSR_COMMIT}:{SWSR_FILE}"],
                                        check=True, capture_output=True).stdout)
        print(f"{DATA}: copied from {SWSR_REPO} @ {SWSR_COMMIT}")
        return 0
    if argv:
        print("build_starter_model: usage: [import GIT_DIR]", file=sys.stderr)
        return 2
    if not DATA.exists():
        print(f"build_starter_model: {DATA} is missing; get it with\n"
              f"    git clone https://github.com/{SWSR_REPO} /tmp/swsr && git -C /tmp/swsr checkout {SWSR_COMMIT}\n"
              f"    python scripts/build_starter_model.py import /tmp/swsr", file=sys.stderr)
        return 1
    data = examples()
    # text only (the lexicons are a separate signal beside it); n-grams in at least 4 comments keep the file
    # ~1 MB (the installer is close to its size bar)
    model = TeamModel.train(data, min_df=4)
    if model is None:
        print("build_starter_model: nothing to learn from", file=sys.stderr)
        return 1
    model.save(OUT)
    print(f"{OUT}: {len(data)} SWSR comments ({sum(bool(e.categories) for e in data)} sexist), "
          f"categories {', '.join(model.categories)}, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
