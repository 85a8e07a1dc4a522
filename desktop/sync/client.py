"""HTTP client for the central server: TLS, tokens with one refresh at a time, retries.

Network errors, 5xx and 429 are retried with exponential backoff and full jitter,
honouring ``Retry-After``, a bounded number of times. A 401 gets one token refresh and
one retry. Any answer that is not the expected JSON envelope (a captive portal's HTML
with status 200, truncated JSON, no ``data``) is an error and is never applied. A
certificate that fails the TLS check is reported as such (why, and what to do) and not
retried; an organisation's own certificate authority can be trusted with a PEM file.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import random
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop import __version__
from desktop.errors import UserError
from desktop.sync.wire import ProtocolError, expect_data, require_keys

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class SyncError(UserError):
    """Sync could not go on; the message is fit to show."""


class ServerUnreachable(SyncError):
    pass


class CertificateNotTrusted(SyncError):
    """The TLS certificate check failed: not retried, since trying again cannot help."""


class CaFileError(SyncError):
    """The chosen certificate authority file cannot be used."""


class SignInRequired(SyncError):
    """The server refused the tokens: the user must sign in to the server again."""

    def __init__(self, message: str = "The server session has ended. Sign in to the server again."):
        super().__init__(message)


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("Sync was cancelled.")


@dataclass
class ApiFailure(Exception):
    """A definite refusal (4xx other than 401/429): not retried."""

    status: int
    code: str
    message: str
    fields: dict[str, str]

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.message}"


@dataclass
class Tokens:
    access: str
    refresh: str


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    first_delay: float = 2.0
    max_delay: float = 600.0
    # Within one sync run nobody waits ten minutes: longer waits end the run instead.
    max_wait_in_run: float = 60.0


def check_server_url(url: str) -> tuple[str, str | None]:
    """(normalised base URL, warning or None). Plain http is for loopback and local networks."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError("The server address must start with https:// and name a host.")
    if parts.query or parts.fragment or parts.username:
        raise SyncError("The server address must not contain credentials, a query or a fragment.")
    try:
        port = parts.port  # urlsplit checks the port only when asked
    except ValueError:
        port = 0
    if port == 0:
        raise SyncError("The server address's port must be a number from 1 to 65535.")
    base = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    if parts.scheme == "https":
        return base, None
    host = parts.hostname
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if host == "localhost" or (address is not None and address.is_loopback):
        return base, None
    if address is not None and address.is_private:
        return base, (
            "The connection to this server is not encrypted (http://). "
            "Use https:// unless the server is on this office's own network."
        )
    raise SyncError(
        "Plain http:// is only allowed for this computer or the office network; use https://."
    )


def tls_context(ca_file: str | os.PathLike[str] | None = None) -> ssl.SSLContext:
    """The usual trusted authorities, plus an organisation's own one from a PEM file."""
    context = httpx.create_ssl_context()
    if not ca_file:
        return context
    path = os.fspath(ca_file)
    try:
        context.load_verify_locations(cafile=path)
    except FileNotFoundError:
        raise CaFileError(f"The certificate authority file {path} does not exist.") from None
    except IsADirectoryError:
        raise CaFileError(
            f"The certificate authority file {path} is a folder; choose the file itself."
        ) from None
    except PermissionError:
        raise CaFileError(
            f"The certificate authority file {path} cannot be read (permission denied)."
        ) from None
    except (ssl.SSLError, UnicodeDecodeError, ValueError):
        raise CaFileError(
            f"The certificate authority file {path} holds no certificate in PEM format "
            "(text beginning with -----BEGIN CERTIFICATE-----)."
        ) from None
    return context


# OpenSSL's X509_V_ERR_* codes, as people would put them; others use OpenSSL's own words.
_ASK_FOR_CA = (
    "If your organisation has its own certificate authority, choose its certificate file "
    '("Certificate authority" in the Sync panel, or caseload sync --ca-file FILE).'
)
_UNKNOWN_ISSUER = "it was issued by an unknown certificate authority. " + _ASK_FOR_CA
_CERTIFICATE_PROBLEMS = {
    2: _UNKNOWN_ISSUER,  # unable to get issuer certificate
    9: "it is not valid yet. Check this computer's date and time.",
    10: (
        "it has expired. The server's administrator must renew it "
        "(or this computer's date is wrong)."
    ),
    18: "it is self-signed. " + _ASK_FOR_CA,
    19: _UNKNOWN_ISSUER,  # self-signed certificate in the chain
    20: _UNKNOWN_ISSUER,  # unable to get local issuer certificate
    21: _UNKNOWN_ISSUER,  # unable to verify the first certificate
    23: "it has been revoked.",
    62: "it was issued for another host name, not {host}. Check the server address.",
    64: "it was issued for another address, not {host}. Check the server address.",
}


