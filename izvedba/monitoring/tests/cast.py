"""A small cast for monitoring tests: one regional plan, its measures, organisations, and a user for every role.

Use it from `setUpTestData`:

    cast = make_cast()
    round = open_round(cast)                       # the "2026" round, one draft report per measure
    report = round.reports.get(measure=cast.m1)    # MSP's measure
    key = token_for(cast.reporter_msp)             # an API key: headers={"Authorization": f"Bearer {key}"}

The plan (`cast.plan`, regional, in `cast.region`) has four measures:

- `m1` "1" held by MSP, with ZRSZ taking part; a numeric indicator (`ind_num`, target 100 persons), a qualitative
  one (`ind_text`, no target), two funding lines (`line_a` 10.000 EUR, `line_b` 5.000 EUR);
- `m1_sub` "1" sub-row 1 of m1 without holders of its own (so MSP holds it through its parent), a numeric
  indicator (`ind_sub`, target 20 %);
- `m2` "2" held by MDDSZ: a numeric indicator (`ind_m2`, target 50), a funding line (`line_m2` 2.000 EUR);
- `m3` "3" held by MSP, no indicators and no funding lines.

The plan's risks are `risk_a` and `risk_b`; `other_plan` (national, no region) has `other_risk`, a measure
`other_measure` held by MSP with `other_indicator` and `other_line`.

Users (password "pw" for all): `admin` (administrator role), `coordinator` (of the plan), `reporter_msp`,
`reporter_other` (MDDSZ), `reporter_participant` (ZRSZ), `viewer_plan`, `viewer_region`, `outsider` (no roles).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from izvedba.accounts.models import ApiToken, RoleAssignment, User
from izvedba.geo.models import Region
from izvedba.monitoring.models import Round
from izvedba.organisations.models import Organisation
from izvedba.plans.models import FundingLine, FundingSource, Indicator, Measure, Plan, PlanRisk, Responsibility

PASSWORD = "pw"
Role = RoleAssignment.Role


@dataclass
class Cast:
    region: Region
    other_region: Region
    plan: Plan
    other_plan: Plan
    msp: Organisation
    mddsz: Organisation
    zrsz: Organisation
    source: FundingSource
    m1: Measure
    m1_sub: Measure
    m2: Measure
    m3: Measure
    ind_num: Indicator
    ind_text: Indicator
    ind_sub: Indicator
    ind_m2: Indicator
    line_a: FundingLine
    line_b: FundingLine
    line_m2: FundingLine
    risk_a: PlanRisk
    risk_b: PlanRisk
    other_measure: Measure
    other_indicator: Indicator
    other_line: FundingLine
    other_risk: PlanRisk
    admin: User
    coordinator: User
    reporter_msp: User
    reporter_other: User
    reporter_participant: User
    viewer_plan: User
    viewer_region: User
    outsider: User

    @property
    def users(self) -> dict[str, User]:
        """Every user by role name (the names used in role × action tests)."""
        return {
            "admin": self.admin,
            "coordinator": self.coordinator,
            "reporter_msp": self.reporter_msp,
            "reporter_other": self.reporter_other,
            "reporter_participant": self.reporter_participant,
            "viewer_plan": self.viewer_plan,
            "viewer_region": self.viewer_region,
            "outsider": self.outsider,
        }


def _user(username: str) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.org")


def _role(user: User, role: str, **scope: object) -> None:
    RoleAssignment.objects.create(user=user, role=role, **scope)


def _region(code: str, name: str, name_en: str, nuts3: str) -> Region:
    region, _created = Region.objects.get_or_create(
        code=code, defaults={"name": name, "name_en": name_en, "nuts3_code": nuts3, "area_km2": Decimal(1000)}
    )
    return region


def _organisation(slug: str, name: str, acronym: str, kind: str) -> Organisation:
    return Organisation.objects.create(slug=slug, name=name, acronym=acronym, kind=kind)


def _measure(plan: Plan, code: str, title: str, order: int, parent: Measure | None = None, sub: int = 0) -> Measure:
    return Measure.objects.create(plan=plan, code=code, title=title, order=order, parent=parent, sub_index=sub)


def _responsibility(measure: Measure, organisation: Organisation, role: str, order: int = 0) -> None:
    Responsibility.objects.create(
        measure=measure, organisation=organisation, role=role, name_as_written=str(organisation), order=order
    )


def make_cast() -> Cast:
    """Create the cast's objects (call once per test class, in setUpTestData)."""
    region = _region("12", "Obalno-kraška", "Coastal–Karst", "SI044")
    other_region = _region("01", "Pomurska", "Mura", "SI031")
    ministry = Organisation.Kind.MINISTRY
    msp = _organisation("msp-test", "Ministrstvo za solidarno prihodnost", "MSP", ministry)
    mddsz = _organisation(
        "mddsz-test", "Ministrstvo za delo, družino, socialne zadeve in enake možnosti", "MDDSZ", ministry
    )
    # No acronym: the API names it by its full name.
    zrsz = _organisation("zrsz-test", "Zavod RS za zaposlovanje", "", Organisation.Kind.PUBLIC_BODY)
    source, _created = FundingSource.objects.get_or_create(
        slug="proracun-rs-test", defaults={"name": "Proračun RS (test)"}
    )

    plan = Plan.objects.create(
        kind=Plan.Kind.REGIONAL,
        title="Regijski izvedbeni načrt Obalno-kraške regije 2025–2028",
        slug="rin-test-2025-2028",
        period_start=2025,
        period_end=2028,
        region=region,
    )
    other_plan = Plan.objects.create(
        kind=Plan.Kind.NATIONAL,
        title="Nacionalni izvedbeni načrt 2025–2026",
        slug="nin-test-2025-2026",
        period_start=2025,
        period_end=2026,
    )

    m1 = _measure(plan, "1", "Razvoj skupnostnih storitev", 1)
    m1_sub = _measure(plan, "1", "Pilotni projekt v Kopru", 1, parent=m1, sub=1)
    m2 = _measure(plan, "2", "Krepitev centrov za socialno delo", 2)
    m3 = _measure(plan, "3", "Informiranje uporabnikov", 3)
    holder, participant = Responsibility.Role.HOLDER, Responsibility.Role.PARTICIPANT
    _responsibility(m1, msp, holder)
    _responsibility(m1, zrsz, participant, order=1)
    _responsibility(m2, mddsz, holder)
    _responsibility(m3, msp, holder)

    ind_num = Indicator.objects.create(
        measure=m1, text="Število vključenih oseb", target=Decimal(100), unit="oseb", order=0
    )
    ind_text = Indicator.objects.create(measure=m1, text="Vzpostavljena mreža storitev", order=1)
    ind_sub = Indicator.objects.create(measure=m1_sub, text="Delež pokritosti", target=Decimal(20), unit="%")
    ind_m2 = Indicator.objects.create(measure=m2, text="Število novih zaposlitev", target=Decimal(50), unit="oseb")
    basis = FundingLine.Basis.YEAR
    line_a = FundingLine.objects.create(
        measure=m1, source=source, basis=basis, year_start=2026, year_end=2026, amount_eur=10_000, order=0
    )
    line_b = FundingLine.objects.create(
        measure=m1, source=source, basis=FundingLine.Basis.TOTAL, amount_eur=5_000, order=1
    )
    line_m2 = FundingLine.objects.create(
        measure=m2, source=source, basis=basis, year_start=2026, year_end=2026, amount_eur=2_000
    )
    risk_a = PlanRisk.objects.create(plan=plan, text="Pomanjkanje kadra", order=0)
    risk_b = PlanRisk.objects.create(plan=plan, text="Zamuda pri javnem naročilu", order=1)

    other_measure = _measure(other_plan, "1", "Dolgotrajna oskrba", 1)
    _responsibility(other_measure, msp, holder)
    other_indicator = Indicator.objects.create(
        measure=other_measure, text="Število upravičencev", target=Decimal(1000), unit="oseb"
    )
    other_line = FundingLine.objects.create(
        measure=other_measure, source=source, basis=basis, year_start=2026, year_end=2026, amount_eur=1_000_000
    )
    other_risk = PlanRisk.objects.create(plan=other_plan, text="Premalo izvajalcev")

    admin = _user("admin")
    _role(admin, Role.ADMINISTRATOR)
    coordinator = _user("coordinator")
    _role(coordinator, Role.COORDINATOR, plan=plan)
    reporter_msp = _user("reporter_msp")
    _role(reporter_msp, Role.REPORTER, organisation=msp)
    reporter_other = _user("reporter_other")
    _role(reporter_other, Role.REPORTER, organisation=mddsz)
    reporter_participant = _user("reporter_participant")
    _role(reporter_participant, Role.REPORTER, organisation=zrsz)
    viewer_plan = _user("viewer_plan")
    _role(viewer_plan, Role.VIEWER, plan=plan)
    viewer_region = _user("viewer_region")
    _role(viewer_region, Role.VIEWER, region=region)
    outsider = _user("outsider")

    return Cast(
        region=region,
        other_region=other_region,
        plan=plan,
        other_plan=other_plan,
        msp=msp,
        mddsz=mddsz,
        zrsz=zrsz,
        source=source,
        m1=m1,
        m1_sub=m1_sub,
        m2=m2,
        m3=m3,
        ind_num=ind_num,
        ind_text=ind_text,
        ind_sub=ind_sub,
        ind_m2=ind_m2,
        line_a=line_a,
        line_b=line_b,
        line_m2=line_m2,
        risk_a=risk_a,
        risk_b=risk_b,
        other_measure=other_measure,
        other_indicator=other_indicator,
        other_line=other_line,
        other_risk=other_risk,
        admin=admin,
        coordinator=coordinator,
        reporter_msp=reporter_msp,
        reporter_other=reporter_other,
        reporter_participant=reporter_participant,
        viewer_plan=viewer_plan,
        viewer_region=viewer_region,
        outsider=outsider,
    )


def open_round(
    cast: Cast,
    *,
    label: str = "2026",
    period_start: dt.date = dt.date(2026, 1, 1),
    period_end: dt.date = dt.date(2026, 12, 31),
    due_date: dt.date = dt.date(2027, 2, 28),
) -> Round:
    """Open a round on the cast's plan through the service (one draft report per measure, sub-row included)."""
    from izvedba.monitoring.services.rounds import round_open

    return round_open(
        plan=cast.plan,
        user=cast.coordinator,
        label=label,
        period_start=period_start,
        period_end=period_end,
        due_date=due_date,
    )


def token_for(user: User) -> str:
    """A new API key for `user` (send as `Authorization: Bearer <key>`)."""
    _token, key = ApiToken.issue(user, name="test")
    return key


def bearer(key: str) -> dict[str, str]:
    """Headers for the test client: `self.client.get(url, headers=bearer(key))`."""
    return {"Authorization": f"Bearer {key}"}
