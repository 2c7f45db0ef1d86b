"""Who may see or change what. Every page, form and API endpoint asks here; templates and views hold no rules.

Roles (izvedba.accounts.models.RoleAssignment), scoped to objects:

- *administrator* (or a Django superuser): everything.
- *coordinator* of a plan: opens, closes, publishes and freezes rounds; reviews, returns, approves and reopens
  reports; edits the plan and its measures; reads all of the plan's monitoring.
- *reporter* for an organisation: reads the reports of measures the organisation holds or takes part in;
  fills and submits those it holds; adds contributions to those it takes part in.
- *viewer* of a plan or of a region (every plan of that region): reads all of the plan's monitoring.
- everyone, signed in or not: the plans themselves (public documents) and the approved figures of
  published rounds.

`can_*` answer yes or no; `require_*` raise PermissionDenied. Whether an object exists for someone
(404 rather than 403) is decided by `visible_*` and `can_view_*`: a report you may not read does not exist for you.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from izvedba.accounts.models import RoleAssignment

if TYPE_CHECKING:
    from izvedba.monitoring.models import Report, Round
    from izvedba.plans.models import Plan

Role = RoleAssignment.Role


@dataclass(frozen=True)
class Roles:
    """A user's roles, read once per request."""

    admin: bool = False
    coordinated_plans: frozenset[int] = field(default_factory=frozenset)
    viewed_plans: frozenset[int] = field(default_factory=frozenset)
    viewed_regions: frozenset[int] = field(default_factory=frozenset)
    organisations: frozenset[int] = field(default_factory=frozenset)

    @property
    def any(self) -> bool:
        return bool(
            self.admin or self.coordinated_plans or self.viewed_plans or self.viewed_regions or self.organisations
        )


def roles_of(user: Any) -> Roles:
    """The user's roles (cached on the user object for the rest of the request)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Roles()
    cached = getattr(user, "_izvedba_roles", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    coordinated, viewed, regions, organisations = set(), set(), set(), set()
    admin = bool(user.is_superuser)
    for role, plan_id, region_id, organisation_id in RoleAssignment.objects.filter(user=user).values_list(
        "role", "plan_id", "region_id", "organisation_id"
    ):
        if role == Role.ADMINISTRATOR:
            admin = True
        elif role == Role.COORDINATOR:
            coordinated.add(plan_id)
        elif role == Role.VIEWER and plan_id:
            viewed.add(plan_id)
        elif role == Role.VIEWER and region_id:
            regions.add(region_id)
        elif role == Role.REPORTER:
            organisations.add(organisation_id)
    roles = Roles(admin, frozenset(coordinated), frozenset(viewed), frozenset(regions), frozenset(organisations))
    user._izvedba_roles = roles
    return roles


def forget_roles(user: Any) -> None:
    """Drop the cached roles (after roles were changed within a request)."""
    if hasattr(user, "_izvedba_roles"):
        del user._izvedba_roles


# --- plans (public documents) -------------------------------------------------------------------------------


def can_import_plans(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return roles_of(user).admin or bool(user.has_perm("plans.add_plan"))


def require_import_plans(user: Any) -> None:
    if not can_import_plans(user):
        raise PermissionDenied


def can_read_plans(user: Any) -> bool:
    """Plans, measures, organisations and regions are public documents: everyone may read them."""
    return True


def require_read_plans(user: Any) -> None:
    if not can_read_plans(user):
        raise PermissionDenied


def can_edit_plan(user: Any, plan: Plan) -> bool:
    """Coordinators of the plan and administrators edit a plan and its measures."""
    return can_coordinate(user, plan)


def require_edit_plan(user: Any, plan: Plan) -> None:
    if not can_edit_plan(user, plan):
        raise PermissionDenied


# --- monitoring of a plan -------------------------------------------------------------------------------------


def can_coordinate(user: Any, plan: Plan) -> bool:
    roles = roles_of(user)
    return roles.admin or plan.pk in roles.coordinated_plans


def require_coordinate(user: Any, plan: Plan) -> None:
    if not can_coordinate(user, plan):
        raise PermissionDenied


def _reporter_plan_q(organisations: frozenset[int]) -> Q:
    return Q(measures__responsibilities__organisation_id__in=organisations)


def can_view_monitoring(user: Any, plan: Plan) -> bool:
    """All of a plan's monitoring (every round, every report's status): coordinators, viewers, administrators.

    Reporters see their own organisation's reports (see `visible_reports`) and the plan's published figures.
    """
    roles = roles_of(user)
    return (
        roles.admin
        or plan.pk in roles.coordinated_plans
        or plan.pk in roles.viewed_plans
        or (plan.region_id is not None and plan.region_id in roles.viewed_regions)
    )


def require_view_monitoring(user: Any, plan: Plan) -> None:
    if not can_view_monitoring(user, plan):
        raise PermissionDenied


def can_report_on(user: Any, plan: Plan) -> bool:
    """Does the user report for an organisation that holds or takes part in a measure of the plan?"""
    organisations = roles_of(user).organisations
    if not organisations:
        return False
    from izvedba.plans.models import Responsibility

    return Responsibility.objects.filter(measure__plan=plan, organisation_id__in=organisations).exists()


def can_see_plan_rounds(user: Any, plan: Plan) -> bool:
    """May the user see the plan's rounds at all (including unpublished ones)?"""
    return can_view_monitoring(user, plan) or can_report_on(user, plan)


