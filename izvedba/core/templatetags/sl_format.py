"""Template filters for Slovenian (or English) numbers, money and dates.

    {% load sl_format %}
    {{ plan.budget|eur }}            900.000 EUR        | 900,000 EUR
    {{ plan.budget|eur_short }}      2,5 mio EUR        | 2.5 million EUR
    {{ count|num }}                  39.994.058         | 39,994,058
    {{ share|num:1 }}                12,5               | 12.5
    {{ measure.deadline|sldate }}    31. 12. 2026       | 31 Dec 2026
    style="--value: {{ part|bar_pct:total }}"           42.5%  (always a CSS value, never localised)
    <a href="{{ url }}"{% nav_current url %}>           adds aria-current for the current page/section

The active language (``get_language()``) picks the form: "en…" gives English, anything else Slovenian.
None, "" and non-numbers show as an en dash; values that cannot be read are returned unchanged.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from izvedba.core import formatting
from izvedba.core.formatting import EMPTY, Number
from izvedba.documents.importers.warnings import render_warning

register = template.Library()


def _language() -> str:
    return get_language() or "sl"


def _number(value: Any) -> Number | None:
    """A number from a template value: numbers as they are, numeric strings parsed, else None."""
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return None
    return None


def _blank(value: Any) -> bool:
    return value is None or value == ""


@register.filter
def num(value: Any, decimals: int | str | None = None) -> Any:
    """``{{ value|num }}`` or ``{{ value|num:2 }}``: a number with grouped thousands."""
    if _blank(value):
        return EMPTY
    number = _number(value)
    if number is None:
        return value
    try:
        places = None if decimals in (None, "") else int(decimals)
    except ValueError:
        places = None
    return formatting.format_number(number, places, _language())


@register.filter
def eur(value: Any) -> Any:
    """``{{ amount|eur }}``: "900.000 EUR"."""
    if _blank(value):
        return EMPTY
    number = _number(value)
    return value if number is None else formatting.format_eur(number, _language())


@register.filter
def eur_short(value: Any) -> Any:
    """``{{ amount|eur_short }}``: "2,5 mio EUR" from a million up, else "900.000 EUR"."""
    if _blank(value):
        return EMPTY
    number = _number(value)
    return value if number is None else formatting.format_eur_short(number, _language())


@register.filter
def sldate(value: Any) -> Any:
    """``{{ day|sldate }}``: "31. 12. 2026". Aware datetimes are shown in local time.

    ISO strings ("2026-12-31") are read too.
    """
    if _blank(value):
        return EMPTY
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return value
    if not isinstance(value, date):
        return value
    return formatting.format_date(value, _language())


@register.filter
def bar_pct(value: Any, maximum: Any = 100) -> str:
    """``{{ part|bar_pct:total }}``: ``part / total`` as a CSS percentage for ``.bar``.

    Always a dot decimal ("42.5%"), clamped to 0–100 %; "0%" when either side is missing
    or the maximum is not positive. Use it as ``style="--value: {{ part|bar_pct:total }}"``.
    """
    part, whole = _number(value), _number(maximum)
    if part is None or whole is None:
        return "0%"
    part_d, whole_d = formatting.to_decimal(part), formatting.to_decimal(whole)
    if part_d is None or whole_d is None or whole_d <= 0:
        return "0%"
    share = min(max(part_d * 100 / whole_d, Decimal(0)), Decimal(100))
    text = format(share.quantize(Decimal("0.1")), "f").removesuffix(".0")
    return f"{text}%"


@register.simple_tag(takes_context=True)
def nav_current(context: template.Context, url: str, exact: bool = False) -> SafeString:
    """`` aria-current="page"`` on the current page's own link, `` aria-current="true"`` when
    the current page lies below ``url`` (its section), otherwise nothing.

    ``exact=True`` (for "/") only ever marks the page itself.
    """
    request = context.get("request")
    path = getattr(request, "path", None)
    if not url or not isinstance(path, str):
        return SafeString("")
    if path == url:
        return format_html(' aria-current="{}"', "page")
    if not exact and url != "/" and path.startswith(url):
        return format_html(' aria-current="{}"', "true")
    return SafeString("")


@register.filter
def warning_text(stored: object) -> str:
    """An import warning stored as {code, params}, in the active language."""
    return render_warning(stored)
