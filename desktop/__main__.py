"""``python -m desktop`` and the ``caseload`` command: the command line, or the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _start_gui(args) -> int:
    # Imported here so that the command line never loads Qt.
    from desktop.app import main as gui_main

    return gui_main(args)


def main(argv: Sequence[str] | None = None) -> int:
    from desktop.cli import run

    return run(argv, gui=_start_gui)


if __name__ == "__main__":
    sys.exit(main())
