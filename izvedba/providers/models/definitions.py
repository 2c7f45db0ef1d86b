"""What is measured: indicators, the dimensions they are broken down by, and each dimension's categories per year."""

from __future__ import annotations

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def _in_language(label: str, label_en: str) -> str:
    """The Slovenian label, or the English one when English is active and there is one."""
    return label_en if label_en and translation.get_language() == "en" else label


class Dimension(models.Model):
    """A way to break a figure down: age band, sex, right, form of violence, police station …"""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=200)
    label_en = models.CharField(_("English label"), max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        return _in_language(self.label, self.label_en)


class CategorySet(models.Model):
    """The categories of a dimension for a span of years: each year's tables render with that year's set."""

    dimension = models.ForeignKey(Dimension, models.CASCADE, related_name="category_sets", verbose_name=_("dimension"))
    valid_from = models.PositiveSmallIntegerField(_("first year"))
    valid_to = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["dimension", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "valid_from"], name="providers_one_category_set_per_start")
        ]
        verbose_name = _("category set")
        verbose_name_plural = _("category sets")

    def __str__(self) -> str:
        end = self.valid_to if self.valid_to is not None else "…"
        return f"{self.dimension.code} {self.valid_from}–{end}"

    def covers(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)


class Category(models.Model):
    """One category of a set; age bands carry their bounds so that case extracts with ages can be banded."""

    category_set = models.ForeignKey(
        CategorySet, models.CASCADE, related_name="categories", verbose_name=_("category set")
    )
    code = models.CharField(_("code"), max_length=60)
    label = models.CharField(_("label"), max_length=200)
    label_en = models.CharField(_("English label"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    parent = models.CharField(
        _("part of"), max_length=60, blank=True, help_text=_("The code of the broader category this one is part of.")
    )
    age_min = models.PositiveSmallIntegerField(_("lowest age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("highest age"), null=True, blank=True)

    class Meta:
        ordering = ["category_set", "position"]
        constraints = [models.UniqueConstraint(fields=["category_set", "code"], name="providers_unique_category_code")]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        return _in_language(self.label, self.label_en)


class Indicator(models.Model):
    """A measured figure: its unit, how it aggregates, the dimensions it may be broken down by, its source."""

    class Unit(models.TextChoices):
        COUNT = "count", _("count")
        PERSONS = "persons", _("distinct persons")
        NIGHTS = "nights", _("nights")
        DAYS = "days", _("days")
        MINUTES = "minutes", _("minutes")
        EUR = "eur", "EUR"
        FTE = "fte", _("full-time equivalents")
        PERCENT = "percent", "%"

    class Aggregation(models.TextChoices):
        SUM = "sum", _("sum")
        DISTINCT = "distinct", _("distinct count (never a sum of periods)")
        AVERAGE = "average", _("average")
        MAX = "max", _("maximum")

    class Source(models.TextChoices):
        BSP = "bsp", _("BSP (Baza socialnih podatkov)")
        ISCSD2 = "iscsd2", "ISCSD2"
        KRPAN = "krpan", "Krpan"
        PROGRAMME_RECORDS = "programme_records", _("programme records")
        ACCOUNTING = "accounting", _("accounting")
        OTHER = "other", _("other")

    class Target(models.TextChoices):
        UNIT = "unit", _("a unit")
        PROGRAMME = "programme", _("a programme")
        COST_CARRIER = "cost_carrier", _("a cost carrier")
        PROVIDER = "provider", _("the provider as a whole")

    class Period(models.TextChoices):
        MONTH = "month", _("month")
        YEAR = "year", _("year")
        RANGE = "range", _("date range")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label = models.CharField(_("label"), max_length=300)
    label_en = models.CharField(_("English label"), max_length=300, blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.COUNT)
    aggregation = models.CharField(_("aggregation"), max_length=10, choices=Aggregation.choices, default="sum")
    dimensions = models.JSONField(_("dimensions"), default=list, blank=True)
    target = models.CharField(_("reported for"), max_length=20, choices=Target.choices, default=Target.UNIT)
    period = models.CharField(_("period"), max_length=10, choices=Period.choices, default=Period.YEAR)
    source_system = models.CharField(_("source system"), max_length=20, choices=Source.choices)
    multi_valued = models.BooleanField(
        _("multi-valued"),
        default=False,
        help_text=_("One case may count under several categories, so the categories add up to more than the cases."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        return _in_language(self.label, self.label_en)
