"""The upload form of a round's XLSX import: one file, size-checked; what it holds is checked by the import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class XlsxUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled-in workbook (.xlsx)"),
        help_text=gettext_lazy("The file downloaded from this round, with the white cells filled in."),
        allow_empty_file=True,  # the import explains an empty file in its own words
        error_messages={"required": gettext_lazy("Choose the round's .xlsx file you filled in.")},
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self) -> UploadedFile[Any]:
        upload: UploadedFile[Any] = self.cleaned_data["file"]
        limit = settings.IZVEDBA_IMPORT_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            message = _("The file is %(size)s MB; the limit is %(limit)s MB. Upload the round's exported workbook.")
            sizes = {"size": f"{upload.size / 1_048_576:.1f}", "limit": f"{limit / 1_048_576:.0f}"}
            raise ValidationError(message % sizes, code="too_large")
        return upload
