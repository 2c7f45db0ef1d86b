"""Monitoring: reporting rounds, one report per measure and round, and what each report carries.

Rules about who may do what are in izvedba.accounts.access; the workflow is in izvedba.monitoring.services.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from izvedba.core.models import TimeStampedModel


class Round(TimeStampedModel):
    """A reporting round: a plan, a period and a due date. Opening it creates a draft report per measure."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    plan = models.ForeignKey("plans.Plan", models.CASCADE, related_name="rounds", verbose_name=_("plan"))
    label = models.CharField(_("label"), max_length=100)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("opened by")
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    published_at = models.DateTimeField(
        _("published at"), null=True, blank=True, help_text=_("Approved figures of a published round are public.")
    )

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["plan", "-period_end", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "label"], name="round_label_unique_per_plan"),
            models.CheckConstraint(
                name="round_period_ordered", condition=models.Q(period_end__gte=models.F("period_start"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan.title[:60]} — {self.label}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Report(TimeStampedModel):
    """How one measure stood in one round, as its holder reports it and the coordinator reviews it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        APPROVED = "approved", _("approved")

    class Implementation(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")
        LATE = "late", _("late")
        ABANDONED = "abandoned", _("abandoned")

    NEEDS_REASON = (Implementation.LATE, Implementation.ABANDONED)

    round = models.ForeignKey(Round, models.CASCADE, related_name="reports", verbose_name=_("round"))
    measure = models.ForeignKey("plans.Measure", models.CASCADE, related_name="reports", verbose_name=_("measure"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    implementation_status = models.CharField(
        _("implementation status"), max_length=12, choices=Implementation.choices, blank=True
    )
    status_reason = models.TextField(
        _("reason"), blank=True, help_text=_("Required when the measure is late or abandoned.")
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)
    risks = models.ManyToManyField("plans.PlanRisk", blank=True, related_name="reports", verbose_name=_("risks met"))
    risks_other = models.TextField(_("other risks met"), blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("changed by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["round", "measure__order", "measure__sub_index"]
        constraints = [models.UniqueConstraint(fields=["round", "measure"], name="report_unique_per_round_measure")]
        indexes = [models.Index(fields=["round", "status"], name="report_round_status")]

    def __str__(self) -> str:
        return f"{self.measure.code} — {self.round.label}"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class IndicatorValue(models.Model):
    """What a report says an indicator reached: a number (with the indicator's unit) or a statement."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="indicator_values")
    indicator = models.ForeignKey("plans.Indicator", models.CASCADE, related_name="values", verbose_name=_("indicator"))
    value = models.DecimalField(_("value reached"), max_digits=18, decimal_places=4, null=True, blank=True)
    statement = models.TextField(_("statement"), blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="indicator_value_unique")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value if self.value is not None else self.statement}"


class Spending(models.Model):
    """Money a report says was spent against one of its measure's funding lines."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="spending")
    funding_line = models.ForeignKey("plans.FundingLine", models.CASCADE, related_name="spending")
    amount_eur = models.DecimalField(_("spent (EUR)"), max_digits=14, decimal_places=2)
    note = models.TextField(_("note"), blank=True, help_text=_("Required when more was spent than planned."))

    class Meta:
        verbose_name = _("spending")
        verbose_name_plural = _("spending")
        constraints = [models.UniqueConstraint(fields=["report", "funding_line"], name="spending_unique_per_line")]

    def __str__(self) -> str:
        return f"{self.funding_line}: {self.amount_eur}"


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"evidence/{instance.report.round_id}/{instance.report_id}/{filename}"


class Evidence(models.Model):
    """A file a reporter attaches to a report; the original name is kept, the file under a safe name."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class Contribution(models.Model):
    """What a participating organisation adds to the holder's report."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="contributions")
    organisation = models.ForeignKey("organisations.Organisation", models.CASCADE, related_name="contributions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("contribution"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.text[:40]}"


class Snapshot(models.Model):
    """A round frozen as it stood: its reports and progress as JSON, which later edits do not alter."""

    round = models.ForeignKey(Round, models.CASCADE, related_name="snapshots", verbose_name=_("round"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    data = models.JSONField(_("data"))

    class Meta:
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.round} @ {self.created_at:%Y-%m-%d %H:%M}"


class Reminder(models.Model):
    """A reminder sent (or escalation) for a report on a day; send_reminders reads these to stay idempotent."""

    class Kind(models.TextChoices):
        DUE_14 = "due_14", _("due within 14 days")
        DUE_3 = "due_3", _("due within 3 days")
        LATE = "late", _("late")
        ESCALATION = "escalation", _("escalated to the coordinator")

    report = models.ForeignKey(Report, models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"))
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [models.UniqueConstraint(fields=["report", "kind", "sent_on"], name="reminder_once_per_day")]

    def __str__(self) -> str:
        return f"{self.report}: {self.kind} {self.sent_on}"
