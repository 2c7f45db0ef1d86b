"""The JSON API: one django-ninja Router per app, mounted here. OpenAPI at /api/docs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from izvedba.accounts.api_auth import optional_auth
from izvedba.geo.api import router as geo_router
from izvedba.monitoring.api import router as monitoring_router
from izvedba.monitoring.api_progress import router as progress_router
from izvedba.organisations.api import router as organisations_router
from izvedba.plans.api import router as plans_router

api = NinjaAPI(
    title="izvedba API",
    version="1.0.0",
    description=(
        "Slovenia's social-protection implementation plans and their measures, and their monitoring. "
        "Plans, measures, organisations and regions are public to read; monitoring (rounds and reports) needs a "
        "caller: authenticate with `Authorization: Bearer <token>` (a personal API token) or, from the browser, "
        "the session cookie with the CSRF token (`X-CSRFToken` header) on POST and PATCH. A bad token answers 401 "
        "everywhere. Dates are ISO 8601, planned money is in whole euros, lists come in "
        "limit/offset pages ({count, next, previous, results}); refused values answer 422 with "
        "{detail, errors: [{field, message}]}."
    ),
    docs_url="/docs",
    auth=optional_auth,
)
api.add_router("/", plans_router)
api.add_router("/", organisations_router)
api.add_router("/", geo_router)
api.add_router("/", monitoring_router)
api.add_router("/", progress_router)
api.add_router("/", "izvedba.providers.api.router")  # plan indicators fed from providers' reports


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "You may not see this."}, status=403)