def visible_rounds(user: Any, plan: Plan) -> QuerySet[Round]:
    """The plan's rounds the user may see: all of them with a role on the plan, the published ones otherwise."""
    from izvedba.monitoring.models import Round

    rounds = Round.objects.filter(plan=plan)
    if can_see_plan_rounds(user, plan):
        return rounds
    return rounds.filter(published_at__isnull=False)


def counted_rounds(user: Any, plan: Plan) -> QuerySet[Round]:
    """The rounds whose approved figures the user's dashboards count: all rounds for those who monitor the
    plan, published ones for everybody else (reporters included: a dashboard shows no one else's drafts)."""
    from izvedba.monitoring.models import Round

    rounds = Round.objects.filter(plan=plan)
    if can_view_monitoring(user, plan):
        return rounds
    return rounds.filter(published_at__isnull=False)


def visible_reports(user: Any, queryset: QuerySet[Report] | None = None) -> QuerySet[Report]:
    """The reports the user may read: all of plans they monitor, their organisations' (held or taken part in)."""
    from izvedba.monitoring.models import Report

    reports = queryset if queryset is not None else Report.objects.all()
    roles = roles_of(user)
    if roles.admin:
        return reports
    if not roles.any:
        return reports.none()
    q = (
        Q(round__plan_id__in=roles.coordinated_plans)
        | Q(round__plan_id__in=roles.viewed_plans)
        | Q(round__plan__region_id__in=roles.viewed_regions)
    )
    if roles.organisations:
        from izvedba.plans.models import Responsibility

        measure_ids = Responsibility.objects.filter(organisation_id__in=roles.organisations).values("measure_id")
        q |= Q(measure_id__in=measure_ids) | Q(measure__parent_id__in=measure_ids)
    return reports.filter(q)


def can_view_report(user: Any, report: Report) -> bool:
    return visible_reports(user).filter(pk=report.pk).exists()


def require_view_report(user: Any, report: Report) -> None:
    """Not readable means not there: raise Http404-worthy ObjectDoesNotExist via the caller (see views/api)."""
    if not can_view_report(user, report):
        raise report.DoesNotExist


def holder_ids(report: Report) -> set[int]:
    """The organisations that hold the report's measure (a sub-row without holders of its own: its parent's)."""
    from izvedba.plans.models import Responsibility

    holders = Responsibility.Role.HOLDER
    ids = set(
        Responsibility.objects.filter(measure_id=report.measure_id, role=holders).values_list(
            "organisation_id", flat=True
        )
    )
    if not ids and report.measure.parent_id:
        ids = set(
            Responsibility.objects.filter(measure_id=report.measure.parent_id, role=holders).values_list(
                "organisation_id", flat=True
            )
        )
    return ids


