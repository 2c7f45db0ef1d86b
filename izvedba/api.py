"""The JSON API: one django-ninja Router per app, mounted here. OpenAPI at /api/docs."""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(
    title="izvedba API",
    version="1.0.0",
    description="Slovenia's social-protection implementation plans and their measures. ISO dates, integer EUR.",
    docs_url="/docs",
)
