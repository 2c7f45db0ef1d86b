from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from izvedba.documents.importers.errors import too_large

ACCEPT = ".docx,.pdf,.txt"


class UploadForm(forms.Form):
    """One plan document. Its size is checked here; what it holds is checked by the importer."""

    file = forms.FileField(
        label=_("Plan document"),
        help_text=_("A Word document (.docx), a PDF or a UTF-8 text file."),
        # An empty file reaches the importer, which explains the problem in its own words.
        allow_empty_file=True,
        error_messages={"required": _("Choose the plan's .docx, .pdf or .txt file.")},
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self) -> UploadedFile[Any]:
        upload: UploadedFile[Any] = self.cleaned_data["file"]
        limit = settings.IZVEDBA_IMPORT_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise ValidationError(str(too_large(upload.size, limit).message), code="too_large")
        return upload
