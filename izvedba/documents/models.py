from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceDocument(models.Model):
    """An original file a user brought (kept byte for byte), identified by its SHA-256."""

    file = models.FileField(_("file"), upload_to="sources/%Y/")
    original_name = models.CharField(_("original name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    file_format = models.CharField(_("format"), max_length=10)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.original_name


class ImportRun(models.Model):
    """One upload: the parsed preview a person reviews before it is saved as a plan."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Awaiting review")
        APPLIED = "applied", _("Saved")
        DISCARDED = "discarded", _("Discarded")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True)
    original_name = models.CharField(_("original name"), max_length=255)
    file = models.FileField(_("file"), upload_to="imports/%Y/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREVIEW)
    preview = models.JSONField(_("parsed plan"), default=dict)
    plan = models.ForeignKey("plans.Plan", models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"
