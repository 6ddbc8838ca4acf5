"""Run one CLI command: argparse with one-line errors, exit codes 0 ok / 1 check failed / 2 bad usage."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

from moderator_app.cli.registry import COMMANDS
from moderator_app.core.errors import CheckFailed, ModeratorError, UsageError
from moderator_app.services import bootstrap

PROG = "moderator-app"
GUI_USAGE = """\
usage: moderator-app [--demo [--demo-user mod1|mod2|lead1] [--smoke-test]]
       moderator-app COMMAND [ARGS]   (moderator-app --help lists the commands)
       moderator-app --version"""


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def fail_usage(message: str) -> int:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return 2


def print_help() -> None:
    print(GUI_USAGE)
    print("\ncommands:")
    for name, (_module, summary) in sorted(COMMANDS.items()):
        print(f"  {name:<15} {summary}")
    print("\nexit codes: 0 success, 1 a check failed, 2 bad usage or input")


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run_command(name: str, argv: list[str]) -> int:
    # The log file and excepthooks; library warnings reach the user as one line each on stderr (urllib3's
    # "Retrying ..." per attempt does not: the command reports the outcome, "Cannot reach the platform at ...").
    module_name, summary = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = ArgumentParser(prog=f"{PROG} {name}", description=summary)
    module.add_arguments(parser)
    for value in argv:
        if not _is_text(value):  # bytes the terminal could not decode: they would fail deep inside, with a traceback
            return fail_usage(f"argument {value.encode('utf-8', 'backslashreplace').decode()!r} is not valid "
                              "UTF-8 text")
    args = parser.parse_args(argv)
    # Checks (audit verify, verify-export, verify-package) write nothing, not even a log file.
    bootstrap.start_logging("cli", read_only=bool(getattr(module, "writes_nothing", lambda _args: False)(args)))
    try:
        return int(module.run(args))
    except UsageError as exc:
        return fail_usage(str(exc))
    except CheckFailed as exc:
        sys.stderr.write(f"{PROG} {name}: {exc}\n")
        return 1
    except ModeratorError as exc:
        sys.stderr.write(f"{PROG} {name}: error: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG} {name}: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
