"""Per-address request limits for sign-in and the API, counted by Flask-Limiter.

Counters live in Redis when `CASELOAD_REDIS_URL` is set, so every server process behind
nginx counts against the same limit; without it each process counts alone in memory
(one process is then exact, several would each allow the full limit). The address is the
one login throttling uses (`server.auth.request_client_address`: X-Forwarded-For only
through CASELOAD_TRUSTED_PROXIES).

This sits beside the login throttling of server/auth.py, which holds one client on one
account after failed passwords (kept in the database); these limits count every request,
good or bad, so one address cannot make the server hash passwords or serve pages without
bound. When Redis cannot be reached the request is let through (logged) rather than
refused: the rate limits protect the server, they must not take it down with them.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, request
from flask_limiter import ApplicationLimit, Limiter, RateLimitExceeded, RequestLimit

from server.auth import request_client_address
from server.config import ServerConfig
from server.errors import error_response

# Where a password is checked: the API's sign-in and the web console's sign-in form.
LOGIN_ENDPOINTS = frozenset({"auth.login", "console.sign_in_form"})
# Monitoring polls these: never limited (nginx keeps /metrics to the host itself).
UNLIMITED_PATHS = frozenset({"/health", "/metrics"})
# One Redis that answers slowly must not hold every request for long.
REDIS_TIMEOUT_SECONDS = 2
KEY_PREFIX = "caseload"
EXTENSION = "caseload_limiter"

log = logging.getLogger(__name__)
# Flask-Limiter logs each refusal at INFO with the client's address; _refused logs it
# without. Its warnings (Redis unreachable) stay.
logging.getLogger("flask-limiter").setLevel(logging.WARNING)


def _not_login() -> bool:
    return request.endpoint not in LOGIN_ENDPOINTS


def _unlimited() -> bool:
    return request.path in UNLIMITED_PATHS


def _refused(limit: RequestLimit) -> Response:
    reset_time, _remaining = limit.window
    wait = max(1, math.ceil(reset_time - time.time()))
    # Which limit, never the address (personal data in an office's logs).
    scope = limit.request_args[-1]  # the arguments are [address, scope]
    log.warning("rate limited by the %s limit (retry in %ss)", scope, wait)
    return _too_many(wait)


def _too_many(wait: int) -> Response:
    return error_response(
        429,
        "rate_limited",
        "Too many requests from this address. Try again later.",
        headers={"Retry-After": str(wait)},
        extra={"retry_after": wait},
    )


def storage_uri(config: ServerConfig) -> str:
    return config.redis_url or "memory://"


def init_limiter(app: Flask, config: ServerConfig) -> Limiter:
    """Counts requests per client address; a refusal is 429 with Retry-After, in the
    server's error format."""
    limits = []
    if config.rate_limit_api:
        limits.append(ApplicationLimit(config.rate_limit_api, scope="api", exempt_when=_unlimited))
    if config.rate_limit_login:
        limits.append(
            ApplicationLimit(config.rate_limit_login, scope="login", exempt_when=_not_login)
        )
    options: dict[str, Any] = {}
    if config.redis_url:
        options = {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
        }
    limiter = Limiter(
        request_client_address,
        app=app,
        application_limits=limits,
        storage_uri=storage_uri(config),
        storage_options=options,
        strategy="fixed-window",
        key_prefix=KEY_PREFIX,
        swallow_errors=True,
        on_breach=_refused,
        enabled=bool(limits),
    )

    @app.errorhandler(RateLimitExceeded)
    def _rate_limited(exc: RateLimitExceeded):
        # _refused made the answer; without one (no limit's window known), a minute.
        return exc.response or _too_many(60)

    app.extensions[EXTENSION] = limiter
    return limiter


REDIS_UNAVAILABLE = "redis_unavailable"
REDIS_UNAVAILABLE_MESSAGE = "The rate-limit store is not reachable."


class RedisUnavailable(Exception):
    """The configured Redis did not answer a PING."""


def ping_redis(app: Flask) -> None:
    """The `/health` check of the rate-limit store (when CASELOAD_REDIS_URL is set)."""
    limiter: Limiter = app.extensions[EXTENSION]
    if not limiter.storage.check():
        raise RedisUnavailable(f"no answer from {_where(app.extensions['caseload'].config)}")


def _where(config: ServerConfig) -> str:
    # Host and port only: a redis:// URL may hold a password.
    parts = urlsplit(config.redis_url or "")
    return f"{parts.hostname}:{parts.port or 6379}" if parts.hostname else parts.scheme
