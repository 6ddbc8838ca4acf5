"""`make bench`: run every benchmarks/bench_*.py and print one table, each figure beside its bar.

`make bench ARGS="startup audit"` runs only the named modules.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import Row


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    names = sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    chosen = [n for n in names if not argv or n in argv]
    unknown = set(argv) - set(names)
    if unknown:
        print(f"bench: unknown benchmark(s) {', '.join(sorted(unknown))} (have: {', '.join(names)})", file=sys.stderr)
        return 2
    rows: list[Row] = []
    for name in chosen:
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(f"benchmarks.bench_{name}")
        rows.extend(module.run())
        print(f"  {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print()
    print(f"{'benchmark':<64} {'figure':>18}   {'bar':<24} verdict")
    print("-" * 124)
    for row in rows:
        print(row.render())
    missed = [r for r in rows if not r.ok]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} within their bars")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
