"""The material a mayor sends to the municipal council so that it takes note of a regional plan (pure builder).

Structure of the councils' own material (seeds 001, 002): the municipality's letterhead (both official names in
a bilingual municipality), the subject line, the explanation (the Resolution, the plan, who prepared it, the
coordination group, what the plan contains), the measures the municipality takes part in, the attachments and
the proposed resolution ("Občinski svet … se je seznanil z …"). All fixed text has the message context
"council material", so the catalogues for it and hu can be checked for it (`languages.missing_translations`).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from izvedba.geo.models import Municipality
from izvedba.plans.models import Plan
from izvedba.publications.council_context import CouncilContext, council_material_context
from izvedba.publications.languages import DOCUMENT_LANGUAGES, MESSAGE_CONTEXT, missing_translations
from izvedba.rendering import formatting
from izvedba.rendering.model import BulletList, Document, Heading, Metadata, Paragraph, Run
from izvedba.rendering.output import FORMATS, Progress, Steps, render

C = MESSAGE_CONTEXT
TEXTS: dict[str, Promise] = {
    "subject_label": pgettext_lazy("council material", "SUBJECT:"),
    "subject": pgettext_lazy(
        "council material",
        "Taking note of the regional implementation plan in the field of social protection %(period)s "
        "for the %(region)s statistical region",
    ),
    "explanation": pgettext_lazy("council material", "Explanation"),
    "resolution": pgettext_lazy(
        "council material",
        "The Resolution on the National Social Protection Programme for the period %(period)s (hereinafter: the "
        "Resolution) is Slovenia's fundamental programme document in the field of social protection. In "
        "accordance with the Resolution, implementation plans are prepared at national and regional level to "
        "achieve its goals.",
    ),
    "gazette": pgettext_lazy(
        "council material",
        "The Resolution was published in the Official Gazette of the Republic of Slovenia, No. %(number)s.",
    ),
    "prepared_appointed": pgettext_lazy(
        "council material",
        "The preparation, monitoring and reporting on the regional implementation plan are coordinated by "
        "%(coordinator)s, appointed by %(appointed_by)s, which formed the regional coordination group.",
    ),
    "prepared": pgettext_lazy(
        "council material",
        "The preparation, monitoring and reporting on the regional implementation plan are coordinated by "
        "%(coordinator)s, which formed the regional coordination group.",
    ),
    "group": pgettext_lazy(
        "council material",
        "The regional coordination group has %(count)s members: besides representatives of the local "
        "communities, representatives of social protection providers, non-governmental organisations and "
        "users take part in it.",
    ),
    "confirmed": pgettext_lazy(
        "council material",
        "The regional coordination group confirmed the plan on %(date)s. The plan covers the municipalities "
        "%(municipalities)s.",
    ),
    "covers": pgettext_lazy("council material", "The plan covers the municipalities %(municipalities)s."),
    "contents": pgettext_lazy(
        "council material",
        "The plan contains a short description of the demographic and social situation in the region, the "
        "priorities in the field of social protection in the region (%(priorities)s) and the measures "
        "(%(measures)s) for achieving the key goals of the Resolution and meeting regional and local needs in "
        "the field of social protection in the period %(period)s.",
    ),
    "measures": pgettext_lazy("council material", "Measures in which the municipality takes part"),
    "no_measures": pgettext_lazy("council material", "The plan names no measure in which the municipality takes part."),
    "submit": pgettext_lazy(
        "council material",
        "In view of the above, we submit the attached material to the Municipal Council as information, so that "
        "it may take note of the regional implementation plan.",
    ),
    "prepared_by": pgettext_lazy("council material", "PREPARED BY"),
    "mayor": pgettext_lazy("council material", "MAYOR"),
    "attachments": pgettext_lazy("council material", "ATTACHMENTS:"),
    "attachment_plan": pgettext_lazy(
        "council material",
        "Regional implementation plan in the field of social protection %(period)s for the %(region)s "
        "statistical region",
    ),
    "proposed": pgettext_lazy("council material", "PROPOSED RESOLUTION:"),
    "resolution_urban": pgettext_lazy(
        "council material",
        "The Municipal Council of the City Municipality of %(name)s has taken note of the regional "
        "implementation plan in the field of social protection %(period)s for the %(region)s statistical region.",
    ),
    "resolution_other": pgettext_lazy(
        "council material",
        "The Municipal Council of the Municipality of %(name)s has taken note of the regional implementation "
        "plan in the field of social protection %(period)s for the %(region)s statistical region.",
    ),
    "title_urban": pgettext_lazy("council material", "City Municipality of %(name)s"),
    "title_other": pgettext_lazy("council material", "Municipality of %(name)s"),
}
PAGE = ("page number in a document's footer", pgettext_lazy("page number in a document's footer", "Page"))


class CouncilMaterialRefused(ValueError):
    """The material cannot be written in the language asked for: `missing` lists what has no translation."""

    def __init__(self, language: str, missing: list[str]) -> None:
        self.language = language
        self.missing = missing
        super().__init__(
            _("The council material cannot be written in “%(language)s”: %(count)d translation(s) missing: %(list)s")
            % {"language": language, "count": len(missing), "list": "; ".join(missing)}
        )


def _used_keys(ctx: CouncilContext) -> Iterator[str]:
    yield from ("subject_label", "subject", "explanation", "contents", "measures", "submit")
    yield from ("prepared_by", "mayor", "attachments", "attachment_plan", "proposed")
    if ctx.resolution_period:
        yield "resolution"
    if ctx.gazette_number:
        yield "gazette"
    if ctx.coordinator:
        yield "prepared_appointed" if ctx.coordinator_appointed_by else "prepared"
    if ctx.group_size:
        yield "group"
    yield "confirmed" if ctx.confirmed_on else "covers"
    if not ctx.measures:
        yield "no_measures"
    yield "resolution_urban" if ctx.is_urban else "resolution_other"


def fixed_texts(ctx: CouncilContext) -> list[tuple[str, str | Promise]]:
    """The (context, message) pairs a document with this context uses, for the completeness check."""
    texts: list[tuple[str, str | Promise]] = [(C, TEXTS[key]) for key in _used_keys(ctx)]
    if ctx.minority_language and ctx.minority_name:
        texts.append((C, TEXTS["title_urban" if ctx.is_urban else "title_other"]))
    texts.append(PAGE)
    return texts


def region_form(ctx: CouncilContext) -> str:
    """The region's name as the sentence "… for the %(region)s statistical region" needs it: Slovenian in the
    accusative ("za Obalno-kraško statistično regijo"), English by its English name; in Italian and Hungarian
    the Slovenian name is kept as a proper name."""
    if ctx.language == "sl":
        return " ".join(word[:-1] + "o" if word.endswith("a") else word for word in ctx.region_name.split())
    if ctx.language == "en":
        return ctx.region_name_en
    return ctx.region_name


def minority_title(ctx: CouncilContext) -> str:
    """ "Comune città di Capodistria" in the minority's language; "" for a municipality that is not bilingual."""
    if not (ctx.minority_language and ctx.minority_name):
        return ""
    with translation.override(ctx.minority_language):
        return str(TEXTS["title_urban" if ctx.is_urban else "title_other"]) % {"name": ctx.minority_name}


