"""The server behind a real nginx on loopback: clients are told apart by X-Forwarded-For.

nginx connects to the server from 127.0.0.1 for everyone, as an office's reverse proxy
does; the clients reach nginx from 127.0.0.2 and 127.0.0.3. Without CASELOAD_TRUSTED_PROXIES
they would all be one address to the server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server.conftest import PASSWORD, ServerProcess, free_port

REQUIRE_ENV = "CASELOAD_REQUIRE_NGINX"
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")

CONFIG = """\
daemon off;
master_process off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
"""


@pytest.fixture(scope="module")
def nginx_binary() -> str:
    if NGINX is None:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but nginx is not installed")
        pytest.skip("nginx is not installed (apt install nginx)")
    return NGINX


@pytest.fixture(scope="module")
def proxied(servers, nginx_binary, tmp_path_factory) -> Iterator[tuple[ServerProcess, str]]:
    """A server trusting 127.0.0.1 (nginx), and the base URL of nginx in front of it."""
    # A first delay of ten minutes: the typist stays held however slow the machine is.
    server = servers.start(
        dev=True, CASELOAD_TRUSTED_PROXIES="127.0.0.1", CASELOAD_LOGIN_FIRST_DELAY_SECONDS="600"
    )
    root: Path = tmp_path_factory.mktemp("nginx")
    port = free_port()
    upstream = server.base_url.rsplit(":", 1)[1]
    (root / "nginx.conf").write_text(
        CONFIG.format(root=root, port=port, upstream=upstream), encoding="utf-8"
    )
    log = (root / "stderr.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [nginx_binary, "-p", str(root), "-c", str(root / "nginx.conf"), "-e", "stderr"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                pytest.fail("nginx exited:\n" + (root / "stderr.log").read_text())
            try:
                if httpx.get(f"{base_url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "nginx did not start in 20 s"
            time.sleep(0.1)
        yield server, base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def through_nginx(base_url: str, address: str) -> httpx.Client:
    return httpx.Client(
        base_url=base_url,
        transport=httpx.HTTPTransport(local_address=address),
        timeout=30,
    )


def login(client: httpx.Client, username: str, password: str, **headers: str) -> int:
    return client.post(
        "/api/auth/login", json={"username": username, "password": password}, headers=headers
    ).status_code


def test_behind_nginx_one_clients_typos_do_not_lock_out_another(proxied):
    server, base_url = proxied
    user = server.new_user()
    with (
        through_nginx(base_url, "127.0.0.2") as typist,
        through_nginx(base_url, "127.0.0.3") as colleague,
    ):
        # Twelve wrong passwords; each time a made-up X-Forwarded-For, which nginx keeps
        # on the left of the address it appends, so it cannot pass as a new client.
        statuses = [
            login(typist, user.username, f"typo {n}", **{"X-Forwarded-For": f"198.51.100.{n}"})
            for n in range(12)
        ]
        # Same account, another client behind the same nginx: signs in.
        assert login(colleague, user.username, PASSWORD) == 200
        assert statuses == [401] * 5 + [429] * 7
        assert login(typist, user.username, PASSWORD) == 429
