"""The demo's monitoring: one account per role and a completed, published 2025 round of the national plan.

The round's statuses, figures and texts are demonstration data, not what the holders reported: the public
documents say what was planned, not how it went. Every narrative says so. The data is derived from the plan
itself (deadlines, targets, funding lines), so it is the same on every machine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from izvedba.accounts.models import RoleAssignment
from izvedba.geo.models import Region
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.services.reports import (
    IndicatorEntry,
    ReportChanges,
    SpendingEntry,
    report_approve,
    report_submit,
    report_update,
)
from izvedba.monitoring.services.rounds import round_close, round_open, round_publish
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Plan

Role = RoleAssignment.Role
Implementation = Report.Implementation

DEMO_EMAIL_DOMAIN = "demo.izvedba.invalid"
NATIONAL_PLAN = "nin-2025-2026"
REGIONAL_PLAN = "rin-obalno-kraska-2014-2016"
DEMO_NOTE = "Demonstracijski podatki, ne poročilo nosilca."
LATE_REASON = "Demonstracijski podatek: priprava podlag je trajala dlje, kot je bilo načrtovano."


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    plan: str = ""  # plan slug
    organisation: str = ""  # organisation slug
    region: str = ""  # region code


# README lists these; all share the demo password.
DEMO_ACCOUNTS = (
    DemoAccount("koordinator", Role.COORDINATOR, plan=NATIONAL_PLAN),
    DemoAccount("koordinator-regija", Role.COORDINATOR, plan=REGIONAL_PLAN),
    DemoAccount("porocevalec-msp", Role.REPORTER, organisation="msp"),
    DemoAccount("porocevalec-mddsz", Role.REPORTER, organisation="mddsz"),
    DemoAccount("porocevalec-csd", Role.REPORTER, organisation="csd-juzna-primorska"),
    DemoAccount("pregledovalec", Role.VIEWER, plan=NATIONAL_PLAN),
    DemoAccount("obcina-koper", Role.VIEWER, region="12"),
)


def demo_role_users_create(password: str) -> list[str]:
    """One account per role (see DEMO_ACCOUNTS); existing accounts are left alone."""
    user_model = get_user_model()
    lines = []
    for account in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=account.username).exists():
            continue
        with transaction.atomic():
            user = user_model.objects.create_user(
                username=account.username, password=password, email=f"{account.username}@{DEMO_EMAIL_DOMAIN}"
            )
            RoleAssignment.objects.create(
                user=user,
                role=account.role,
                plan=Plan.objects.get(slug=account.plan) if account.plan else None,
                organisation=Organisation.objects.get(slug=account.organisation) if account.organisation else None,
                region=Region.objects.get(code=account.region) if account.region else None,
            )
        lines.append(f"Demo account “{account.username}” ({account.role}) created (password “{password}”).")
    return lines


def demo_round_load() -> list[str]:
    """The national plan's 2025 round: every report filled, submitted and approved; closed and published."""
    plan = Plan.objects.get(slug=NATIONAL_PLAN)
    if Round.objects.filter(plan=plan, label="2025").exists():
        return ["Demo round 2025: unchanged."]
    user_model = get_user_model()
    coordinator = user_model.objects.get(username="koordinator")
    admin = user_model.objects.get(username="admin")
    with transaction.atomic():
        round_ = round_open(
            plan=plan,
            user=coordinator,
            label="2025",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
            due_date=dt.date(2026, 2, 27),
        )
        reports = Report.objects.filter(round=round_).select_related("measure").order_by("pk")
        states: dict[str, int] = {}
        for index, report in enumerate(reports):
            changes = demo_changes(report, index)
            states[str(changes.implementation_status)] = states.get(str(changes.implementation_status), 0) + 1
            report = report_update(report=report, user=admin, changes=changes, version=report.version)
            report = report_submit(report=report, user=admin)
            report_approve(report=report, user=coordinator)
        round_close(round=round_, user=coordinator)
        round_publish(round=round_, user=coordinator)
    summary = ", ".join(f"{count} {state}" for state, count in sorted(states.items()))
    return [f"Demo round 2025 of “{plan.title[:40]}…”: {reports.count()} reports approved ({summary})."]


def demo_changes(report: Report, index: int) -> ReportChanges:
    """What the demo says about one measure, derived from its deadlines, targets and funding lines."""
    measure = report.measure
    first_deadline = min((d.due_on for d in measure.deadlines.all()), default=None)
    due_in_2025 = first_deadline is not None and first_deadline <= dt.date(2025, 12, 31)
    if due_in_2025:
        status = Implementation.LATE if index % 2 == 0 else Implementation.COMPLETED
    else:
        status = Implementation.NOT_STARTED if index % 7 == 5 else Implementation.IN_PROGRESS
    share = {Implementation.COMPLETED: Decimal(1), Implementation.LATE: Decimal("0.4")}.get(status, Decimal("0.3"))
    if status == Implementation.NOT_STARTED:
        share = Decimal(0)
    values = {
        indicator.pk: IndicatorEntry(value=(indicator.target * share).quantize(Decimal(1)))
        if indicator.is_numeric and indicator.target is not None
        else IndicatorEntry(statement=DEMO_NOTE)
        for indicator in measure.indicators.all()
    }
    spending = {
        line.pk: SpendingEntry(amount_eur=(Decimal(line.amount_eur) * share * Decimal("0.5")).quantize(Decimal(1)))
        for line in measure.funding_lines.all()
        if line.year_start is None or line.year_start <= 2025
    }
    return ReportChanges(
        implementation_status=status,
        status_reason=LATE_REASON if status == Implementation.LATE else "",
        narrative=DEMO_NOTE,
        completed_on=dt.date(2025, 12, 15) if status == Implementation.COMPLETED else None,
        indicator_values=values,
        spending=spending,
    )
