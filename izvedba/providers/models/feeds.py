"""A plan indicator fed from providers' observations (e.g. persons included in a programme, summed over the centres
for social work), so that monitoring shows the figure and its source instead of retyping it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from izvedba.providers.models.definitions import Category, Indicator
from izvedba.providers.models.structure import Provider


class IndicatorFeed(models.Model):
    """Where a plan indicator's figure comes from: one providers' indicator, optionally only some of its categories,
    summed over a set of providers for each year."""

    class Scope(models.TextChoices):
        ALL_CENTRES = "all_centres", _("all centres for social work")
        REGION = "region", _("the centres for social work working in a region")
        LIST = "list", _("the providers listed")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("sum over the providers")

    indicator = models.OneToOneField(
        "plans.Indicator", models.CASCADE, related_name="provider_feed", verbose_name=_("plan indicator")
    )
    source_indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="feeds", verbose_name=_("providers' indicator")
    )
    filters = models.JSONField(
        _("categories counted"),
        default=dict,
        blank=True,
        help_text=_(
            'Only these categories, by dimension code: {"right": "DP"} or {"right": ["DP", "VD"]}. Empty: all.'
        ),
    )
    scope = models.CharField(_("providers"), max_length=20, choices=Scope.choices, default=Scope.ALL_CENTRES)
    region = models.ForeignKey(
        "geo.Region", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    providers = models.ManyToManyField(Provider, blank=True, related_name="+", verbose_name=_("providers listed"))
    aggregation = models.CharField(
        _("aggregation"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    description = models.TextField(
        _("source"),
        blank=True,
        help_text=_("How the figure is obtained, shown beside it (e.g. “Persons included, CSD annual reports”)."),
    )

    class Meta:
        ordering = ["indicator"]
        verbose_name = _("indicator fed from providers' reports")
        verbose_name_plural = _("indicators fed from providers' reports")

    def __str__(self) -> str:
        return f"{self.indicator} ← {self.source_indicator.code}"

    def filter_codes(self) -> dict[str, set[str]]:
        """The filters as sets of category codes per dimension."""
        filters: dict[str, Any] = self.filters if isinstance(self.filters, dict) else {}
        return {dimension: {codes} if isinstance(codes, str) else set(codes) for dimension, codes in filters.items()}

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.scope == self.Scope.REGION and self.region_id is None:
            errors["region"] = gettext("Choose the region whose centres for social work are counted.")
        if self.scope != self.Scope.REGION and self.region_id is not None:
            errors["region"] = gettext("A region counts only when the providers are those of a region.")
        if self.source_indicator_id is not None:
            message = self._filter_error()
            if message:
                errors["filters"] = message
        if errors:
            raise ValidationError(errors)

    def _filter_error(self) -> str | None:
        source = self.source_indicator
        if not isinstance(self.filters, dict) or not all(
            isinstance(codes, str) or (isinstance(codes, list) and all(isinstance(c, str) for c in codes))
            for codes in self.filters.values()
        ):
            return gettext('Write the categories as {"dimension": "code"} or {"dimension": ["code", "code"]}.')
        for dimension, codes in self.filter_codes().items():
            if dimension not in source.dimensions:
                return gettext("“%(code)s” is not broken down by “%(dimension)s”; its dimensions are: %(dims)s.") % {
                    "code": source.code,
                    "dimension": dimension,
                    "dims": ", ".join(source.dimensions) or "–",
                }
            known = set(
                Category.objects.filter(category_set__dimension__code=dimension, code__in=codes).values_list(
                    "code", flat=True
                )
            )
            if codes - known:
                return gettext("“%(codes)s” is not a category of “%(dimension)s”.") % {
                    "codes": ", ".join(sorted(codes - known)),
                    "dimension": dimension,
                }
        if source.multi_valued:
            loose = [d for d in source.dimensions if len(self.filter_codes().get(d, ())) != 1]
            if loose:
                return gettext(
                    "“%(code)s” counts a case under several categories, so its categories cannot be added up: "
                    "choose one category of %(dims)s."
                ) % {"code": source.code, "dims": ", ".join(loose)}
        return None
