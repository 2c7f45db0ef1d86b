"""What was reported: observations at the finest grain, figures as an earlier document printed them, the files
they came from, and the wording of a provider's report tables."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from izvedba.providers.models.definitions import Indicator
from izvedba.providers.models.structure import CostCarrier, Programme, Provider, Unit


class DataFile(models.Model):
    """One accepted upload (or demo file): where a set of observations or printed figures came from."""

    class Kind(models.TextChoices):
        OBSERVATIONS = "observations", _("observations")
        PRINTED = "printed", _("figures as printed")
        CASES = "cases", _("case extract")

    provider = models.ForeignKey(Provider, models.CASCADE, related_name="data_files", verbose_name=_("provider"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("file name"), max_length=300)
    sha256 = models.CharField(_("checksum"), max_length=64)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("data file")
        verbose_name_plural = _("data files")

    def __str__(self) -> str:
        return self.name


class Observation(models.Model):
    """One figure at the finest grain the source gives: indicator × target × period × category per dimension."""

    provider = models.ForeignKey(Provider, models.CASCADE, related_name="observations", verbose_name=_("provider"))
    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="observations", verbose_name=_("indicator"))
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("to"), null=True, blank=True)
    unit = models.ForeignKey(
        Unit, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("organisational unit")
    )
    programme = models.ForeignKey(
        Programme, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("programme")
    )
    cost_carrier = models.ForeignKey(
        CostCarrier, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("cost carrier")
    )
    categories = models.JSONField(_("categories"), default=dict, blank=True)
    key = models.CharField(_("key"), max_length=500, editable=False)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    source = models.CharField(_("source"), max_length=200, blank=True)
    data_file = models.ForeignKey(
        DataFile, models.SET_NULL, null=True, blank=True, related_name="observations", verbose_name=_("file")
    )

    class Meta:
        ordering = ["provider", "indicator", "year", "month"]
        constraints = [models.UniqueConstraint(fields=["provider", "key"], name="providers_one_observation_per_key")]
        indexes = [models.Index(fields=["provider", "year"], name="providers_obs_provider_year")]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"


class PrintedFigure(models.Model):
    """A figure as an earlier document printed it, kept beside the data so that every disagreement is listed."""

    provider = models.ForeignKey(Provider, models.CASCADE, related_name="printed_figures", verbose_name=_("provider"))
    year = models.PositiveSmallIntegerField(_("year"))
    table = models.CharField(_("table"), max_length=60)
    row = models.CharField(_("row"), max_length=120)
    column = models.CharField(_("column"), max_length=120)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    decimals = models.PositiveSmallIntegerField(_("decimals printed"), default=0)
    source = models.CharField(_("where printed"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    data_file = models.ForeignKey(
        DataFile, models.SET_NULL, null=True, blank=True, related_name="printed_figures", verbose_name=_("file")
    )

    class Meta:
        ordering = ["provider", "year", "table", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "year", "table", "row", "column", "source"], name="providers_one_printed_figure"
            )
        ]
        verbose_name = _("printed figure")
        verbose_name_plural = _("printed figures")

    def __str__(self) -> str:
        return f"{self.table} [{self.row}; {self.column}] = {self.value}"


class TableLabel(models.Model):
    """The wording a provider's report uses for a table's title, total or a column (e.g. 'SKUPAJ', 'Dečki')."""

    provider = models.ForeignKey(Provider, models.CASCADE, related_name="table_labels", verbose_name=_("provider"))
    table = models.CharField(_("table"), max_length=60)
    item = models.CharField(_("item"), max_length=120, help_text=_("title, total, average, col:KEY or row:KEY"))
    label = models.CharField(_("label"), max_length=400)

    class Meta:
        ordering = ["provider", "table", "item"]
        constraints = [models.UniqueConstraint(fields=["provider", "table", "item"], name="providers_one_label")]
        verbose_name = _("table label")
        verbose_name_plural = _("table labels")

    def __str__(self) -> str:
        return self.label
