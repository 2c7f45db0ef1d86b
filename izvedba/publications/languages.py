"""Documents in Slovenian, English, Italian and Hungarian — complete, or refused with what is missing.

Fixed text comes from the translation catalogues (messages with the context "council material"); data text
(measure titles) is Slovenian in the plan and has per-language text in `MeasureText`. A document in a language
with anything missing is refused with the list (`missing_translations`), never silently mixed.

The rules per language:
- Slovenian is the plan's own language: data text is the plan's, and the catalogue is complete by the project's
  gate (`scripts/check_translations.py` fails on any untranslated message).
- English fixed text is the source text, so it is always complete; English data text is *not* taken from the
  Slovenian: a measure without an English title is missing like in any other language. The demo loads English
  and Italian titles for the Obalno-kraška plan (`data/translations_en.csv`, `data/translations_it.csv`), so the
  demo's council material works in sl, en and it, and is refused in hu with the list of what is missing.
- Italian and Hungarian: fixed text must be in locale/it or locale/hu, data text in `MeasureText`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import translation
from django.utils.translation import trans_real

from izvedba.core.versioning import content_changed
from izvedba.plans.models import Measure, Plan
from izvedba.publications.models import MeasureText

if TYPE_CHECKING:
    from django.utils.functional import Promise

SOURCE_LANGUAGE = "en"  # the language of the source strings in the code
DATA_LANGUAGE = "sl"  # the language of the plans' own text
DOCUMENT_LANGUAGES = ("sl", "en", "it", "hu")
DATA_DIR = Path(__file__).resolve().parent / "data"
MESSAGE_CONTEXT = "council material"


class TranslationsLoadError(ValueError):
    """A translations file names a plan or measure that does not exist, or has a row without text."""


def measure_texts(measures: Sequence[Measure], language: str) -> dict[int, str]:
    """The measures' titles in `language` by measure id; a measure without a title in that language is absent."""
    if language == DATA_LANGUAGE:
        return {m.pk: m.title for m in measures}
    rows = MeasureText.objects.filter(measure__in=[m.pk for m in measures], language=language)
    return {row.measure_id: row.title for row in rows if row.title.strip()}


def measure_text(measure: Measure, language: str) -> str | None:
    """The measure's title in `language`, or None when it has none (the caller reports it missing)."""
    return measure_texts([measure], language).get(measure.pk)


def catalogue_has(context: str, msgid: str, language: str) -> bool:
    """Whether the catalogue of `language` translates `msgid` (with its context) — no fallback to another one."""
    if language == SOURCE_LANGUAGE:
        return True
    if language == DATA_LANGUAGE:
        return True  # complete by the project's gate (scripts/check_translations.py)
    catalogue: Any = trans_real.translation(language)._catalog  # type: ignore[attr-defined]
    return bool(catalogue.get(f"{context}\x04{msgid}"))


def source_text(message: str | Promise) -> str:
    """A lazily translated message's source (English) text."""
    with translation.override(SOURCE_LANGUAGE):
        return str(message)


def missing_fixed_texts(messages: Iterable[tuple[str, str | Promise]], language: str) -> list[str]:
    """The (context, message) pairs the catalogue of `language` lacks, as lines for the refusal."""
    missing = []
    for context, message in messages:
        msgid = source_text(message)
        if not catalogue_has(context, msgid, language):
            missing.append(f"catalogue locale/{language}: “{msgid}”")
    return missing


def missing_translations(document_kind: str, context: Any, language: str) -> list[str]:
    """What a document of `document_kind` with this context lacks in `language` (empty when it is complete)."""
    if language not in DOCUMENT_LANGUAGES:
        return [f"language “{language}”: documents are written in {', '.join(DOCUMENT_LANGUAGES)}"]
    if document_kind == "council-material":
        from izvedba.publications.council_material import fixed_texts

        return [*missing_fixed_texts(fixed_texts(context), language), *context.missing]
    return []


@transaction.atomic
def translations_load(path: Path, language: str) -> int:
    """Load measure titles in `language` from a CSV file with the columns plan (slug), code, title; a second load
    changes nothing. Returns how many rows were created or changed."""
    changed = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            slug, code, title = (row.get(key, "").strip() for key in ("plan", "code", "title"))
            plan = Plan.objects.filter(slug=slug).first()
            if plan is None:
                raise TranslationsLoadError(f"{path.name}, line {line}: no plan with the slug “{slug}”.")
            measure = plan.measures.filter(code=code, parent__isnull=True).first()
            if measure is None:
                raise TranslationsLoadError(f"{path.name}, line {line}: the plan “{slug}” has no measure “{code}”.")
            if not title:
                raise TranslationsLoadError(f"{path.name}, line {line}: the title of measure “{code}” is empty.")
            current = MeasureText.objects.filter(measure=measure, language=language).first()
            if current is None:
                MeasureText.objects.create(measure=measure, language=language, title=title)
            elif current.title != title:
                current.title = title
                current.save(update_fields=["title"])
            else:
                continue
            changed += 1
    if changed:
        content_changed()
    return changed


def demo_translations_load() -> list[str]:
    """The demo's measure titles in other languages (data/translations_<language>.csv), for plans that exist."""
    lines = []
    for path in sorted(DATA_DIR.glob("translations_*.csv")):
        language = path.stem.removeprefix("translations_")
        lines.append(f"Measure titles in {language}: {translations_load(path, language)} loaded.")
    return lines
