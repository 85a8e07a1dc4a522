"""Prints the requirements of the server alone: the `server` extra and the base
dependencies the server imports, named in pyproject.toml's [tool.caseload] server-uses.

`pip install '.[server]'` would also bring the desktop's dependencies (Qt among them):
the image and the venv of deploy/README.md install these instead, then the package itself
with `--no-deps`.

    python3 deploy/server-requirements.py > requirements.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _key(requirement: str) -> str:
    match = _NAME.match(requirement)
    if match is None:
        raise SystemExit(f"{PYPROJECT}: cannot read the requirement {requirement!r}")
    return re.sub(r"[-_.]+", "-", match.group(1)).lower()


def server_requirements(pyproject: Path = PYPROJECT) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    uses = {_key(name) for name in project["tool"]["caseload"]["server-uses"]}
    base = [req for req in project["project"]["dependencies"] if _key(req) in uses]
    missing = uses - {_key(req) for req in base}
    if missing:
        raise SystemExit(f"server-uses names {sorted(missing)}, not in [project] dependencies")
    extra = project["project"]["optional-dependencies"]["server"]
    seen: dict[str, str] = {}
    for requirement in [*base, *extra]:
        seen.setdefault(_key(requirement), requirement)
    return list(seen.values())


if __name__ == "__main__":
    sys.stdout.write("".join(f"{line}\n" for line in server_requirements()))
