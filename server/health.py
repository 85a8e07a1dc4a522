"""`/health`: the server answers and each thing it depends on works.

The checks are a list per app. Each runs in turn; the first that fails makes the answer
503 with its code and name (its exception is logged, not sent). Another dependency adds
its check where the app is made, when it is configured:

    health_checks(app).append(HealthCheck("redis", ping_redis, "redis_unavailable",
                                          "The rate-limit store is not reachable."))
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import text

from server import __version__, observability
from server.db import utcnow
from server.errors import error_response
from server.records import iso_datetime
from server.web import ok

log = logging.getLogger(__name__)

EXTENSION = "caseload_health"


@dataclass(frozen=True)
class HealthCheck:
    name: str  # its key in the answer ("database": "ok")
    run: Callable[[Flask], object]  # raises when what it checks does not work
    code: str  # the error code of a 503 it causes
    message: str  # what that 503 says


def check_database(app: Flask) -> None:
    """A cheap round trip through the engine (its pool, the driver, the server)."""
    with app.extensions["caseload"].engine.connect() as connection:
        connection.execute(text("SELECT 1"))


DATABASE = HealthCheck(
    "database", check_database, "database_unavailable", "The database is not reachable."
)


def health_checks(app: Flask) -> list[HealthCheck]:
    """The app's checks, in the order they run; append to add one."""
    return app.extensions.setdefault(EXTENSION, [DATABASE])


def install(app: Flask) -> None:
    health_checks(app)
    app.add_url_rule("/health", "health", _health, methods=["GET"])


def _health():
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    answer: dict[str, str] = {"status": "ok"}
    for check in health_checks(app):
        try:
            check.run(app)
        except Exception as exc:
            log.warning("health check %s failed: %s: %s", check.name, type(exc).__name__, exc)
            observability.count_error(check.code)
            return error_response(503, check.code, check.message, extra={"check": check.name})
        answer[check.name] = "ok"
    return ok({**answer, "version": __version__, "time": iso_datetime(utcnow())})
