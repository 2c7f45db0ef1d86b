from __future__ import annotations

from collections.abc import Callable

from django.db import models
from django.utils.translation import gettext_lazy as _

from izvedba.geo.naming import known_name_keys, written_name_keys


class Region(models.Model):
    """One of Slovenia's 12 statistical regions (SURS codes 01–12)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)
    nuts3_code = models.CharField(_("NUTS 3 code"), max_length=8)
    area_km2 = models.DecimalField(_("area (km²)"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["code"]
        verbose_name = _("statistical region")
        verbose_name_plural = _("statistical regions")

    def __str__(self) -> str:
        return self.name


class MunicipalityQuerySet(models.QuerySet["Municipality"]):
    def matcher(self) -> Callable[[str], Municipality | None]:
        """A lookup for many written names: the municipalities and their keys are read once."""
        known = [(m, m.name_keys()) for m in self.all()]

        def match(written: str) -> Municipality | None:
            keys = written_name_keys(written)
            matches = [m for m, names in known if keys & names]
            return matches[0] if len(matches) == 1 else None

        return match

    def match(self, written: str) -> Municipality | None:
        """The municipality a plan means by `written` (e.g. 'Piran-Comune di Pirano'), or None."""
        return self.matcher()(written)


class Municipality(models.Model):
    code = models.CharField(_("code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    official_title = models.CharField(_("official title"), max_length=200)
    minority_name = models.CharField(_("minority-language name"), max_length=100, blank=True)
    minority_language = models.CharField(_("minority language"), max_length=2, blank=True)
    alt_names = models.JSONField(_("other names"), default=list, blank=True)
    is_urban = models.BooleanField(_("urban municipality"), default=False)
    region = models.ForeignKey(Region, models.PROTECT, related_name="municipalities", verbose_name=_("region"))
    administrative_unit = models.CharField(_("administrative unit"), max_length=100)
    area_km2 = models.DecimalField(_("area (km²)"), max_digits=10, decimal_places=2)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def name_keys(self) -> set[str]:
        """Every normalised spelling under which plans name this municipality."""
        return known_name_keys([self.name, self.official_title, self.minority_name, *self.alt_names])
