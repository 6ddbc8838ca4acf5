"""The GUI process starts light: the window must not wait for the engine, the server or the database."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("moderator_app.services.demo", "moderator_app.services.workstation", "moderator_app.suggestions.engine",
         "moderator_app.demo_platform", "sqlalchemy", "datasketch", "fastapi")


def test_the_gui_module_imports_nothing_heavy_on_the_gui_thread() -> None:
    code = ("import sys; import moderator_app.ui.app; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"
