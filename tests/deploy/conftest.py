"""The office stack of deploy/, for real on loopback: Debian's nginx running
deploy/nginx/caseload.conf with a certificate made here, in front of two caseload-server
processes sharing one data folder, PostgreSQL (a schema of its own) and a redis-server
holding their rate-limit counters, as deploy/systemd sets them up.

In CI (.ci/run) nginx, redis-server and PostgreSQL are required: a missing one fails.
"""

from __future__ import annotations

import os
import re
import shutil
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import redis

from tests.e2e.tls import Certificate, TestAuthority
from tests.server.conftest import (
    REPO_ROOT,
    PostgresSchemas,
    ServerProcess,
    free_port,
    postgres_url,
)

DEPLOY = REPO_ROOT / "deploy"
SBIN = "/usr/sbin:/usr/local/sbin:/usr/bin"
# Sign-ins per address and hour, across both workers: the tests' own sign-ins from
# 127.0.0.1 stay well under it; test_rate_limits_are_shared_by_the_workers passes it.
LOGIN_LIMIT = 30


def required_tool(name: str, require_env: str, install: str) -> str:
    """The tool's path; a failure when CI requires it (`require_env`=1), else a skip."""
    found = shutil.which(name) or shutil.which(name, path=SBIN)
    if found is None:
        if os.environ.get(require_env) == "1":
            pytest.fail(f"{require_env}=1 but {name} is not installed ({install})")
        pytest.skip(f"{name} is not installed ({install})")
    return found


def wait_until(ready, what: str, process: subprocess.Popen, log: Path, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            pytest.fail(f"{what} exited:\n{log.read_text(errors='replace')}")
        try:
            if ready():
                return
        except (httpx.TransportError, redis.RedisError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not start in {seconds} s:\n{log.read_text(errors='replace')}")
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass
class Redis:
    port: int
    url: str
    client: redis.Redis


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory) -> Iterator[Redis]:
    binary = required_tool("redis-server", "CASELOAD_REQUIRE_REDIS", "apt install redis-server")
    root = tmp_path_factory.mktemp("redis")
    port = free_port()
    log = root / "redis.log"
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(root), "--protected-mode", "yes"]
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=5)
    try:
        wait_until(client.ping, "redis-server", process, log)
        yield Redis(port, f"redis://127.0.0.1:{port}/0", client)
    finally:
        client.close()
        stop(process)


@dataclass
class Office:
    """nginx at `url` (TLS, trusted through `ca_file`) in front of `workers`."""

    url: str
    http_url: str
    ca_file: Path
    workers: list[ServerProcess]
    nginx_root: Path
    redis: Redis

    def client(self, local_address: str = "127.0.0.1", **options) -> httpx.Client:
        """A client of nginx from `local_address` (any 127.x address), trusting the test CA."""
        context = ssl.create_default_context(cafile=str(self.ca_file))
        return httpx.Client(
            base_url=self.url,
            transport=httpx.HTTPTransport(local_address=local_address, verify=context),
            timeout=60,
            **options,
        )

    def upstreams_used(self) -> set[str]:
        """The workers nginx passed requests to so far (its access log)."""
        lines = (self.nginx_root / "access.log").read_text().splitlines()
        return {address for line in lines for address in line.split()[2].split(",")}


MAIN_CONF = """\
daemon off;
master_process off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    default_type application/octet-stream;
    log_format upstreams '$remote_addr $status $upstream_addr $request_uri';
    access_log {root}/access.log upstreams;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    include {root}/upstream.conf;
    include {root}/caseload.conf;
}}
"""


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"deploy/nginx/caseload.conf no longer has {old!r} once"
    return text.replace(old, new)


def render_site(certificate: Certificate, http_port: int, https_port: int) -> str:
    """deploy/nginx/caseload.conf with loopback ports and the test certificate: nothing else
    is changed, so what is tested is what an office installs."""
    text = (DEPLOY / "nginx" / "caseload.conf").read_text(encoding="utf-8")
    text = _replace_once(text, "    listen 80;\n", f"    listen 127.0.0.1:{http_port};\n")
    text = _replace_once(text, "    listen 443 ssl;\n", f"    listen 127.0.0.1:{https_port} ssl;\n")
    text = _replace_once(text, "    listen [::]:80;\n", "")
    text = _replace_once(text, "    listen [::]:443 ssl;\n", "")
    text = _replace_once(text, "/etc/caseload/tls/server.crt", str(certificate.cert_file))
    text = _replace_once(text, "/etc/caseload/tls/server.key", str(certificate.key_file))
    return text


