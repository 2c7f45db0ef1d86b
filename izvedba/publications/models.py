"""Publications' stored data: per-language text of measures, and the councils' acknowledgements of plans."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeasureText(models.Model):
    """A measure's title (and purpose) in a language other than Slovenian, the language of the plan itself."""

    measure = models.ForeignKey("plans.Measure", models.CASCADE, related_name="texts", verbose_name=_("measure"))
    LANGUAGES = (("en", _("English")), ("it", _("Italian")), ("hu", _("Hungarian")))

    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES)
    title = models.TextField(_("title"))
    purpose = models.TextField(_("purpose"), blank=True)

    class Meta:
        verbose_name = _("measure text in another language")
        verbose_name_plural = _("measure texts in other languages")
        constraints = [models.UniqueConstraint(fields=["measure", "language"], name="measure_text_once_per_language")]

    def __str__(self) -> str:
        return f"{self.measure.code} [{self.language}]"


class CouncilAcknowledgement(models.Model):
    """A municipal council took note of a plan (date, session, the resolution it adopted)."""

    plan = models.ForeignKey(
        "plans.Plan", models.CASCADE, related_name="council_acknowledgements", verbose_name=_("plan")
    )
    municipality = models.ForeignKey(
        "geo.Municipality", models.PROTECT, related_name="council_acknowledgements", verbose_name=_("municipality")
    )
    date = models.DateField(_("date of the session"))
    session = models.CharField(_("session"), max_length=100, help_text=_("e.g. '12. redna seja'"))
    resolution_text = models.TextField(_("resolution text"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("council acknowledgement")
        verbose_name_plural = _("council acknowledgements")
        ordering = ["plan", "municipality__name", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "municipality"], name="council_acknowledgement_once_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} — {self.plan} ({self.date})"
