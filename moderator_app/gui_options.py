"""The GUI's own options, parsed without Qt so a mistake is reported before any window appears.

Lives beside the launcher (outside the layers) because both the launcher and ui use it, and ui may not import cli.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_USERS = ("mod1", "mod2", "lead1")


class GuiOptionsError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class GuiOptions:
    demo: bool = False
    demo_user: str = "mod1"
    smoke_test: bool = False


def parse_gui_options(args: list[str]) -> GuiOptions:
    demo = smoke = False
    user: str | None = None
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo":
            demo = True
        elif arg == "--smoke-test":
            smoke = True
        elif arg == "--demo-user" or arg.startswith("--demo-user="):
            value = arg.partition("=")[2] if "=" in arg else (rest.pop(0) if rest else "")
            if value not in DEMO_USERS:
                raise GuiOptionsError(f"--demo-user must be one of {', '.join(DEMO_USERS)}, not {value!r}")
            user = value
        else:
            raise GuiOptionsError(f"unrecognised argument {arg!r} (see 'moderator-app --help')")
    if (user or smoke) and not demo:
        raise GuiOptionsError("--demo-user and --smoke-test need --demo")
    return GuiOptions(demo=demo, demo_user=user or "mod1", smoke_test=smoke)
