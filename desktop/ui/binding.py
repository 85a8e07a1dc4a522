"""Workarounds for the PySide6 binding itself, applied once per GUI process."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

_MARK = "_caseload_reads_files"


def stop_source_caching() -> None:
    """Keeps PySide6 from holding the source text of every module imported after it.

    PySide6's import hook (PYSIDE-2029) asks whether each newly imported module uses
    PySide6 with ``inspect.getsource(module)``, which reads the whole file through
    ``linecache`` and keeps every line there for the life of the process: about 20 MB
    of strings once SQLAlchemy and the services are loaded. The same question is
    answered here by reading the file's bytes, which are dropped at once; modules
    without a plain ``.py`` file still go to PySide6's own check.
    """
    import PySide6.QtCore  # noqa: F401  (installs the hook whose check is replaced)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, _MARK, False):
        return  # another PySide6 release without this check, or already replaced

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    setattr(mod_uses_pyside, _MARK, True)
    feature._mod_uses_pyside = mod_uses_pyside
    # What the original check read before this point (enum, logging, os, pathlib: some
    # 7,000 lines). Only a cache: a traceback reads its lines again.
    linecache.clearcache()
