"""The JSON API: one django-ninja Router per app, mounted here. OpenAPI at /api/docs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from izvedba.geo.api import router as geo_router
from izvedba.organisations.api import router as organisations_router
from izvedba.plans.api import router as plans_router

api = NinjaAPI(
    title="izvedba API",
    version="1.0.0",
    description=(
        "Slovenia's social-protection implementation plans and their measures. "
        "Read-only and public. Dates are ISO 8601, money is in whole euros, lists come in "
        "limit/offset pages ({count, next, previous, results})."
    ),
    docs_url="/docs",
)
api.add_router("/", plans_router)
api.add_router("/", organisations_router)
api.add_router("/", geo_router)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "You may not see this."}, status=403)
