"""What every app's API shares: limit/offset pages, the error body and the 404 for an unknown id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Self, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.errors import HttpError

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

M = TypeVar("M", bound=Model)
ItemT = TypeVar("ItemT")


class Error(Schema):
    detail: str = Field(description="What went wrong, in English.")


class PageParams(Schema):
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        description=f"How many results at most; values above {MAX_LIMIT} count as {MAX_LIMIT}.",
    )
    offset: int = Field(0, ge=0, description="How many results to skip.")


@dataclass(frozen=True)
class Window(Generic[M]):
    """One page of a queryset and the links to its neighbours."""

    count: int
    next: str | None
    previous: str | None
    items: list[M]


class Page(Schema, Generic[ItemT]):
    count: int = Field(description="How many results there are in all pages together.")
    next: str | None = Field(description="The URL of the next page, or null on the last one.")
    previous: str | None = Field(description="The URL of the previous page, or null on the first one.")
    results: list[ItemT]

    @classmethod
    def of(cls, window: Window[M], serialize: Callable[[M], ItemT], **extra: Any) -> Self:
        results = [serialize(item) for item in window.items]
        return cls(count=window.count, next=window.next, previous=window.previous, results=results, **extra)


def page_window(request: HttpRequest, queryset: QuerySet[M], params: PageParams) -> Window[M]:
    """Count the queryset and take the page `params` asks for (two queries, whatever the size)."""
    limit, offset = min(params.limit, MAX_LIMIT), params.offset
    count = queryset.count()
    items = list(queryset[offset : offset + limit])
    after = _page_url(request, limit, offset + limit) if offset + limit < count else None
    before = _page_url(request, limit, max(offset - limit, 0)) if offset > 0 else None
    return Window(count=count, next=after, previous=before, items=items)


def _page_url(request: HttpRequest, limit: int, offset: int) -> str:
    query = request.GET.copy()
    query["limit"] = str(limit)
    query["offset"] = str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def get_or_404(load: Callable[[int], M], pk: int, noun: str) -> M:
    """`load(pk)`, or a 404 with a JSON body saying which `noun` was not found."""
    try:
        return load(pk)
    except ObjectDoesNotExist as e:
        raise HttpError(404, f"There is no {noun} with id {pk}.") from e
