"""Run-time hook: PyInstaller's hooks for PySide6, inspect, multiprocessing and pkgutil, each run right after the
program first imports its module instead of before main.py starts.

PyInstaller runs its hook for every such package at start-up, whatever the command: PySide6's imports QtCore (and
with it Qt and the ICU libraries), the others import inspect, zipfile, multiprocessing and subprocess. That was most
of the time `moderator-app --version` took from the bundle. The spec (moderator-workstation.spec) replaces those
hooks with a copy of this file whose DEFERRED holds their source, unchanged; each runs once, when its module has
been imported, so a command that never imports Qt never loads it.
"""

import sys

DEFERRED: dict = {}  # module name -> source of PyInstaller's hook for it; filled in by the spec


def _run(name, source):
    exec(compile(source, f"pyi_rth_{name}.py", "exec"), {"__name__": f"pyi_rth_{name}"})


class _ThenRunHook:
    """The module's own loader, followed by the hook; the module keeps its own loader as __loader__."""

    def __init__(self, loader, name, source):
        self._loader, self._name, self._source = loader, name, source

    def __getattr__(self, attribute):
        return getattr(self._loader, attribute)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        module.__loader__ = self._loader
        module.__spec__.loader = self._loader
        self._loader.exec_module(module)
        _run(self._name, self._source)


class _RunHooksAfterImport:
    """Finds nothing itself: for a deferred module it asks the finders after it and wraps the loader they give."""

    def find_spec(self, name, path=None, target=None):
        source = DEFERRED.pop(name, None)
        if source is None:
            return None
        if not DEFERRED:
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            spec = find_spec(name, path, target) if finder is not self and find_spec is not None else None
            if spec is not None and spec.loader is not None:
                spec.loader = _ThenRunHook(spec.loader, name, source)
                return spec
        return None


for _name in [name for name in DEFERRED if name in sys.modules]:  # imported before main.py already
    _run(_name, DEFERRED.pop(_name))
if DEFERRED:
    sys.meta_path.insert(0, _RunHooksAfterImport())
