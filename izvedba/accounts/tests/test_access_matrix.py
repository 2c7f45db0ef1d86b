"""Who may do what: every role against every question izvedba.accounts.access answers.

The world: plan A (region X) and plan B (region Y). In A, measure a1 is held by HOLD with PART taking part, its
sub-row a1/1 has no responsibilities of its own, and a2 is held by HOLD alone; in B, b1 is held by OTHER.
Plan A has a published round "2025" (a report for a1) and an unpublished one "2026" (reports for a1, a1/1 and a2);
plan B has an unpublished round with a report for b1.

Each table maps a role to what it should get; roles not listed get the table's default. A failure names the role
and the question (subTest), e.g. `[role='reporter_part', action='can_contribute(a1/1)']`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import TestCase
from django.utils import timezone

from izvedba.accounts import access
from izvedba.accounts.models import RoleAssignment, User
from izvedba.geo.models import Region
from izvedba.monitoring.models import Report, Round
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Measure, Plan, Responsibility

Role = RoleAssignment.Role

ROLES = [
    "anonymous",
    "inactive",
    "no_role",
    "administrator",
    "superuser",
    "coordinator_a",
    "coordinator_b",
    "reporter_holder",
    "reporter_part",
    "reporter_other",
    "viewer_a",
    "viewer_x",
    "viewer_y",
]
EVERYONE_ELSE = object()  # a table's key for "every role not listed"

ADMINS = {"administrator": True, "superuser": True}
WHOLE_A = {"2025", "2026"}
PUBLISHED_A = {"2025"}
REPORTS_A = {"a1@2025", "a1@2026", "a1/1@2026", "a2@2026"}
ALL_REPORTS = {*REPORTS_A, "b1@2026"}

# action -> {role: expected, EVERYONE_ELSE: expected}
EXPECTED: dict[str, dict[Any, Any]] = {
    "can_import_plans": {**ADMINS, EVERYONE_ELSE: False},
    "can_read_plans": {EVERYONE_ELSE: True},
    "can_edit_plan(A)": {**ADMINS, "coordinator_a": True, EVERYONE_ELSE: False},
    "can_edit_plan(B)": {**ADMINS, "coordinator_b": True, EVERYONE_ELSE: False},
    "can_coordinate(A)": {**ADMINS, "coordinator_a": True, EVERYONE_ELSE: False},
    "can_view_monitoring(A)": {
        **ADMINS,
        "coordinator_a": True,
        "viewer_a": True,
        "viewer_x": True,
        EVERYONE_ELSE: False,
    },
    "can_view_monitoring(B)": {**ADMINS, "coordinator_b": True, "viewer_y": True, EVERYONE_ELSE: False},
    "can_report_on(A)": {"reporter_holder": True, "reporter_part": True, EVERYONE_ELSE: False},
    # Everyone sees published rounds; a role on the plan (reporters of its organisations included) shows all.
    "visible_rounds(A)": {
        "administrator": WHOLE_A,
        "superuser": WHOLE_A,
        "coordinator_a": WHOLE_A,
        "reporter_holder": WHOLE_A,
        "reporter_part": WHOLE_A,
        "viewer_a": WHOLE_A,
        "viewer_x": WHOLE_A,
        EVERYONE_ELSE: PUBLISHED_A,
    },
    # Dashboards count unpublished rounds only for those who monitor the whole plan (not for reporters).
    "counted_rounds(A)": {
        "administrator": WHOLE_A,
        "superuser": WHOLE_A,
        "coordinator_a": WHOLE_A,
        "viewer_a": WHOLE_A,
        "viewer_x": WHOLE_A,
        EVERYONE_ELSE: PUBLISHED_A,
    },
    "visible_reports": {
        "administrator": ALL_REPORTS,
        "superuser": ALL_REPORTS,
        "coordinator_a": REPORTS_A,
        "coordinator_b": {"b1@2026"},
        "reporter_holder": REPORTS_A,
        "reporter_part": {"a1@2025", "a1@2026", "a1/1@2026"},
        "reporter_other": {"b1@2026"},
        "viewer_a": REPORTS_A,
        "viewer_x": REPORTS_A,
        "viewer_y": {"b1@2026"},
        EVERYONE_ELSE: set(),
    },
    "can_view_report(a2)": {
        **ADMINS,
        "coordinator_a": True,
        "reporter_holder": True,
        "viewer_a": True,
        "viewer_x": True,
        EVERYONE_ELSE: False,
    },
    "can_view_report(b1)": {
        **ADMINS,
        "coordinator_b": True,
        "reporter_other": True,
        "viewer_y": True,
        EVERYONE_ELSE: False,
    },
    "can_fill_report(a1)": {**ADMINS, "reporter_holder": True, EVERYONE_ELSE: False},
    "can_fill_report(a1/1)": {**ADMINS, "reporter_holder": True, EVERYONE_ELSE: False},
    "can_fill_report(b1)": {**ADMINS, "reporter_other": True, EVERYONE_ELSE: False},
    "can_contribute(a1)": {**ADMINS, "reporter_holder": True, "reporter_part": True, EVERYONE_ELSE: False},
    "can_contribute(a1/1)": {**ADMINS, "reporter_holder": True, "reporter_part": True, EVERYONE_ELSE: False},
    "can_contribute(a2)": {**ADMINS, "reporter_holder": True, EVERYONE_ELSE: False},
    "can_review_report(a1)": {**ADMINS, "coordinator_a": True, EVERYONE_ELSE: False},
    "can_review_report(b1)": {**ADMINS, "coordinator_b": True, EVERYONE_ELSE: False},
}


def expected(action: str, role: str) -> Any:
    table = EXPECTED[action]
    return table[role] if role in table else table[EVERYONE_ELSE]


class AccessMatrixTests(TestCase):
    users: dict[str, Any]
    plan_a: Plan
    plan_b: Plan
    reports: dict[str, Report]

    @classmethod
    def setUpTestData(cls) -> None:
        region_x = Region.objects.create(code="01", name="Regija X", name_en="Region X", nuts3_code="SI0X1", area_km2=1)
        region_y = Region.objects.create(code="02", name="Regija Y", name_en="Region Y", nuts3_code="SI0Y2", area_km2=1)
        hold, part, other = (
            Organisation.objects.create(name=f"Organizacija {acronym}", acronym=acronym, slug=acronym.lower())
            for acronym in ("HOLD", "PART", "OTHER")
        )
        cls.plan_a = _plan("a", region_x)
        cls.plan_b = _plan("b", region_y)
        a1 = _measure(cls.plan_a, "1", holders=[hold], participants=[part])
        a1_sub = Measure.objects.create(plan=cls.plan_a, parent=a1, sub_index=1, code="1", title="Podvrstica", order=2)
        a2 = _measure(cls.plan_a, "2", holders=[hold])
        b1 = _measure(cls.plan_b, "1", holders=[other])
        published = _round(cls.plan_a, "2025", published=True)
        current_a = _round(cls.plan_a, "2026")
        current_b = _round(cls.plan_b, "2026")
        cls.reports = {
            "a1@2025": Report.objects.create(round=published, measure=a1),
            "a1@2026": Report.objects.create(round=current_a, measure=a1),
            "a1/1@2026": Report.objects.create(round=current_a, measure=a1_sub),
            "a2@2026": Report.objects.create(round=current_a, measure=a2),
            "b1@2026": Report.objects.create(round=current_b, measure=b1),
        }
        cls.users = {"anonymous": AnonymousUser()}
        grants: dict[str, dict[str, Any]] = {
            "inactive": {"role": Role.COORDINATOR, "plan": cls.plan_a},
            "no_role": {},
            "administrator": {"role": Role.ADMINISTRATOR},
            "superuser": {},
            "coordinator_a": {"role": Role.COORDINATOR, "plan": cls.plan_a},
            "coordinator_b": {"role": Role.COORDINATOR, "plan": cls.plan_b},
            "reporter_holder": {"role": Role.REPORTER, "organisation": hold},
            "reporter_part": {"role": Role.REPORTER, "organisation": part},
            "reporter_other": {"role": Role.REPORTER, "organisation": other},
            "viewer_a": {"role": Role.VIEWER, "plan": cls.plan_a},
            "viewer_x": {"role": Role.VIEWER, "region": region_x},
            "viewer_y": {"role": Role.VIEWER, "region": region_y},
        }
        for name, grant in grants.items():
            user = User.objects.create_user(
                name, password="pw", is_active=name != "inactive", is_superuser=name == "superuser"
            )
            if grant:
                RoleAssignment.objects.create(user=user, **grant)
            cls.users[name] = user

    def setUp(self) -> None:
        for user in self.users.values():
            access.forget_roles(user)

    def answer(self, action: str, user: Any) -> Any:
        r = self.reports
        questions: dict[str, Callable[[], Any]] = {
            "can_import_plans": lambda: access.can_import_plans(user),
            "can_read_plans": lambda: access.can_read_plans(user),
            "can_edit_plan(A)": lambda: access.can_edit_plan(user, self.plan_a),
            "can_edit_plan(B)": lambda: access.can_edit_plan(user, self.plan_b),
            "can_coordinate(A)": lambda: access.can_coordinate(user, self.plan_a),
            "can_view_monitoring(A)": lambda: access.can_view_monitoring(user, self.plan_a),
            "can_view_monitoring(B)": lambda: access.can_view_monitoring(user, self.plan_b),
            "can_report_on(A)": lambda: access.can_report_on(user, self.plan_a),
            "visible_rounds(A)": lambda: set(access.visible_rounds(user, self.plan_a).values_list("label", flat=True)),
            "counted_rounds(A)": lambda: set(access.counted_rounds(user, self.plan_a).values_list("label", flat=True)),
            "visible_reports": lambda: {name for name, rep in r.items() if rep in access.visible_reports(user)},
            "can_view_report(a2)": lambda: access.can_view_report(user, r["a2@2026"]),
            "can_view_report(b1)": lambda: access.can_view_report(user, r["b1@2026"]),
            "can_fill_report(a1)": lambda: access.can_fill_report(user, r["a1@2026"]),
            "can_fill_report(a1/1)": lambda: access.can_fill_report(user, r["a1/1@2026"]),
            "can_fill_report(b1)": lambda: access.can_fill_report(user, r["b1@2026"]),
            "can_contribute(a1)": lambda: access.can_contribute(user, r["a1@2026"]),
            "can_contribute(a1/1)": lambda: access.can_contribute(user, r["a1/1@2026"]),
            "can_contribute(a2)": lambda: access.can_contribute(user, r["a2@2026"]),
            "can_review_report(a1)": lambda: access.can_review_report(user, r["a1@2026"]),
            "can_review_report(b1)": lambda: access.can_review_report(user, r["b1@2026"]),
        }
        return questions[action]()

    def test_it_answers_every_role_and_action_as_the_table_says(self) -> None:
        for action in EXPECTED:
            for role in ROLES:
                with self.subTest(role=role, action=action):
                    self.assertEqual(self.answer(action, self.users[role]), expected(action, role))

    def test_it_lets_every_report_be_read_exactly_when_visible_reports_lists_it(self) -> None:
        for role in ROLES:
            visible = expected("visible_reports", role)
            for name, report in self.reports.items():
                with self.subTest(role=role, report=name):
                    self.assertEqual(access.can_view_report(self.users[role], report), name in visible)

    def test_it_lets_only_readers_of_a_report_fill_contribute_to_or_review_it(self) -> None:
        """Nobody may act on a report that does not exist for them."""
        checks = (access.can_fill_report, access.can_contribute, access.can_review_report)
        for role in ROLES:
            user = self.users[role]
            for name, report in self.reports.items():
                for check in checks:
                    with self.subTest(role=role, report=name, action=check.__name__):
                        if check(user, report):
                            self.assertTrue(access.can_view_report(user, report))


class RequireTests(TestCase):
    """The `require_*` forms: 403 for a refused action, not-found for a report one may not read."""

    plan: Plan
    report: Report
    holder: User
    intruder: User

    @classmethod
    def setUpTestData(cls) -> None:
        region = Region.objects.create(code="01", name="Regija X", name_en="Region X", nuts3_code="SI0X1", area_km2=1)
        hold = Organisation.objects.create(name="Organizacija HOLD", acronym="HOLD", slug="hold")
        other = Organisation.objects.create(name="Organizacija OTHER", acronym="OTHER", slug="other")
        cls.plan = _plan("a", region)
        cls.report = Report.objects.create(
            round=_round(cls.plan, "2026"), measure=_measure(cls.plan, "1", holders=[hold]), narrative="Izvirnik"
        )
        cls.holder = User.objects.create_user("holder")
        RoleAssignment.objects.create(user=cls.holder, role=Role.REPORTER, organisation=hold)
        cls.intruder = User.objects.create_user("intruder")
        RoleAssignment.objects.create(user=cls.intruder, role=Role.REPORTER, organisation=other)

    def test_it_hides_another_organisations_report_from_its_reporter(self) -> None:
        with self.assertRaises(Report.DoesNotExist):
            access.require_view_report(self.intruder, self.report)
        access.require_view_report(self.holder, self.report)

    def test_it_refuses_a_reporter_filling_another_organisations_report_and_changes_nothing(self) -> None:
        for require in (access.require_fill_report, access.require_contribute, access.require_review_report):
            with self.subTest(action=require.__name__), self.assertRaises(PermissionDenied):
                require(self.intruder, self.report)
        self.report.refresh_from_db()
        self.assertEqual((self.report.narrative, self.report.version), ("Izvirnik", 1))
        access.require_fill_report(self.holder, self.report)

    def test_it_refuses_plan_actions_to_a_reporter(self) -> None:
        for require in (access.require_edit_plan, access.require_coordinate, access.require_view_monitoring):
            with self.subTest(action=require.__name__), self.assertRaises(PermissionDenied):
                require(self.holder, self.plan)
        with self.assertRaises(PermissionDenied):
            access.require_import_plans(self.holder)

    def test_it_forgets_cached_roles_when_asked(self) -> None:
        self.assertFalse(access.can_coordinate(self.intruder, self.plan))
        RoleAssignment.objects.create(user=self.intruder, role=Role.COORDINATOR, plan=self.plan)
        self.assertFalse(access.can_coordinate(self.intruder, self.plan))  # read once per request
        access.forget_roles(self.intruder)
        self.assertTrue(access.can_coordinate(self.intruder, self.plan))


def _plan(key: str, region: Region) -> Plan:
    return Plan.objects.create(
        kind=Plan.Kind.REGIONAL, title=f"Načrt {key.upper()}", slug=f"nacrt-{key}", period_start=2025, period_end=2028,
        region=region,
    )  # fmt: skip


def _measure(
    plan: Plan, code: str, *, holders: list[Organisation], participants: list[Organisation] | None = None
) -> Measure:
    measure = Measure.objects.create(plan=plan, code=code, title=f"Ukrep {code}", order=int(code) * 10)
    people = [(Responsibility.Role.HOLDER, o) for o in holders]
    people += [(Responsibility.Role.PARTICIPANT, o) for o in participants or []]
    for order, (role, organisation) in enumerate(people):
        Responsibility.objects.create(
            measure=measure, organisation=organisation, role=role, name_as_written=organisation.name, order=order
        )
    return measure


def _round(plan: Plan, label: str, *, published: bool = False) -> Round:
    year = int(label)
    return Round.objects.create(
        plan=plan,
        label=label,
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        due_date=dt.date(year + 1, 2, 28),
        status=Round.Status.CLOSED if published else Round.Status.OPEN,
        published_at=timezone.now() if published else None,
    )
