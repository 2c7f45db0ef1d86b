"""Public pages and API reads, cached whole for visitors who are not logged in.

A response is reused only for the same content version, language, day and full path, so an import, a merge or an
admin edit (which move the version on) is visible at once. Pages for logged-in users, responses that set a
cookie and anything but a successful GET are never cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import get_language

from izvedba.core.versioning import content_version

CACHED_PREFIXES = ("/nacrti/", "/organizacije/", "/regije/", "/spremljanje/nacrt/", "/javno/", "/data/",
                   "/api/plans", "/api/measures", "/api/organisations", "/api/regions")  # fmt: skip
# Headers a cached response keeps besides its body and status (downloads keep their file name).
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


class PublicPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        hit = cache.get(key)
        if hit is not None:
            status, content, headers = hit
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            response["X-Izvedba-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, (response.status_code, response.content, headers), settings.IZVEDBA_PAGE_CACHE_SECONDS)
        return response


def _cacheable_request(request: HttpRequest) -> bool:
    path = request.path
    return (
        settings.IZVEDBA_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and (path == "/" or path.startswith(CACHED_PREFIXES))
        and not request.user.is_authenticated
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _cacheable_response(response: HttpResponse) -> bool:
    return response.status_code == 200 and not response.streaming and not response.cookies


def _key(request: HttpRequest) -> str:
    """Per content version, language, day (deadline states count days) and full path."""
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"izvedba:page:{content_version()}:{get_language()}:{timezone.localdate()}:{digest}"


class LanguageMiddleware:
    """Slovenian unless the person chose another language with the switch (a cookie).

    The browser's Accept-Language is deliberately not followed: officials in Slovenia often run English
    browsers, and the product is Slovenian first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
