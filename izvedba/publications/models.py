"""Publications' stored data: per-language text of measures, and the councils' acknowledgements of plans."""

from __future__ import annotations

import uuid

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


def published_document_path(document: PublishedDocument, filename: str) -> str:
    """An unguessable directory per file: published documents are served only through their download view."""
    return f"published/{uuid.uuid4().hex}/{filename}"


class PublishedDocument(models.Model):
    """A generated document (a `document` job's result) published on the public portal.

    The file is a stored copy: the job's own result may be pruned later. Withdrawing sets `withdrawn_at` (the row
    and its history stay, for the record); a withdrawn document is gone from the portal and its download is 404.
    """

    plan = models.ForeignKey("plans.Plan", models.CASCADE, related_name="published_documents", verbose_name=_("plan"))
    kind = models.CharField(_("kind"), max_length=60)
    language = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=published_document_path, max_length=400)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    round = models.ForeignKey(
        "monitoring.Round",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="published_documents",
        verbose_name=_("reporting round"),
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="published_documents",
        verbose_name=_("municipality"),
    )
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("published by")
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )

    class Meta:
        verbose_name = _("published document")
        verbose_name_plural = _("published documents")
        ordering = ["plan", "-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"

    @property
    def format(self) -> str:
        """The file's format as people know it (PDF, DOCX), from its name."""
        return self.filename.rsplit(".", 1)[-1].upper() if "." in self.filename else ""
