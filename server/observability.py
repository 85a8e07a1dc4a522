"""What the server tells its operator: the access log, JSON logs and Prometheus metrics.

Each request gets one line on the `caseload.access` logger (method, route template,
status, duration, request id, the signed-in user's id) and is counted in the request
metrics; a sync push gets one summary line (`sync_pushed`), its records one DEBUG line
each. Nothing here logs a path with its ids, a query string, a header value other than
the request id, or a record's fields. docs/server-operations.md lists the names.

Metrics are kept by prometheus_client. Several server processes behind one proxy share
them through prometheus_client's multiprocess mode: each process writes its values to
files in the folder named by PROMETHEUS_MULTIPROC_DIR (read when prometheus_client is
imported), and `/metrics` of any process adds up every process's files.
"""

from __future__ import annotations

import contextvars
import functools
import hmac
import json
import logging
import os
import re
import time
import uuid
from collections import Counter as Tally
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import prometheus_client
from flask import Flask, Response, current_app, g, has_request_context, request
from flask_jwt_extended import get_jwt
from prometheus_client import CollectorRegistry, Counter, Histogram, multiprocess
from prometheus_client.exposition import choose_encoder

from server.config import ConfigError
from server.errors import error_response

ACCESS_LOGGER = "caseload.access"
access_log = logging.getLogger(ACCESS_LOGGER)

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REQUEST_ID_HEADER = "X-Request-ID"
# Kept from the proxy when it looks like one of its ids (nginx's $request_id is 32 hex
# digits, a UUID has dashes): anything else may carry what a log must not hold.
_REQUEST_ID = re.compile(r"[0-9A-Fa-f-]{16,64}")
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# The route of a request that matched none (404, or 405 before routing chose one).
UNMATCHED = "<unmatched>"
# Seconds; a push of 500 records on a busy PostgreSQL takes a few.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)

REQUESTS = Counter(
    "caseload_http_requests",
    "Requests answered, by method, route template and status.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "caseload_http_request_duration_seconds",
    "Time from the request's arrival in the app to its answer.",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
RECORDS_PUSHED = Counter(
    "caseload_sync_records_pushed",
    "Changes received in sync pushes, by record kind and outcome (applied, conflict, rejected).",
    ["kind", "outcome"],
)
RECORDS_PULLED = Counter(
    "caseload_sync_records_pulled",
    "Changes sent in sync feed pages, by record kind (departure: a record left a caseload).",
    ["kind"],
)
ERRORS = Counter(
    "caseload_errors",
    "Server-side failures (answered 5xx), by error code; internal_error is a bug.",
    ["code"],
)
LOGIN_THROTTLED = Counter(
    "caseload_login_throttled",
    "Sign-ins refused by login throttling, by the limit that refused them.",
    ["limit"],
)


# --- logging ---------------------------------------------------------------------------

# What every LogRecord has; whatever else a record carries came as `extra=`.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "request_id",
}


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, the request id inside a
    request, the `extra=` fields, and the traceback of a logged exception."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id is not None:
            out["request_id"] = request_id
        for name, value in record.__dict__.items():
            if name not in _STANDARD and not name.startswith("_"):
                out[name] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            out["stack"] = self.formatStack(record.stack_info)
        return json.dumps(out, ensure_ascii=False, default=str)


class RequestIdFilter(logging.Filter):
    """Gives each line logged while a request is answered that request's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id") and has_request_context():
            record.request_id = g.get("request_id")
        return True


def configure_logging(level: int, log_format: str) -> None:
    """The server's one handler on stderr, as text lines or JSON lines (`log_format`)."""
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    )
    logging.basicConfig(level=level, handlers=[handler])


# Inside a sync push each record's write logs at DEBUG; the push logs one summary line.
_in_batch: contextvars.ContextVar[bool] = contextvars.ContextVar("caseload_batch", default=False)


class RecordLogger(logging.LoggerAdapter):
    """A module's logger whose INFO lines are DEBUG ones inside a batch of records."""

    def log(self, level: int, msg: object, *args: Any, **kwargs: Any) -> None:
        if level == logging.INFO and _in_batch.get():
            level = logging.DEBUG
        if self.isEnabledFor(level):
            # The caller of info() is named in the line, not this method.
            kwargs.setdefault("stacklevel", 2)
            self.logger.log(level, msg, *args, **kwargs)


def record_logger(name: str) -> RecordLogger:
    return RecordLogger(logging.getLogger(name))


