"""The report page's forms: one section's (or area's) narrative, and which document to generate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

FORMATS = (("docx", _("Word (DOCX), editable")), ("pdf", "PDF"))
TEXT_MAX = 50_000


class NarrativeForm(forms.Form):
    section = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    area = forms.SlugField(widget=forms.HiddenInput, required=False, max_length=60, allow_unicode=False)
    text = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=TEXT_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text; an empty line starts a new paragraph. Leave it empty to remove the text."),
    )

    def __init__(self, data: Any = None, *, year: int, initial: dict[str, Any] | None = None) -> None:
        source = data if data is not None else (initial or {})
        part = narrative_anchor(source.get("section"), source.get("area") or "")
        super().__init__(data, initial=initial, auto_id=f"id_{part}_%s")
        self.year = year

    @property
    def anchor(self) -> str:
        data = getattr(self, "cleaned_data", {})
        return narrative_anchor(data.get("section"), data.get("area", ""))


def narrative_anchor(section: object, area: str) -> str:
    """The page anchor of a section's (area "") or an area's text: section-4, section-4-kcm."""
    return f"section-{section}" + (f"-{area}" if area else "")


class DocumentForm(forms.Form):
    fmt = forms.ChoiceField(label=_("Format"), choices=FORMATS)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
