"""The renderers' own words (page, contents), in the document's language."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext, pgettext


def page_label(language: str) -> str:
    with translation.override(language):
        return pgettext("page number in a document's footer", "Page")


def contents_title(language: str) -> str:
    with translation.override(language):
        return gettext("Contents")


def contents_placeholder(language: str) -> str:
    with translation.override(language):
        return gettext("Update this field (F9) to list the contents.")