def council_name(ctx: CouncilContext) -> str:
    """The municipality's name as the document's language writes it (the minority's name in its language)."""
    if ctx.minority_name and ctx.language == ctx.minority_language:
        return ctx.minority_name
    return ctx.municipality_name


def build_council_material(ctx: CouncilContext) -> Document:
    with translation.override(ctx.language):
        return _build(ctx)


def _build(ctx: CouncilContext) -> Document:
    t = {key: str(text) for key, text in TEXTS.items()}
    region = region_form(ctx)
    subject = t["subject"] % {"period": ctx.period, "region": region}
    explanation: list[str] = []
    if ctx.resolution_period:
        explanation.append(t["resolution"] % {"period": ctx.resolution_period})
    if ctx.gazette_number:
        explanation.append(t["gazette"] % {"number": ctx.gazette_number})
    if ctx.coordinator:
        key = "prepared_appointed" if ctx.coordinator_appointed_by else "prepared"
        explanation.append(t[key] % {"coordinator": ctx.coordinator, "appointed_by": ctx.coordinator_appointed_by})
    if ctx.group_size:
        explanation.append(t["group"] % {"count": ctx.group_size})
    municipalities = ", ".join(ctx.municipalities)
    if ctx.confirmed_on:
        date = formatting.date(ctx.confirmed_on, ctx.language)
        explanation.append(t["confirmed"] % {"date": date, "municipalities": municipalities})
    else:
        explanation.append(t["covers"] % {"municipalities": municipalities})
    explanation.append(
        t["contents"] % {"priorities": ctx.priority_count, "measures": ctx.measure_count, "period": ctx.period}
    )
    resolution_key = "resolution_urban" if ctx.is_urban else "resolution_other"
    resolution = t[resolution_key] % {"name": council_name(ctx), "period": ctx.period, "region": region}
    minority = minority_title(ctx)
    blocks = [
        Paragraph((Run(t["subject_label"] + " ", bold=True), Run(subject.upper(), bold=True))),
        Heading(1, t["explanation"], key="explanation"),
        *(Paragraph.of(text) for text in explanation),
        Heading(2, t["measures"], key="measures"),
        BulletList(tuple(f"{m.code} {m.title}" for m in ctx.measures))
        if ctx.measures
        else Paragraph.of(t["no_measures"], "empty"),
        Paragraph.of(t["submit"]),
        Paragraph((Run(t["prepared_by"], bold=True), Run("\t\t\t\t\t"), Run(t["mayor"], bold=True))),
        Paragraph.of(t["attachments"], "lead"),
        BulletList((t["attachment_plan"] % {"period": ctx.period, "region": region},)),
        Paragraph.of(t["proposed"], "lead"),
        Paragraph.of(resolution),
    ]
    return Document(
        title=ctx.municipality_title.upper(),
        language=ctx.language,
        metadata=Metadata(
            subject=subject,
            keywords=(ctx.municipality_title,),
            date=ctx.today,
            lines=((minority.upper(),) if minority else ()) + (formatting.date(ctx.today, ctx.language),),
        ),
        blocks=tuple(blocks),
    )


def council_material_document(*, plan: Plan, municipality: Municipality, language: str = "sl") -> Document:
    """The material as a document, or CouncilMaterialRefused listing what has no translation in `language`."""
    ctx = council_material_context(plan=plan, municipality=municipality, language=language)
    missing = missing_translations("council-material", ctx, language)
    if missing:
        raise CouncilMaterialRefused(language, missing)
    return build_council_material(ctx)


def council_material_render(
    *,
    plan: Plan,
    municipality: Municipality,
    fmt: str,
    language: str = "sl",
    progress: Progress | None = None,
) -> bytes:
    """The council material as DOCX or PDF bytes (what the `council-material` kind's job and command call)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown document format {fmt!r}; use one of {', '.join(FORMATS)}.")
    if language not in DOCUMENT_LANGUAGES:
        raise CouncilMaterialRefused(language, missing_translations("council-material", None, language))
    steps = Steps(total=3, report=progress)
    steps.step(_("Building the document"))
    document = council_material_document(plan=plan, municipality=municipality, language=language)
    data = render(document, fmt, steps=steps)
    steps.finish(_("Done"))
    return data