def render_upstream(ports: list[int]) -> str:
    text = (DEPLOY / "nginx" / "upstream-systemd.conf").read_text(encoding="utf-8")
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in ports)
    rendered, count = re.subn(r"(    server 127\.0\.0\.1:\d+;\n)+", servers, text)
    assert count == 1, "deploy/nginx/upstream-systemd.conf no longer lists its servers"
    return rendered


def unit_exec_start(unit: str) -> str:
    """The one ExecStart= of a unit in deploy/systemd."""
    text = (DEPLOY / "systemd" / unit).read_text(encoding="utf-8")
    (line,) = re.findall(r"^ExecStart=(.+)$", text, re.M)
    return line


def start_workers(root: Path, database_url: str, redis_url: str, count: int) -> list[ServerProcess]:
    """`count` caseload-server processes run with the command lines of the
    caseload-server@PORT units (systemd itself does not run here): one data folder,
    migrations applied once before, by caseload-migrate.service's command."""
    data_dir = root / "data"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("CASELOAD_") and k != "DATABASE_URL"
    }
    env.update(
        PYTHONUNBUFFERED="1",
        DATABASE_URL=database_url,
        CASELOAD_REDIS_URL=redis_url,
        CASELOAD_TRUSTED_PROXIES="127.0.0.1",
        CASELOAD_RATE_LIMIT_LOGIN=f"{LOGIN_LIMIT} per hour",
    )

    def unit_command(unit: str, port: int = 0) -> list[str]:
        # The unit's own ExecStart, with this tree's server, data folder and port.
        command = unit_exec_start(unit).replace("%i", str(port)).split()
        assert command[0] == "/opt/caseload/bin/caseload-server", command
        args = [str(data_dir) if arg == "/var/lib/caseload" else arg for arg in command[1:]]
        return [sys.executable, "-m", "server", *args]

    migrated = subprocess.run(
        unit_command("caseload-migrate.service"),
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrated.returncode == 0, migrated.stderr
    workers = []
    for n in range(count):
        port = free_port()
        log = root / f"worker-{n}.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                unit_command("caseload-server@.service", port),
                env=env,
                cwd=REPO_ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        workers.append(
            ServerProcess(f"http://127.0.0.1:{port}", data_dir, process, log, env, False)
        )
    for worker in workers:
        wait_until(
            lambda w=worker: httpx.get(f"{w.base_url}/health", timeout=2).status_code == 200,
            f"caseload-server {worker.base_url}",
            worker.process,
            worker.log_path,
        )
    return workers


@pytest.fixture(scope="module")
def office(redis_server, tmp_path_factory) -> Iterator[Office]:
    nginx = required_tool("nginx", "CASELOAD_REQUIRE_NGINX", "apt install nginx")
    schemas = PostgresSchemas(postgres_url("several workers need PostgreSQL"))
    root = tmp_path_factory.mktemp("office")
    authority = TestAuthority(root)
    certificate = authority.issue("server")
    workers: list[ServerProcess] = []
    process = None
    try:
        workers = start_workers(root, schemas.fresh_url(), redis_server.url, 2)
        nginx_root = root / "nginx"
        nginx_root.mkdir()
        http_port, https_port = free_port(), free_port()
        upstream_ports = [int(w.base_url.rsplit(":", 1)[1]) for w in workers]
        (nginx_root / "upstream.conf").write_text(render_upstream(upstream_ports))
        (nginx_root / "caseload.conf").write_text(render_site(certificate, http_port, https_port))
        (nginx_root / "nginx.conf").write_text(MAIN_CONF.format(root=nginx_root))
        log = nginx_root / "stderr.log"
        command = [nginx, "-p", str(nginx_root), "-c", str(nginx_root / "nginx.conf")]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, checked.stderr
        with log.open("w") as out:
            process = subprocess.Popen([*command, "-e", "stderr"], stdout=out, stderr=out)
        office = Office(
            f"https://127.0.0.1:{https_port}",
            f"http://127.0.0.1:{http_port}",
            authority.ca_file,
            workers,
            nginx_root,
            redis_server,
        )
        with office.client() as probe:
            wait_until(lambda: probe.get("/health").status_code == 200, "nginx", process, log)
        yield office
    finally:
        if process is not None:
            stop(process)
        for worker in workers:
            worker.stop()
        schemas.close()
