"""Flask application factory: wires settings, database, JWT, blueprints and error envelopes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, Response
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.exceptions import HTTPException

from server import erasure, health, observability
from server.auth import bp as auth_bp
from server.auth import init_jwt
from server.config import ServerConfig
from server.db import make_engine, make_session_factory, upgrade
from server.errors import ApiError, api_error_response, error_response
from server.limits import REDIS_UNAVAILABLE, REDIS_UNAVAILABLE_MESSAGE, init_limiter, ping_redis
from server.web import close_db

log = logging.getLogger(__name__)

# Written from openapi.yaml by `python -m server.openapi_gen` (no YAML parser at run time).
OPENAPI_PATH = Path(__file__).with_name("openapi.json")
MAX_BODY_BYTES = 16 * 1024 * 1024


@dataclass
class CaseloadState:
    config: ServerConfig
    engine: Engine
    session_factory: sessionmaker[Session]


@cache
def openapi_document() -> bytes:
    return OPENAPI_PATH.read_bytes()


def create_app(config: ServerConfig, *, migrate: bool = True) -> Flask:
    app = Flask("server")
    app.config.update(
        JWT_SECRET_KEY=config.jwt_secret,
        JWT_ALGORITHM="HS256",
        JWT_DECODE_ALGORITHMS=["HS256"],
        JWT_TOKEN_LOCATION=["headers"],
        JWT_ACCESS_TOKEN_EXPIRES=config.access_token_ttl,
        JWT_REFRESH_TOKEN_EXPIRES=config.refresh_token_ttl,
        # Let the JWT extension's handlers answer (as 401) instead of a generic 500.
        PROPAGATE_EXCEPTIONS=True,
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
    )
    engine = make_engine(config.database_url, config.db_key)
    erasure.secure_delete(engine)
    if migrate:
        upgrade(engine)
    factory = make_session_factory(engine)
    erasure.install(factory, engine)
    app.extensions["caseload"] = CaseloadState(config, engine, factory)
    app.teardown_appcontext(close_db)
    # First: its answer hook then runs last, timing the others' too.
    observability.install(app)
    health.install(app)

    init_jwt(app)
    _register_error_handlers(app)
    init_limiter(app, config)
    if config.redis_url:
        health.health_checks(app).append(
            health.HealthCheck("redis", ping_redis, REDIS_UNAVAILABLE, REDIS_UNAVAILABLE_MESSAGE)
        )
    app.register_blueprint(auth_bp)
    from server.api.devices import bp as devices_bp
    from server.api.forms import bp as forms_bp
    from server.api.records import bp as records_bp
    from server.api.referrals import bp as referrals_bp
    from server.api.sync import bp as sync_bp
    from server.api.users import bp as users_bp

    app.register_blueprint(records_bp)
    app.register_blueprint(sync_bp)
    app.register_blueprint(users_bp)
    app.register_blueprint(forms_bp)
    app.register_blueprint(referrals_bp)
    app.register_blueprint(devices_bp)
    from server.console import init_console

    init_console(app)  # the web console at /

    @app.get("/api/openapi.json")
    def openapi():
        return Response(openapi_document(), mimetype="application/json")

    return app


def _register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        if exc.status >= 500:
            log.error("request failed: %s", exc.code)
            observability.count_error(exc.code)
        return api_error_response(exc)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        code = (exc.name or "error").lower().replace(" ", "_")
        headers: dict[str, Any] = {}
        if exc.code == 405:
            response = exc.get_response()
            if "Allow" in response.headers:
                headers["Allow"] = response.headers["Allow"]
        return error_response(exc.code or 500, code, exc.description or exc.name, headers=headers)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unexpected error (bug)")
        observability.count_error("internal_error")
        return error_response(500, "internal_error", "Something went wrong on the server.")

    @app.after_request
    def _no_store(response: Response) -> Response:
        # Personal data and tokens must not end up in shared caches or browser history.
        response.headers.setdefault("Cache-Control", "no-store")
        return response
