"""The demo provider (CSD Južna Primorska, Obalno-kraška) and a user for every role, for the providers' pages.

Users (password "pw"): `admin`, `reporter` (CSD Južna Primorska), `reporter_other` (CSD Gorenjska),
`viewer_region` (Obalno-kraška), `viewer_other_region` (Gorenjska), `viewer_plan` (of a plan, no region),
`coordinator` (of a plan: IRSSV's analysts read every provider's report), `outsider` (no role).
"""

from __future__ import annotations

from dataclasses import dataclass

from izvedba.accounts.models import RoleAssignment, User
from izvedba.geo.models import Region
from izvedba.plans.models import Plan
from izvedba.providers.models import Provider
from izvedba.providers.tests.support import load_demo

PASSWORD = "pw"
Role = RoleAssignment.Role


@dataclass
class ProvidersCast:
    provider: Provider
    other: Provider
    users: dict[str, User]


def _user(username: str, role: str | None = None, **scope: object) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.org")
    if role:
        RoleAssignment.objects.create(user=user, role=role, **scope)
    return user


def make_providers_cast() -> ProvidersCast:
    provider = load_demo()
    other = Provider.objects.get(organisation__slug="csd-gorenjska")
    plan = Plan.objects.create(
        kind=Plan.Kind.NATIONAL, title="NIN (test)", slug="nin-providers-test", period_start=2025, period_end=2026
    )
    users = {
        "admin": _user("admin", Role.ADMINISTRATOR),
        "reporter": _user("reporter", Role.REPORTER, organisation=provider.organisation),
        "reporter_other": _user("reporter_other", Role.REPORTER, organisation=other.organisation),
        "viewer_region": _user("viewer_region", Role.VIEWER, region=Region.objects.get(code="12")),
        "viewer_other_region": _user("viewer_other_region", Role.VIEWER, region=Region.objects.get(code="09")),
        "viewer_plan": _user("viewer_plan", Role.VIEWER, plan=plan),
        "coordinator": _user("coordinator", Role.COORDINATOR, plan=plan),
        "outsider": _user("outsider"),
    }
    return ProvidersCast(provider, other, users)
