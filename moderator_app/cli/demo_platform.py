"""`moderator-app demo-platform`: the reference platform with demo data (users mod1, mod2, lead1; password demo)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import UTC, datetime
from pathlib import Path

from moderator_app.core.errors import UsageError
from moderator_app.services import platform


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    parser.add_argument("--posts", type=int, default=2400, help="demo posts to generate (default 2400)")
    parser.add_argument("--seed", type=int, default=7, help="demo data seed (default 7)")
    parser.add_argument("--db", type=Path, help="keep the state in this SQLite file (default: in memory)")
    parser.add_argument("--faults", default="", metavar="SPEC",
                        help='inject faults, e.g. "error=0.2,drop=0.05,latency=50-400ms,429=0.05,retry_after=1"')
    parser.add_argument("--lease-seconds", type=float, default=300.0, help="claim lease length (default 300)")
    parser.add_argument("--shift-to-now", action="store_true",
                        help="move the demo data in time so that it ends now (SLA countdowns look like a live shift)")
    parser.add_argument("--stop-with-parent", action="store_true",
                        help="stop when standard input ends (for a program that runs this server as its child)")
    parser.add_argument("--key-file", type=Path,
                        help="the platform's Ed25519 signing key (base64 seed; created, mode 0600, if missing). "
                        "Default: a new key per start, so workstations that pinned the old one refuse the new one")
    parser.add_argument("--print-openapi", action="store_true",
                        help="print the OpenAPI contract (YAML) and exit; resources/platform-api.yaml is this")


def run(args: argparse.Namespace) -> int:
    if args.print_openapi:
        sys.stdout.write(platform.platform_contract_yaml())
        return 0
    if args.posts < 1:
        raise UsageError("--posts must be at least 1")
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}")
    if args.lease_seconds <= 0:
        raise UsageError("--lease-seconds must be positive")
    platform.check_faults(args.faults)
    state = f"in {args.db}" if args.db else "in memory"
    faults = f", faults {args.faults}" if args.faults else ""

    def announce(url: str) -> None:
        sys.stderr.write(
            f"Demo platform on {url} ({args.posts} posts, seed {args.seed}, state {state}{faults}).\n"
            "Demo-only accounts: mod1, mod2 (moderators), lead1 (lead); password: demo. Ctrl+C stops.\n"
        )
        sys.stderr.flush()

    key = platform.platform_signer(args.key_file)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is how a foreground server is meant to stop
        platform.serve_demo_platform(args.host, args.port, faults=args.faults, on_ready=announce, db=args.db,
                                     posts=args.posts, seed=args.seed, lease_seconds=args.lease_seconds,
                                     stop_at_stdin_end=args.stop_with_parent, signer=key,
                                     time_origin=datetime.now(UTC) if args.shift_to_now else None)
    sys.stderr.write("Demo platform stopped.\n")
    return 0