def participant_ids(report: Report) -> set[int]:
    """The organisations taking part in the report's measure (a sub-row without participants of its own: its
    parent's, as for holders; `visible_reports` already lets them read such a sub-row's report)."""
    from izvedba.plans.models import Responsibility

    participants = Responsibility.Role.PARTICIPANT
    ids = set(
        Responsibility.objects.filter(measure_id=report.measure_id, role=participants).values_list(
            "organisation_id", flat=True
        )
    )
    if not ids and report.measure.parent_id:
        ids = set(
            Responsibility.objects.filter(measure_id=report.measure.parent_id, role=participants).values_list(
                "organisation_id", flat=True
            )
        )
    return ids


def can_fill_report(user: Any, report: Report) -> bool:
    """Fill in and submit: a reporter of one of the measure's holders (or an administrator)."""
    roles = roles_of(user)
    return roles.admin or bool(roles.organisations & holder_ids(report))


def require_fill_report(user: Any, report: Report) -> None:
    if not can_fill_report(user, report):
        raise PermissionDenied


def can_contribute(user: Any, report: Report) -> bool:
    """Add a contribution the holder sees: a reporter of a participating organisation (or of a holder)."""
    roles = roles_of(user)
    return roles.admin or bool(roles.organisations & (participant_ids(report) | holder_ids(report)))


def require_contribute(user: Any, report: Report) -> None:
    if not can_contribute(user, report):
        raise PermissionDenied


def can_review_report(user: Any, report: Report) -> bool:
    """Return, approve and reopen: the coordinator of the report's plan."""
    return can_coordinate(user, report.round.plan)


def require_review_report(user: Any, report: Report) -> None:
    if not can_review_report(user, report):
        raise PermissionDenied


# --- providers' annual reports and background jobs (issue 4) -----------------------------------------------------
# Not public (publishing comes with issue 5): administrators; reporters of the provider's organisation (who also
# edit its narrative); viewers of a region the provider works in (its seat's or a covered municipality's region);
# coordinators of any plan (IRSSV's analysts read every provider's report). A report one may not read is not there.

if TYPE_CHECKING:
    from izvedba.jobs.models import Job
    from izvedba.providers.models import Provider


def provider_region_ids(provider: Provider) -> set[int]:
    """The regions a provider works in: its seat's and those of the municipalities its units cover."""
    from izvedba.geo.models import Municipality

    covered = Municipality.objects.filter(csd_units__centre_id=provider.organisation_id)
    regions = set(covered.values_list("region_id", flat=True))
    seat = Municipality.objects.filter(organisation__pk=provider.organisation_id).values_list("region_id", flat=True)
    return regions | set(seat)


def visible_providers(user: Any, queryset: QuerySet[Provider] | None = None) -> QuerySet[Provider]:
    """The providers whose annual reports the user may read."""
    from izvedba.providers.models import Provider

    providers = queryset if queryset is not None else Provider.objects.all()
    roles = roles_of(user)
    if roles.admin or roles.coordinated_plans:
        return providers
    q = Q(organisation_id__in=roles.organisations)
    if roles.viewed_regions:
        q |= Q(organisation__municipality__region_id__in=roles.viewed_regions)
        q |= Q(organisation__units__municipalities__region_id__in=roles.viewed_regions)
    return providers.filter(q).distinct() if roles.any else providers.none()


def can_view_provider_report(user: Any, provider: Provider) -> bool:
    roles = roles_of(user)
    if roles.admin or roles.coordinated_plans or provider.organisation_id in roles.organisations:
        return True
    return bool(roles.viewed_regions and roles.viewed_regions & provider_region_ids(provider))


def require_view_provider_report(user: Any, provider: Provider) -> None:
    """Not readable means not there: raises Http404."""
    if not can_view_provider_report(user, provider):
        from django.http import Http404

        raise Http404


def can_edit_provider_report(user: Any, provider: Provider) -> bool:
    """Write the report's narrative (and capture its figures): reporters of the provider's organisation."""
    roles = roles_of(user)
    return roles.admin or provider.organisation_id in roles.organisations


def require_edit_provider_report(user: Any, provider: Provider) -> None:
    if not can_edit_provider_report(user, provider):
        raise PermissionDenied


def can_view_job(user: Any, job: Job) -> bool:
    """A background job and its file: the user who started it, and administrators."""
    if not getattr(user, "is_authenticated", False):
        return False
    return roles_of(user).admin or (job.requested_by_id is not None and job.requested_by_id == user.pk)
