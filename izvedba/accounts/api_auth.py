"""Who is calling the API: a bearer key, the browser session, or (where allowed) nobody.

Two ready-made lists for django-ninja's ``auth=``:

- ``api_auth`` — for endpoints that need someone signed in (monitoring). Accepts
  ``Authorization: Bearer izv_…`` (an ApiToken key) or the session cookie of a signed-in browser; anything else
  answers **401**. Session calls that change something (POST, PATCH, PUT, DELETE) must carry the CSRF token
  (``X-CSRFToken`` header or ``csrfmiddlewaretoken`` field), else **403**; bearer calls need no CSRF token.
- ``optional_auth`` — for endpoints the public may read (plans, published progress). The same two ways, and an
  anonymous caller is let through as ``AnonymousUser``. A bearer key that is wrong, revoked or belongs to an
  inactive user still answers **401**: a client that sent a key is never silently served as anonymous.

Either way the view finds the caller in ``request.user`` (the token's user for bearer calls) and asks
izvedba.accounts.access what they may do. A token's ``last_used_at`` moves on at most once a minute.

    from izvedba.accounts.api_auth import api_auth, optional_auth
    router = Router(auth=api_auth)
    @router.get("/plans/{plan_id}/progress", auth=optional_auth)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from izvedba.accounts.models import ApiToken

LAST_USED_EVERY = dt.timedelta(minutes=1)
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class BearerToken(HttpBearer):
    """``Authorization: Bearer izv_…``: an ApiToken's key; a key that matches no live token answers 401."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        key = token.strip()
        api_token = ApiToken.objects.for_key(key) if key else None
        if api_token is None:
            raise HttpError(401, "The API key is not valid (unknown, revoked, or its user is inactive).")
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at >= LAST_USED_EVERY:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        request._izvedba_bearer = True  # type: ignore[attr-defined]
        return api_token.user


class Session(APIKeyCookie):
    """The signed-in browser's session cookie; unsafe methods must pass Django's CSRF check."""

    def __init__(self) -> None:
        from django.conf import settings

        self.param_name = settings.SESSION_COOKIE_NAME
        super().__init__(csrf=False)

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method in UNSAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed: send the X-CSRFToken header with the csrftoken cookie's value.")
        return user


def _anonymous(request: HttpRequest) -> Any:
    """Let the public through (only after the bearer and session checks found no one)."""
    if request.headers.get("Authorization", "").lower().startswith("bearer"):
        raise HttpError(401, "The API key is not valid (unknown, revoked, or its user is inactive).")
    return getattr(request, "user", None) or AnonymousUser()


bearer_token = BearerToken()
session = Session()
api_auth: list[Any] = [bearer_token, session]
optional_auth: list[Any] = [bearer_token, session, _anonymous]
