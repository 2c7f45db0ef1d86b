"""The text of an annual report: one block per section and area of the 11 sections the regulation prescribes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from izvedba.providers.models.structure import Provider


class NarrativeBlock(models.Model):
    """What a provider writes for one section of its annual report (area blank) or one area of a section.

    Sections and areas are listed in `izvedba/providers/data/sections.csv`; the generated tables of an area
    follow its text in the document. Written only through `services.narrative.narrative_save`, which records
    history."""

    provider = models.ForeignKey(Provider, models.CASCADE, related_name="narrative_blocks", verbose_name=_("provider"))
    year = models.PositiveSmallIntegerField(_("year"))
    section = models.PositiveSmallIntegerField(_("section"))
    area = models.CharField(_("area"), max_length=40, blank=True, help_text=_("Blank for the section's own text."))
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["provider", "year", "section", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "year", "section", "area"], name="providers_one_narrative_block"
            )
        ]
        verbose_name = _("narrative block")
        verbose_name_plural = _("narrative blocks")

    def __str__(self) -> str:
        where = f"{self.section}" + (f" / {self.area}" if self.area else "")
        return f"{self.provider} {self.year}, {where}"
