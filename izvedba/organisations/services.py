"""Resolving written organisation names, flagging unknown ones, and merging duplicates."""

from __future__ import annotations

from django.db import models, transaction
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.utils.text import slugify
from django.utils.translation import gettext as _

from izvedba.core.text import name_key
from izvedba.core.versioning import content_changed
from izvedba.organisations.models import Organisation, OrganisationAlias


def organisation_resolve(written: str) -> Organisation | None:
    """The organisation a plan means by `written` (alias, acronym or name), or None."""
    key = name_key(written)
    if not key:
        return None
    alias = OrganisationAlias.objects.select_related("organisation").filter(key=key).first()
    if alias is not None:
        return alias.organisation
    return _resolve_by_name(key)


def _resolve_by_name(key: str) -> Organisation | None:
    """Organisations added by hand may have no aliases: compare their acronym and name."""
    candidates = Organisation.objects.only("pk", "name", "acronym")
    matches = [org.pk for org in candidates if key in {name_key(org.acronym), name_key(org.name)}]
    return Organisation.objects.get(pk=matches[0]) if len(matches) == 1 else None


@transaction.atomic
def organisation_resolve_or_flag(written: str) -> Organisation:
    """Resolve `written`, or record it as a new organisation that a data steward should review."""
    found = organisation_resolve(written)
    if found is not None:
        return found
    name = " ".join(written.split())
    if not name_key(name):
        raise ValueError(_("An organisation name needs at least one letter or digit."))
    organisation = Organisation.objects.create(
        name=name, slug=unique_slug(name), kind=Organisation.Kind.OTHER, needs_review=True
    )
    OrganisationAlias.objects.create(organisation=organisation, alias=name, key=name_key(name))
    return organisation


def unique_slug(name: str) -> str:
    base = slugify(name)[:100].strip("-") or "organisation"
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def merge_refusal(*, source: Organisation, target: Organisation) -> str | None:
    """Why `source` cannot be merged into `target`, or None when it can."""
    if source.pk == target.pk:
        return _("An organisation cannot be merged into itself.")
    if target.merge_into_id is not None:
        return _("“%(target)s” is itself marked for merging; merge into the organisation it points to.") % {
            "target": target
        }
    return None


@transaction.atomic
def organisation_merge(*, source: Organisation, target: Organisation) -> None:
    """Move everything that refers to `source` to `target`, keep its names as aliases, delete it."""
    refusal = merge_refusal(source=source, target=target)
    if refusal is not None:
        raise ValueError(refusal)
    for relation in Organisation._meta.related_objects:
        _move_relation(relation, source, target)
    Organisation.objects.filter(merge_into=source).update(merge_into=target)
    for written in (source.name, source.acronym):
        _alias_keep(target, written)
    source.delete()
    content_changed()


def _move_relation(relation: ForeignObjectRel, source: Organisation, target: Organisation) -> None:
    """Point one kind of reference (any app's ForeignKey or auto-created many-to-many) at `target`."""
    if relation.many_to_many:
        _move_many_to_many(relation, source, target)
        return
    manager = relation.related_model._base_manager
    manager.filter(**{relation.field.name: source}).update(**{relation.field.name: target})


def _move_many_to_many(relation: ForeignObjectRel, source: Organisation, target: Organisation) -> None:
    """An explicit `through` model is moved by its own ForeignKey; only auto-created tables are left."""
    through: type[models.Model] = relation.through  # type: ignore[attr-defined]
    if not through._meta.auto_created:
        return
    to_org, owner = relation.field.m2m_reverse_field_name(), relation.field.m2m_field_name()  # type: ignore[attr-defined]
    rows = through._base_manager
    already_linked = rows.filter(**{to_org: target}).values(owner)
    rows.filter(**{to_org: source, f"{owner}__in": already_linked}).delete()
    rows.filter(**{to_org: source}).update(**{to_org: target})


def _alias_keep(organisation: Organisation, written: str) -> None:
    key = name_key(written)
    if key and not OrganisationAlias.objects.filter(key=key).exists():
        OrganisationAlias.objects.create(organisation=organisation, alias=written, key=key)
