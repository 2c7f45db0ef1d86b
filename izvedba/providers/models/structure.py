"""Who reports: a provider (one-to-one with an organisation of the registry), its units, programmes and cost
carriers, and the population of the municipalities its units cover."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Provider(models.Model):
    """An organisation that writes annual reports (first: the 16 centres for social work)."""

    organisation = models.OneToOneField(
        "organisations.Organisation", models.PROTECT, related_name="provider", verbose_name=_("organisation")
    )
    registration_number = models.CharField(_("registration number"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return self.organisation.name

    @property
    def slug(self) -> str:
        return self.organisation.slug


class Unit(models.Model):
    """A part of a provider that figures are reported for: a territorial unit (enota), a service, a crisis centre."""

    class Kind(models.TextChoices):
        UNIT = "unit", _("Unit")
        SERVICE = "service", _("Service")
        CRISIS_CENTRE = "crisis_centre", _("Crisis centre")
        HEAD_OFFICE = "head_office", _("Head office")

    provider = models.ForeignKey(Provider, models.CASCADE, related_name="units", verbose_name=_("provider"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UNIT)
    centre_unit = models.OneToOneField(
        "organisations.CentreUnit",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="provider_unit",
        verbose_name=_("unit in the registry"),
        help_text=_("The registry's unit and its municipalities, for territorial units."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["provider", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["provider", "code"], name="providers_unique_unit_code")]
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")

    def __str__(self) -> str:
        return self.short_name or self.name


class PopulationSnapshot(models.Model):
    """A municipality's population on a date, with its source (e.g. SURS on 1 July 2020)."""

    municipality = models.ForeignKey(
        "geo.Municipality", models.CASCADE, related_name="population_snapshots", verbose_name=_("municipality")
    )
    date = models.DateField(_("date"))
    population = models.PositiveIntegerField(_("population"))
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["municipality", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "date"], name="providers_one_population_per_date")
        ]
        verbose_name = _("population snapshot")
        verbose_name_plural = _("population snapshots")

    def __str__(self) -> str:
        return f"{self.municipality}: {self.population} ({self.date:%d. %m. %Y})"


class CostCarrier(models.Model):
    """A cost carrier (stroškovni nosilec): revenue and expenses are accounted per carrier."""

    provider = models.ForeignKey(Provider, models.CASCADE, related_name="cost_carriers", verbose_name=_("provider"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    row_number = models.PositiveSmallIntegerField(_("row in the summary table"), null=True, blank=True)
    is_market = models.BooleanField(_("market activity"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["provider", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["provider", "code"], name="providers_unique_cost_carrier")]
        verbose_name = _("cost carrier")
        verbose_name_plural = _("cost carriers")

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    """A programme a provider runs: a public social-protection programme, a municipal one, public works, a project."""

    class Kind(models.TextChoices):
        PUBLIC = "public", _("Public social-protection programme")
        MUNICIPAL = "municipal", _("Municipal programme")
        PUBLIC_WORKS = "public_works", _("Public works programme")
        PROJECT = "project", _("Project")

    provider = models.ForeignKey(Provider, models.CASCADE, related_name="programmes", verbose_name=_("provider"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(
        Unit, models.SET_NULL, null=True, blank=True, related_name="programmes", verbose_name=_("organisational unit")
    )
    target_group = models.CharField(_("target group"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    capacity_unit = models.CharField(_("capacity unit"), max_length=60, blank=True)
    funding = models.CharField(_("funding"), max_length=300, blank=True)
    cost_carrier = models.ForeignKey(
        CostCarrier, models.SET_NULL, null=True, blank=True, related_name="programmes", verbose_name=_("cost carrier")
    )
    started = models.DateField(_("running since"), null=True, blank=True)

    class Meta:
        ordering = ["provider", "name"]
        constraints = [models.UniqueConstraint(fields=["provider", "code"], name="providers_unique_programme")]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name
