"""Entry point: a CLI subcommand (never imports Qt) or the GUI (imports moderator_app.ui lazily).

Kept tiny so ``moderator-app --version`` starts in a few tens of milliseconds.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False) and ("--multiprocessing-fork" in args or "-c" in args):
        # The bundle's executable started again as a multiprocessing worker (audit generate's signers) or its
        # resource tracker: run that and exit (PyInstaller's freeze_support), not the CLI.
        import multiprocessing

        multiprocessing.freeze_support()
    if args[:1] == ["--version"]:
        from moderator_app import __version__

        print(f"moderator-app {__version__}")
        return 0
    from moderator_app.cli.registry import COMMANDS

    if args[:1] in (["--help"], ["-h"]):
        from moderator_app.cli.main import print_help

        print_help()
        return 0
    if args and not args[0].startswith("-"):
        if args[0] not in COMMANDS:
            from moderator_app.cli.main import fail_usage

            return fail_usage(f"unknown command {args[0]!r} (see 'moderator-app --help')")
        from moderator_app.cli.main import run_command

        return run_command(args[0], args[1:])
    return _run_gui(args)


def _run_gui(args: list[str]) -> int:
    from moderator_app.gui_options import GuiOptionsError, parse_gui_options

    try:
        options = parse_gui_options(args)
    except GuiOptionsError as exc:
        from moderator_app.cli.main import fail_usage

        return fail_usage(str(exc))
    from moderator_app.ui.app import run

    return run(options)
