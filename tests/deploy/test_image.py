"""deploy/Dockerfile built and its server run, where these machines allow it (opt-in:
CASELOAD_TEST_IMAGE=1; it downloads Debian packages and PyPI wheels, several minutes).

No OCI runtime works here (deploy/README.md, "What is not tested"), so the base image is
made by mmdebstrap and imported, the image is built by buildah with chroot isolation, and
its server is run by `buildah run --isolation chroot` on the host's network: the image's
contents and command are tested, container isolation is not.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import uuid

import httpx
import pytest

from tests.server.conftest import REPO_ROOT, PostgresSchemas, free_port

from .conftest import postgres_url

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

BASE = "localhost/caseload-test-base:bookworm"
IMAGE = "localhost/caseload-server:test"
# crun may not raise these limits here (no CAP_SYS_RESOURCE): ask for less.
ULIMITS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"]
CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"


@pytest.fixture(scope="module")
def image(tmp_path_factory) -> str:
    if os.environ.get("CASELOAD_TEST_IMAGE") != "1":
        pytest.skip("CASELOAD_TEST_IMAGE=1 builds the image (apt install buildah mmdebstrap)")
    for tool in ("buildah", "mmdebstrap"):
        assert shutil.which(tool), f"{tool} is not installed (apt install buildah mmdebstrap)"
    have_base = subprocess.run(["buildah", "inspect", "--type", "image", BASE], capture_output=True)
    if have_base.returncode != 0:
        tarball = tmp_path_factory.mktemp("base") / "base.tar"
        subprocess.run(
            ["mmdebstrap", "--variant=minbase", "--mode=root", "bookworm", str(tarball)],
            check=True,
            timeout=1200,
        )
        subprocess.run(["buildah", "import", str(tarball), BASE], check=True, timeout=600)
    build = ["buildah", "bud", "--isolation", "chroot", *ULIMITS]
    build += ["--build-arg", f"BASE_IMAGE={BASE}"]
    build += ["--ignorefile", "deploy/Dockerfile.dockerignore"]
    if os.path.exists(CA_BUNDLE):
        build += ["--secret", f"id=pip-ca,src={CA_BUNDLE}"]
    build += ["-f", "deploy/Dockerfile", "-t", IMAGE, "."]
    subprocess.run(build, cwd=REPO_ROOT, check=True, timeout=1800)
    return IMAGE


@pytest.fixture
def working_container(image):
    name = f"caseload-test-{uuid.uuid4().hex[:8]}"
    subprocess.run(["buildah", "from", "--name", name, image], check=True, capture_output=True)
    yield name
    subprocess.run(["buildah", "rm", name], capture_output=True)


def run_in(container: str, *command: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["buildah", "run", "--isolation", "chroot", container, "--", *command],
        capture_output=True,
        text=True,
        timeout=120,
        **options,
    )


def test_the_image_holds_the_server_without_qt_as_an_unprivileged_user(working_container):
    assert run_in(working_container, "id", "-u").stdout.strip() == "10001"
    assert run_in(working_container, "python3", "-c", "import PySide6").returncode != 0
    assert run_in(working_container, "caseload-server", "--help").returncode == 0


def test_the_images_server_serves_on_postgresql(working_container):
    schemas = PostgresSchemas(postgres_url("several workers need PostgreSQL"))
    port = free_port()
    server = subprocess.Popen(
        [
            "buildah", "run", "--isolation", "chroot",
            "--env", f"DATABASE_URL={schemas.fresh_url()}",
            working_container, "--",
            "caseload-server", "--data-dir", "/var/lib/caseload",
            "--host", "127.0.0.1", "--port", str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: the server in it ends with it
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the image's server did not start"
                time.sleep(0.5)
        assert health.status_code == 200
        assert health.json()["data"]["database"] == "ok"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
        server.stdout.close()
        schemas.close()