def _certificate_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check error behind an httpx error (httpx and httpcore chain them)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def certificate_message(base_url: str, failure: ssl.SSLCertVerificationError) -> str:
    """'The certificate of HOST is not trusted: why. What to do.' on one line."""
    parts = urlsplit(base_url)
    problem = _CERTIFICATE_PROBLEMS.get(failure.verify_code)
    if problem is None:
        problem = f"{failure.verify_message or failure.reason or failure}."
    problem = problem.replace("{host}", parts.hostname or parts.netloc)
    return f"The certificate of {parts.netloc} is not trusted: {problem}"


def _batch_note(body: Any, data: Any) -> str:
    """', 100 changes sent' for a push, ', 500 changes received' for a page of changes."""
    for what, payload in (("sent", body), ("received", data)):
        if isinstance(payload, dict) and isinstance(payload.get("changes"), list):
            return f", {len(payload['changes'])} changes {what}"
    return ""


def retry_after_seconds(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def backoff_delay(attempt: int, policy: RetryPolicy, rng: random.Random) -> float:
    """Full jitter: uniform in [0, min(cap, first * 2**attempt)]."""
    return rng.uniform(0, min(policy.max_delay, policy.first_delay * 2**attempt))


class ServerClient:
    def __init__(
        self,
        base_url: str,
        tokens: Tokens | None = None,
        *,
        on_tokens: Callable[[Tokens | None], None] = lambda tokens: None,
        policy: RetryPolicy | None = None,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        is_cancelled: Callable[[], bool] = lambda: False,
        transport: httpx.BaseTransport | None = None,
        ca_file: str | None = None,
    ):
        self.base_url, self.warning = check_server_url(base_url)
        self.tokens = tokens
        self._on_tokens = on_tokens
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self.is_cancelled = is_cancelled
        self._rng = random.Random()
        self._refresh_lock = threading.Lock()
        self.server_date: float | None = None
        self.refreshes = 0
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
            headers={"User-Agent": f"Caseload/{__version__}", "Accept": "application/json"},
            verify=tls_context(ca_file),
            follow_redirects=False,
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- auth ----------------------------------------------------------------------

    def login(self, username: str, password: str) -> dict[str, Any]:
        data = self.request(
            "POST", "/api/auth/login", json={"username": username, "password": password}, auth=False
        )
        data = require_keys(data, "access_token", "refresh_token", "user", what="the login answer")
        require_keys(data["user"], "id", what="the login answer's user")
        self._set_tokens(Tokens(data["access_token"], data["refresh_token"]))
        return data

    def logout(self) -> None:
        if self.tokens is None:
            return
        try:
            self.request(
                "POST", "/api/auth/logout", json={"refresh_token": self.tokens.refresh}, retry=False
            )
        except (SyncError, ApiFailure):
            log.info("server logout failed; tokens are forgotten locally anyway")
        self._set_tokens(None)

    def _set_tokens(self, tokens: Tokens | None) -> None:
        self.tokens = tokens
        self._on_tokens(tokens)

    def refresh(self, stale_access: str | None) -> None:
        """One refresh at a time; a thread that waited finds the new token and returns."""
        with self._refresh_lock:
            if self.tokens is None:
                raise SignInRequired()
            if stale_access is not None and self.tokens.access != stale_access:
                return
            response = self._send("POST", "/api/auth/refresh", None, self.tokens.refresh)
            if response.status_code == 401:
                self._set_tokens(None)
                raise SignInRequired()
            data = require_keys(
                self._parse(response), "access_token", "refresh_token", what="the refresh answer"
            )
            self.refreshes += 1
            self._set_tokens(Tokens(data["access_token"], data["refresh_token"]))
            log.info("server tokens refreshed")

    # -- requests ------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        retry: bool = True,
    ) -> Any:
        """The ``data`` of a successful answer; raises ApiFailure, SignInRequired, SyncError."""
        attempts = self.policy.attempts if retry else 1
        refreshed = False
        waited = 0.0
        attempt = 0
        while True:
            if self.is_cancelled():
                raise SyncCancelled()
            token = None
            if auth:
                if self.tokens is None:
                    raise SignInRequired("This account is not signed in to the server.")
                token = self.tokens.access
            delay: float | None = None
            started = time.monotonic()
            try:
                response = self._send(method, path, json, token, params=params, headers=headers)
            except httpx.TransportError as exc:
                problem: str = f"cannot reach the server ({type(exc).__name__})"
                response = None
            if response is not None:
                if response.status_code == 401 and auth and not refreshed:
                    refreshed = True
                    self.refresh(token)
                    continue
                if response.status_code == 401 and not auth:
                    # A sign-in refused, not a session that ended.
                    raise SyncError("The server refused this username or password.")
                if response.status_code == 401:
                    raise SignInRequired()
                if response.status_code in RETRY_STATUSES:
                    problem = f"the server answered {response.status_code}"
                    delay = retry_after_seconds(response)
                else:
                    try:
                        data = self._parse(response)
                    except ProtocolError as exc:
                        problem = f"the server's answer was not understood ({exc})"
                    else:
                        # The one log line per request, so per batch (httpx's own are off).
                        log.info(
                            "%s %s: %d in %.2f s%s",
                            method,
                            path,
                            response.status_code,
                            time.monotonic() - started,
                            _batch_note(json, data),
                        )
                        return data
            attempt += 1
            if attempt >= attempts:
                raise ServerUnreachable(f"Sync stopped: {problem}.")
            pause = max(delay or 0.0, backoff_delay(attempt - 1, self.policy, self._rng))
            if waited + pause > self.policy.max_wait_in_run:
                raise ServerUnreachable(f"Sync stopped: {problem}; try again later.")
            log.info("%s %s failed (%s); retrying in %.1f s", method, path, problem, pause)
            self._pause(pause)
            waited += pause

    def _pause(self, seconds: float) -> None:
        """Sleeps in small steps so that Cancel is honoured during a backoff."""
        remaining = seconds
        while remaining > 0:
            if self.is_cancelled():
                raise SyncCancelled()
            step = min(0.2, remaining)
            self._sleep(step)
            remaining -= step

    def _send(
        self, method: str, path: str, body: Any, token: str | None, *, params=None, headers=None
    ) -> httpx.Response:
        headers = dict(headers or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = self._http.request(method, path, json=body, params=params, headers=headers)
        except httpx.TransportError as exc:
            failure = _certificate_failure(exc)
            if failure is None:
                raise
            log.info("server certificate refused: %s", failure.verify_message)
            raise CertificateNotTrusted(certificate_message(self.base_url, failure)) from exc
        date_header = response.headers.get("Date")
        if date_header:
            try:
                self.server_date = parsedate_to_datetime(date_header).timestamp()
                self._local_at_date = time.time()
            except (TypeError, ValueError):
                pass
        return response

    def clock_skew(self) -> float | None:
        """Seconds the laptop's clock is ahead of the server's (last answer's Date)."""
        if self.server_date is None:
            return None
        return self._local_at_date - self.server_date

    @staticmethod
    def _parse(response: httpx.Response) -> Any:
        content_type = response.headers.get("Content-Type", "")
        if "json" not in content_type:
            raise ProtocolError(
                f"status {response.status_code}, content type {content_type or 'none'}"
            )
        try:
            body = response.json()
        except ValueError:
            raise ProtocolError("the JSON is malformed or truncated") from None
        if 200 <= response.status_code < 300:
            return expect_data(body)
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, dict):
            raise ProtocolError(f"status {response.status_code} without an error object")
        fields = error.get("fields") if isinstance(error.get("fields"), dict) else {}
        raise ApiFailure(
            response.status_code,
            str(error.get("code", "")),
            str(error.get("message", "")),
            {str(k): str(v) for k, v in fields.items()},
        )
