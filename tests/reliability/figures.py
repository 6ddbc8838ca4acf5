"""Measured figures of the reliability suite: printed, and collected in $MODAPP_RELIABILITY_FIGURES (JSON) when set,
so docs/reliability.md can quote the last run (make reliability sets it to build/reliability-figures.json)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def record(name: str, figures: dict[str, Any]) -> None:
    print(f"reliability {name}: {json.dumps(figures, ensure_ascii=False)}")
    target = os.environ.get("MODAPP_RELIABILITY_FIGURES")
    if not target:
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    collected = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    collected[name] = figures
    path.write_text(json.dumps(collected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
