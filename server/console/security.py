"""The console's protections: a Secure, HttpOnly, SameSite=Strict session cookie; a CSRF
token on every form (Flask-WTF's CSRFProtect, checked for the console's routes only: the
API takes bearer tokens, which a browser never sends by itself); a strict CSP (no script
at all, nothing from elsewhere) and no framing."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect

SESSION_LIFETIME = timedelta(hours=8)
COOKIE_NAME = "caseload-console"
# The __Host- prefix: the browser keeps the cookie only when Secure, for this host, path /.
SECURE_COOKIE_NAME = "__Host-" + COOKIE_NAME
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'none'",
        "style-src 'self'",
        "img-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

csrf = CSRFProtect()


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_http_loopback() -> bool:
    """A plain-http request from a loopback address to a loopback host name."""
    return (
        request.scheme == "http"
        and _loopback(request.remote_addr)
        and _loopback(urlsplit("//" + request.host).hostname)
    )


class ConsoleSessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie, always Secure except where the setting allows plain http."""

    def _insecure(self, app: Flask) -> bool:
        return app.extensions["caseload"].config.console_plain_http and plain_http_loopback()

    def get_cookie_secure(self, app: Flask) -> bool:
        return not self._insecure(app)

    def get_cookie_name(self, app: Flask) -> str:
        return COOKIE_NAME if self._insecure(app) else SECURE_COOKIE_NAME


def init_security(app: Flask) -> None:
    settings = app.extensions["caseload"].config
    # Its own key, derived from the JWT secret: one secret for the operator to keep.
    app.secret_key = hmac.new(
        settings.jwt_secret, b"caseload console session", hashlib.sha256
    ).digest()
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_PATH="/",
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
        # Checked in the console's before_request only (the API has no cookies to ride on).
        WTF_CSRF_CHECK_DEFAULT=False,
        WTF_CSRF_TIME_LIMIT=int(SESSION_LIFETIME.total_seconds()),
    )
    app.session_interface = ConsoleSessionInterface()
    csrf.init_app(app)


def check_csrf() -> None:
    """The console blueprint's before_request: every form sent carries its token."""
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        csrf.protect()


def security_headers(response: Response) -> Response:
    """The console blueprint's after_request."""
    for name, value in HEADERS.items():
        response.headers[name] = value
    return response
