"""PySide6 workarounds: what the binding would otherwise keep for the life of the process."""

import subprocess
import sys

# desktop.app applies the workaround on import; what the main window pulls in after it
# (SQLAlchemy, the services, the widgets) is new to the process.
CHECK = """
import linecache, sys
import desktop.app
import desktop.ui.main_window
kept = [name for name in linecache.cache if name.endswith(".py") and "PySide6" not in name]
kept = [name for name in kept if "shiboken6" not in name and not name.endswith("enum.py")]
flags = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(len(kept), flags.get("sqlalchemy.orm"), flags.get("desktop.ui.caseload"), kept[:5])
"""


def test_imports_after_the_app_leave_no_source_behind():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    # No source kept (PySide6 read its own and enum's before the app could step in), and
    # PySide6 still tells a module that uses it (0: no feature switched on) from one that
    # does not (-1: ignore).
    assert result.stdout.split()[:3] == ["0", "-1", "0"], result.stdout
