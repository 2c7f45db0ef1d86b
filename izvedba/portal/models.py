"""Which providers' annual reports are public (their tables are shown on /javno/izvajalci/ with small counts hidden)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedProviderReport(models.Model):
    provider = models.ForeignKey(
        "providers.Provider", models.CASCADE, related_name="publications", verbose_name=_("provider")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "year"], name="portal_unique_published_provider_report")
        ]
        verbose_name = _("published provider report")
        verbose_name_plural = _("published provider reports")

    def __str__(self) -> str:
        return f"{self.provider} {self.year}"
