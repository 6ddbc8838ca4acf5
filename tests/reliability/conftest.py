"""The reliability suite: `make reliability` (kept out of `make test` by the `reliability` marker)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The helpers next to these tests (support, tamper_worker, crash_worker) import by name, in subprocesses too.
sys.path.insert(0, str(Path(__file__).parent))

from support import memory_folder  # needs the path above


@pytest.fixture
def fast_dir() -> Iterator[Path]:
    folder = memory_folder("modapp-reliability-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
