"""Failed-login throttling for the session login page, kept in Django's cache.

Failures are counted twice: per (username, client address), which stops one machine guessing one account's
password, and per username alone with a limit `USERNAME_FACTOR` times higher, which slows guessing spread over
many addresses. When either count reaches its limit within `IZVEDBA_LOGIN_LOCKOUT_SECONDS`, logins for that
username (from that address, or from anywhere) are refused for the same time, even with the right password.
A successful login clears the (username, address) count.

Nothing here is logged, and cache keys are keyed hashes: the cache holds no username or address in clear.
The client address is REMOTE_ADDR; behind reverse proxies set IZVEDBA_TRUSTED_PROXIES to how many there are,
and the address that many hops from the right of X-Forwarded-For is used instead.
"""

from __future__ import annotations

import math
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

USERNAME_FACTOR = 4
KEY_PREFIX = "izvedba:login-throttle:"


def normalise_username(username: str) -> str:
    """The form under which failures are counted: 'Ana ', 'ana' and 'ANA' count together."""
    return unicodedata.normalize("NFKC", username).strip().casefold()


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    proxies = getattr(settings, "IZVEDBA_TRUSTED_PROXIES", 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return str(forwarded[-proxies])
    return str(request.META.get("REMOTE_ADDR", ""))


def _cache_key(*parts: str) -> str:
    return KEY_PREFIX + salted_hmac("izvedba.accounts.throttle", "\0".join(parts)).hexdigest()


@dataclass(frozen=True)
class Counter:
    """Failures under one cache key: timestamps within the window, and when a lockout ends (0: none)."""

    key: str
    limit: int

    def _state(self) -> tuple[list[float], float]:
        failures, locked_until = cache.get(self.key, ([], 0.0))
        return list(failures), float(locked_until)

    def wait_seconds(self, now: float) -> float:
        return max(0.0, self._state()[1] - now)

    def record(self, now: float, window: int) -> None:
        failures, locked_until = self._state()
        failures = [t for t in failures if t > now - window] + [now]
        if len(failures) >= self.limit:
            failures, locked_until = [], now + window
        cache.set(self.key, (failures, locked_until), timeout=window)

    def clear(self) -> None:
        cache.delete(self.key)


@dataclass(frozen=True)
class LoginThrottle:
    """The counters that apply to one login attempt."""

    pair: Counter
    username: Counter
    window: int

    @classmethod
    def for_attempt(cls, request: HttpRequest | None, username: str) -> LoginThrottle:
        limit = settings.IZVEDBA_LOGIN_MAX_FAILURES
        name = normalise_username(username)
        return cls(
            pair=Counter(_cache_key("pair", name, client_address(request)), limit),
            username=Counter(_cache_key("username", name), limit * USERNAME_FACTOR),
            window=settings.IZVEDBA_LOGIN_LOCKOUT_SECONDS,
        )

    def wait_minutes(self) -> int:
        """How many whole minutes (rounded up) before this attempt may be tried; 0 when it may be tried now."""
        now = time.time()
        wait = max(self.pair.wait_seconds(now), self.username.wait_seconds(now))
        return math.ceil(wait / 60)

    def record_failure(self) -> None:
        now = time.time()
        self.pair.record(now, self.window)
        self.username.record(now, self.window)

    def record_success(self) -> None:
        self.pair.clear()
