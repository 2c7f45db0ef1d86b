"""Saving the text a provider writes for a section (or an area of a section) of its annual report."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from izvedba.core.versioning import content_changed
from izvedba.history.models import Change
from izvedba.history.services import change_record
from izvedba.providers.models import NarrativeBlock, Provider
from izvedba.providers.report.sections import section as find_section
from izvedba.providers.report.sections import sections

FIRST_YEAR, LAST_YEAR = 1990, 2100


class NarrativeInvalid(ValueError):
    """The section, area or year does not exist; nothing was stored."""


@transaction.atomic
def narrative_save(
    *, provider: Provider, year: int, section: int, area: str, text: str, user: Any
) -> NarrativeBlock | None:
    """Store the text of `section` (area blank) or of one of its areas for the provider's report year, and record
    the change. Empty text removes the block (the document then says the part has no text yet); the same text
    again changes nothing. Returns the block, or None when there is none any more."""
    area = area.strip()
    _validate(year, section, area)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    block = (
        NarrativeBlock.objects.select_for_update()
        .filter(provider=provider, year=year, section=section, area=area)
        .first()
    )
    if not text:
        if block is not None:
            change_record(
                obj=block, user=user, action=Change.Action.DELETE, changes={"text": {"old": block.text, "new": ""}}
            )
            block.delete()
            content_changed()
        return None
    who = user if getattr(user, "is_authenticated", False) else None
    if block is None:
        block = NarrativeBlock.objects.create(
            provider=provider, year=year, section=section, area=area, text=text, updated_by=who
        )
        change_record(obj=block, user=user, action=Change.Action.CREATE, changes={"text": {"old": None, "new": text}})
    elif block.text != text:
        old = block.text
        block.text, block.updated_by = text, who
        block.save(update_fields=["text", "updated_by", "updated_at"])
        change_record(obj=block, user=user, action=Change.Action.UPDATE, changes={"text": {"old": old, "new": text}})
    else:
        return block
    content_changed()
    return block


def _validate(year: int, number: int, area: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise NarrativeInvalid(
            _("The report year %(year)s is not possible; give a year between %(first)s and %(last)s.")
            % {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    found = find_section(number)
    if found is None:
        raise NarrativeInvalid(
            _("The annual report has no section %(number)s; its sections are numbered 1 to %(last)s.")
            % {"number": number, "last": len(sections())}
        )
    if area and found.area(area) is None:
        known = ", ".join(a.key for a in found.areas) or _("none")
        raise NarrativeInvalid(
            _("Section %(number)s has no area “%(area)s”; its areas are: %(known)s.")
            % {"number": number, "area": area, "known": known}
        )
