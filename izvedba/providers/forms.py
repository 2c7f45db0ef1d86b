"""Capture forms: one grid of cells per indicator (what a cell may hold is judged by the import, as for an XLSX
template and a CSV file), and the upload of a filled-in section template."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from izvedba.providers.xlsx.grid import CaptureError, CellInput, Grid

ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class GridRow:
    labels: list[str]
    cells: list[forms.BoundField]


class GridForm(forms.Form):
    """A text field per cell of the grid (`c<row>_<column>`, prefixed with the indicator), the stored figures
    filled in; durations are written h:mm."""

    def __init__(self, grid: Grid, data: Any = None) -> None:
        super().__init__(data, prefix=grid.indicator)
        self.grid = grid
        self.coordinates: dict[str, tuple[tuple[str, ...], str]] = {}
        self.row_labels: list[list[str]] = []
        for r, choices in enumerate(grid.row_choices()):
            codes = tuple(choice.code for choice in choices)
            labels = [choice.label for choice in choices]
            self.row_labels.append(labels)
            for c, column in enumerate(grid.columns):
                name = f"c{r}_{c}"
                self.coordinates[name] = (codes, column.code)
                self.fields[name] = forms.CharField(
                    label=", ".join([*labels, column.label]),
                    required=False,
                    max_length=30,
                    initial=grid.stored_text(codes, column.code),
                    widget=forms.TextInput(
                        attrs={
                            "inputmode": "text" if grid.minutes else "decimal",
                            "autocomplete": "off",
                            "style": "display: inline-block; width: 7rem; min-height: 2rem; text-align: right",
                        }
                    ),
                )

    @property
    def rows(self) -> list[GridRow]:
        width = len(self.grid.columns)
        return [GridRow(labels, [self[f"c{r}_{c}"] for c in range(width)]) for r, labels in enumerate(self.row_labels)]

    def cell_inputs(self) -> list[CellInput]:
        """What the valid form says, cell by cell, as the capture service takes it."""
        return [
            CellInput(
                indicator=self.grid.indicator,
                coordinates=self.grid.cell_coordinates(codes, column),
                text=(self.cleaned_data.get(name) or "").strip(),
                sheet=self.grid.indicator,
                cell=name,
            )
            for name, (codes, column) in self.coordinates.items()
        ]

    def add_capture_errors(self, errors: list[CaptureError]) -> None:
        """The rejected cells' messages next to their fields (anything else above the grid)."""
        for error in errors:
            self.add_error(error.cell if error.cell in self.fields else None, error.message)


class SectionUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled-in template (.xlsx)"),
        help_text=gettext_lazy("The section's template downloaded from this page, with the white cells filled in."),
        allow_empty_file=True,  # the import explains an empty file in its own words
        error_messages={"required": gettext_lazy("Choose the section's .xlsx template you filled in.")},
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self) -> UploadedFile[Any]:
        upload: UploadedFile[Any] = self.cleaned_data["file"]
        limit = settings.IZVEDBA_IMPORT_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            message = _("The file is %(size)s MB; the limit is %(limit)s MB. Upload the section's template.")
            sizes = {"size": f"{upload.size / 1_048_576:.1f}", "limit": f"{limit / 1_048_576:.0f}"}
            raise ValidationError(message % sizes, code="too_large")
        return upload
