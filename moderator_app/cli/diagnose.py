"""`moderator-app diagnose [--out FILE]`: write a support bundle (zip) for the workstation's administrator."""

from __future__ import annotations

import argparse
from pathlib import Path

from moderator_app.services.diagnose import write_bundle


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="the zip to write, or a folder to write it in (default: the current folder)")


def run(args: argparse.Namespace) -> int:
    path = write_bundle(args.out)
    print(f"wrote {path}: versions, settings without secrets, paths, database and keyring status, the log's end; "
          "send it to your administrator")
    return 0
