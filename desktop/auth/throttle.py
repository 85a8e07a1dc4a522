"""Failed-login throttling kept beside the database (it must work before the key is known).

Growing delays after a few failures, capped, and never more than 100 failures an hour
per account (ASVS 4 §2.2.1). Unknown usernames are tracked exactly like known ones so
that the answers do not tell them apart. Entries are keyed by a hash of the username.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from pathlib import Path

from desktop.auth.keyslots import atomic_write_json
from desktop.errors import LoginThrottled

log = logging.getLogger(__name__)

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300.0
WINDOW_SECONDS = 3600.0
MAX_FAILURES_PER_WINDOW = 100


def delay_after(consecutive_failures: int) -> float:
    """Seconds to wait after this many consecutive failures: 0, 0, 0, 1, 2, 4 … 300."""
    if consecutive_failures < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (consecutive_failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS)


class LoginThrottle:
    def __init__(self, path: Path, clock=time.time):
        self.path = Path(path)
        self._clock = clock

    @staticmethod
    def _entry_key(username_key: str) -> str:
        return hashlib.sha256(username_key.encode("utf-8")).hexdigest()[:32]

    def _load(self) -> dict[str, dict]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (ValueError, OSError, RecursionError):
            # A damaged counter file must not lock everybody out; start again.
            log.warning("login attempts file unreadable; starting afresh")
            return {}
        if not isinstance(raw, dict):
            log.warning("login attempts file has the wrong shape; starting afresh")
            return {}
        return {key: entry for key, value in raw.items() if (entry := _entry(value))}

    def check(self, username_key: str) -> None:
        """Raises LoginThrottled while this account must wait."""
        entry = self._load().get(self._entry_key(username_key))
        if not entry:
            return
        now = self._clock()
        recent = [t for t in entry.get("failures", []) if now - t < WINDOW_SECONDS]
        wait = 0.0
        if len(recent) >= MAX_FAILURES_PER_WINDOW:
            wait = min(recent) + WINDOW_SECONDS - now
        wait = max(wait, entry.get("last", 0.0) + delay_after(entry.get("consecutive", 0)) - now)
        if wait > 0:
            raise LoginThrottled(wait)

    def failed(self, username_key: str) -> float:
        """Counts one failure; returns the delay now in force (seconds)."""
        data = self._load()
        key = self._entry_key(username_key)
        now = self._clock()
        entry = data.get(key, {})
        failures = [t for t in entry.get("failures", []) if now - t < WINDOW_SECONDS]
        failures.append(now)
        consecutive = entry.get("consecutive", 0) + 1
        data[key] = {"failures": failures, "consecutive": consecutive, "last": now}
        atomic_write_json(self.path, data)
        delay = delay_after(consecutive)
        if delay:
            log.warning("login throttled after %d consecutive failures", consecutive)
        return delay

    def succeeded(self, username_key: str) -> None:
        data = self._load()
        if data.pop(self._entry_key(username_key), None) is not None:
            atomic_write_json(self.path, data)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _entry(value: object) -> dict | None:
    """One account's counters as read from the file; None when they are malformed."""
    if not isinstance(value, dict):
        return None
    failures = value.get("failures", [])
    consecutive = value.get("consecutive", 0)
    last = value.get("last", 0.0)
    if not (isinstance(failures, list) and all(_number(t) for t in failures)):
        return None
    if not (_number(consecutive) and _number(last)):
        return None
    return {"failures": failures, "consecutive": int(consecutive), "last": float(last)}