def batch_of_records(view: Callable[..., Any]) -> Callable[..., Any]:
    """Marks a view whose records' write lines go to DEBUG (it logs a summary instead)."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        token = _in_batch.set(True)
        try:
            return view(*args, **kwargs)
        finally:
            _in_batch.reset(token)

    return wrapper


# --- the request hooks -----------------------------------------------------------------


def install(app: Flask) -> None:
    """The access log, the request metrics and `/metrics`. Installed before the other
    hooks, so the time measured covers theirs (Flask runs the last-added answer hook
    first)."""
    folder = os.environ.get(MULTIPROC_ENV)
    if folder and not os.path.isdir(folder):
        raise ConfigError(f"{MULTIPROC_ENV} names {folder}, which is not a folder")
    app.before_request(_started)
    app.after_request(_answered)
    app.add_url_rule("/metrics", "metrics", _metrics, methods=["GET"])


def elapsed_ms() -> float | None:
    """Milliseconds since the current request arrived (None outside a request)."""
    started = g.get("request_started") if has_request_context() else None
    return None if started is None else (time.perf_counter() - started) * 1000


def _started() -> None:
    g.request_started = time.perf_counter()
    sent = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = sent if _REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex


def _user_id() -> str | None:
    try:
        subject = get_jwt().get("sub")
    except RuntimeError:  # no token was checked for this request
        return None
    return subject if isinstance(subject, str) else None


def route_of_request() -> str:
    rule = request.url_rule
    return rule.rule if rule is not None else UNMATCHED


def _answered(response: Response) -> Response:
    if "request_id" not in g:  # an earlier hook failed before ours ran
        _started()
    duration = elapsed_ms() or 0.0
    method = request.method if request.method in METHODS else "OTHER"
    route = route_of_request()
    status = response.status_code
    response.headers[REQUEST_ID_HEADER] = g.request_id
    REQUESTS.labels(method, route, str(status)).inc()
    LATENCY.labels(method, route, str(status)).observe(duration / 1000)
    user = _user_id()
    access_log.info(
        "%s %s %d %.1f ms request %s%s",
        method,
        route,
        status,
        duration,
        g.request_id,
        f" user {user}" if user else "",
        extra={
            "request_id": g.request_id,
            "method": method,
            "route": route,
            "status": status,
            "duration_ms": round(duration, 1),
            "user_id": user,
        },
    )
    return response


# --- the counts ------------------------------------------------------------------------


def count_error(code: str) -> None:
    ERRORS.labels(code).inc()


def login_throttled(limit: str) -> None:
    LOGIN_THROTTLED.labels(limit or "unknown").inc()


def records_pulled(kinds: Iterable[str]) -> None:
    for kind, count in Tally(kinds).items():
        RECORDS_PULLED.labels(kind).inc(count)


OUTCOMES = ("applied", "conflict", "rejected")


def sync_pushed(log: logging.Logger, user_id: str, results: list[dict[str, Any]]) -> None:
    """The push's one INFO line (ids and counts only) and its records in the metrics."""
    pairs = Tally(
        (
            str(result.get("entity") or "unknown"),
            result["status"] if result.get("status") in OUTCOMES else "rejected",
        )
        for result in results
    )
    kinds: Tally[str] = Tally()
    outcomes: Tally[str] = Tally()
    for (kind, outcome), count in pairs.items():
        RECORDS_PUSHED.labels(kind, outcome).inc(count)
        kinds[kind] += count
        outcomes[outcome] += count
    duration = elapsed_ms()
    log.info(
        "sync push by user %s: %d changes (%s): %d applied, %d conflicts, %d rejected%s",
        user_id,
        len(results),
        ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "none",
        outcomes["applied"],
        outcomes["conflict"],
        outcomes["rejected"],
        "" if duration is None else f", {duration:.0f} ms",
        extra={
            "event": "sync_push",
            "user_id": user_id,
            "changes": len(results),
            "kinds": dict(sorted(kinds.items())),
            "applied": outcomes["applied"],
            "conflicts": outcomes["conflict"],
            "rejected": outcomes["rejected"],
            "duration_ms": None if duration is None else round(duration, 1),
        },
    )


# --- /metrics --------------------------------------------------------------------------


def _registry() -> prometheus_client.registry.Collector:
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return prometheus_client.REGISTRY


def _metrics() -> Response:
    """The metrics in Prometheus's text format; with CASELOAD_METRICS_TOKEN set, only for
    a request that sends it as a bearer token."""
    token = current_app.extensions["caseload"].config.metrics_token
    if token:
        sent = request.headers.get("Authorization", "")
        if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return error_response(
                401,
                "missing_token",
                "The metrics need the monitoring token (CASELOAD_METRICS_TOKEN).",
                headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
            )
    encoder, content_type = choose_encoder(request.headers.get("Accept", ""))
    return Response(encoder(_registry()), headers={"Content-Type": content_type})
