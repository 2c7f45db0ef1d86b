from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from izvedba.core.models import TimeStampedModel
from izvedba.core.text import name_key


class Organisation(TimeStampedModel):
    """A body named in plans: a ministry, an institute, a centre for social work, or a kind of provider."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government body")
        MINISTRY = "ministry", _("Ministry")
        PUBLIC_BODY = "public_body", _("Public institute or agency")
        CSD = "csd", _("Centre for social work")
        MUNICIPALITY = "municipality", _("Municipality")
        PROVIDER = "provider", _("Provider")
        NGO = "ngo", _("Non-governmental organisation")
        ASSOCIATION = "association", _("Association or chamber")
        GROUP = "group", _("Group of organisations")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    seat = models.CharField(_("seat"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        "geo.Municipality", models.PROTECT, null=True, blank=True, verbose_name=_("municipality")
    )
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Created from a name the registry did not know; a data steward should merge or confirm it."),
    )
    merge_into = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("merge into"),
        help_text=_("Choose the known organisation this name means and save: references move there."),
    )

    class Meta:
        ordering = ["acronym", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.acronym or self.name

    @property
    def label(self) -> str:
        return f"{self.acronym} – {self.name}" if self.acronym and self.acronym != self.name else self.name


class OrganisationAlias(models.Model):
    """A way plans write an organisation ('MDDSZ', 'Zavod RS za zaposlovanje'): data, not code."""

    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="aliases")
    alias = models.CharField(_("alias"), max_length=300)
    key = models.CharField(_("comparison key"), max_length=300, unique=True, editable=False)

    class Meta:
        ordering = ["alias"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")

    def __str__(self) -> str:
        return self.alias

    def clean(self) -> None:
        self.key = name_key(self.alias)
        clash = OrganisationAlias.objects.filter(key=self.key).exclude(pk=self.pk).first()
        if clash is not None:
            raise ValidationError({"alias": _("This alias already names %(org)s.") % {"org": clash.organisation}})


class CentreUnit(models.Model):
    """A unit (enota) of a centre for social work and the municipalities it covers."""

    centre = models.ForeignKey(
        Organisation, models.CASCADE, related_name="units", limit_choices_to={"kind": Organisation.Kind.CSD}
    )
    name = models.CharField(_("name"), max_length=150)
    administrative_unit = models.CharField(_("administrative unit"), max_length=100)
    municipalities = models.ManyToManyField("geo.Municipality", through="UnitCoverage", related_name="csd_units")

    class Meta:
        ordering = ["centre__name", "name"]
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="unique_unit_per_centre")]
        verbose_name = _("centre unit")
        verbose_name_plural = _("centre units")

    def __str__(self) -> str:
        return f"{self.centre.name}, {self.name}"


class UnitCoverage(models.Model):
    class Coverage(models.TextChoices):
        FULL = "full", _("whole municipality")
        MOSTLY = "mostly", _("most of the municipality")
        PARTIAL = "partial", _("part of the municipality")

    unit = models.ForeignKey(CentreUnit, models.CASCADE, related_name="coverage")
    municipality = models.ForeignKey("geo.Municipality", models.PROTECT, related_name="unit_coverage")
    coverage = models.CharField(_("coverage"), max_length=10, choices=Coverage.choices)
    confidence = models.CharField(_("confidence"), max_length=20, blank=True)
    note = models.TextField(_("note"), blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "municipality"], name="unique_unit_municipality")]
        verbose_name = _("unit coverage")
        verbose_name_plural = _("unit coverage")

    def __str__(self) -> str:
        return f"{self.unit.name}: {self.municipality}"
