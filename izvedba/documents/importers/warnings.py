"""What an import could not place or had to guess: a stable code and its parameters, shown in the reader's
language (the text is looked up when shown, so a warning stored once reads in Slovenian or English)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MESSAGES: dict[str, Promise] = {
    "stray_word": _("Removed “%(text)s” at the end of a cell: it repeats the next cell (an extraction artefact)."),
    "no_deadline": _("Measure %(code)s has no deadline date."),
    "no_deadline_in_text": _("No deadline date found in “%(text)s”."),
    "invalid_date": _("“%(text)s” is not a valid date."),
    "amount_unplaced": _("Amount “%(text)s” could not be tied to a year."),
    "amount_twice": _("Two amounts for %(key)s: %(first)s and %(second)s; the first is kept."),
    "no_amount": _("No amount found in “%(text)s”."),
    "indicator_by_area": _("Indicator “%(text)s…” gives several targets (by area); no single target was taken."),
    "row_cells": _(
        "The row starting “%(text)s” has %(count)s cells where a multiple of %(width)s was expected; "
        "its cells were placed in order and may be in the wrong column."
    ),
    "row_unplaced": _("A table row could not be placed: “%(text)s”."),
    "goal_mismatch": _("Measure %(code)s sits under goal %(goal)s, but its code says goal %(code_goal)s."),
    "no_title": _("Measure %(code)s has no title."),
    "no_period": _("The plan's period (such as “2025 – 2026”) was not found in its title."),
    "group_count": _("Coordination group: “%(text)s” has no number that could be read."),
    "goal_paragraph_unused": _("A goal's paragraph has no measures to apply to: “%(text)s”."),
    "goal_paragraph_no_deadline": _("No deadline date found in the goal's paragraph."),
    "municipality_unknown": _("Municipality “%(name)s” is not in the register."),
}


@dataclass(frozen=True)
class ImportWarning:
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return render_warning({"code": self.code, "params": self.params})

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.params}


def warn(kind: str, /, **params: Any) -> ImportWarning:
    if kind not in MESSAGES:
        raise KeyError(f"unknown import warning {kind!r}")
    return ImportWarning(kind, params)


def render_warning(stored: object) -> str:
    """A stored warning ({code, params}, or plain text from before) in the active language."""
    if isinstance(stored, dict) and stored.get("code") in MESSAGES:
        return str(MESSAGES[stored["code"]]) % dict(stored.get("params") or {})
    return str(stored)
