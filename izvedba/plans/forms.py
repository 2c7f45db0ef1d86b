"""The filter form above a plan's measures (GET). Values not on offer are dropped, never an error."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from izvedba.plans.selectors import MeasureFilter

CHOICE_FIELDS = {
    "holder": "holders",
    "participant": "participants",
    "funding_source": "funding_sources",
    "deadline_year": "deadline_years",
}
MAX_QUERY_LENGTH = 200


class MeasureFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        help_text=_("Words from the code, title, purpose, indicators or names; accents optional."),
    )
    holder = forms.ChoiceField(label=_("Holder"), required=False)
    participant = forms.ChoiceField(label=_("Participating organisation"), required=False)
    funding_source = forms.ChoiceField(label=_("Funding source"), required=False)
    deadline_year = forms.TypedChoiceField(
        label=_("Deadline in the year"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, data: QueryDict, *, choices: dict[str, list[tuple[str, str]]], **kwargs: Any) -> None:
        """`choices` is `filter_choices(plan)`. Offered values only; others are remembered in `ignored`."""
        data = data.copy()
        self.ignored: list[str] = []
        for name, key in CHOICE_FIELDS.items():
            value = data.get(name, "")
            if value and value not in {v for v, _label in choices[key]}:
                self.ignored.append(name)
                data.pop(name)
        super().__init__(data, **kwargs)
        everything = {
            "holder": _("All holders"),
            "participant": _("All participating organisations"),
            "funding_source": _("All funding sources"),
            "deadline_year": _("Any year"),
        }
        for name, key in CHOICE_FIELDS.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", everything[name]), *choices[key]]

    @property
    def ignored_labels(self) -> list[str]:
        return [str(self.fields[name].label) for name in self.ignored]

    def measure_filter(self) -> MeasureFilter:
        """The filter the valid values describe (empty when the form has none)."""
        data = self.cleaned_data if self.is_valid() else {}
        return MeasureFilter(
            holder=data.get("holder") or "",
            participant=data.get("participant") or "",
            funding_source=data.get("funding_source") or "",
            deadline_year=data.get("deadline_year"),
            q=(data.get("q") or "").strip()[:MAX_QUERY_LENGTH],
        )
