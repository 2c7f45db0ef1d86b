from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from izvedba.core.models import TimeStampedModel


class Resolution(models.Model):
    """A national social-protection programme (ReNPSV) for a programme period."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=300)
    period_start = models.PositiveSmallIntegerField(_("period start"))
    period_end = models.PositiveSmallIntegerField(_("period end"))
    gazette = models.CharField(_("official gazette"), max_length=100, blank=True)

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    def __str__(self) -> str:
        return self.code

    def covers(self, year: int) -> bool:
        return self.period_start <= year <= self.period_end


class Goal(models.Model):
    """A key goal (ključni cilj) of a resolution."""

    resolution = models.ForeignKey(Resolution, models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.TextField(_("title"))

    class Meta:
        ordering = ["resolution", "number"]
        constraints = [models.UniqueConstraint(fields=["resolution", "number"], name="unique_goal_number")]
        verbose_name = _("key goal")
        verbose_name_plural = _("key goals")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Area(models.Model):
    """An area (področje) in which a resolution works out a goal."""

    goal = models.ForeignKey(Goal, models.CASCADE, related_name="areas")
    code = models.CharField(_("code"), max_length=10)
    title = models.TextField(_("title"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["goal", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["goal", "code"], name="unique_area_code")]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Plan(TimeStampedModel):
    """A national or regional implementation plan (izvedbeni načrt)."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National plan")
        REGIONAL = "regional", _("Regional plan")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.TextField(_("title"))
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("period start"))
    period_end = models.PositiveSmallIntegerField(_("period end"))
    resolution = models.ForeignKey(
        Resolution, models.PROTECT, null=True, blank=True, related_name="plans", verbose_name=_("resolution")
    )
    region = models.ForeignKey(
        "geo.Region", models.PROTECT, null=True, blank=True, related_name="plans", verbose_name=_("region")
    )
    parent = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="children", verbose_name=_("parent plan")
    )
    coordinator = models.ForeignKey(
        "organisations.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_plans",
        verbose_name=_("coordinating organisation"),
    )
    coordinator_appointed_by = models.CharField(_("coordinator appointed by"), max_length=200, blank=True)
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        "geo.Municipality", through="PlanMunicipality", related_name="plans", verbose_name=_("municipalities")
    )
    centres = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="covered_plans",
        verbose_name=_("centres covered"),
    )
    source_document = models.ForeignKey(
        "documents.SourceDocument",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("source document"),
    )
    warnings = models.JSONField(_("import warnings"), default=list, blank=True)

    class Meta:
        ordering = ["-period_start", "kind", "title"]
        verbose_name = _("implementation plan")
        verbose_name_plural = _("implementation plans")

    def __str__(self) -> str:
        return self.title

    @property
    def years(self) -> range:
        return range(self.period_start, self.period_end + 1)


class PlanMunicipality(models.Model):
    plan = models.ForeignKey(Plan, models.CASCADE)
    municipality = models.ForeignKey("geo.Municipality", models.PROTECT)
    name_as_written = models.CharField(_("name as written"), max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["plan", "municipality"], name="unique_plan_municipality")]

    def __str__(self) -> str:
        return self.name_as_written


class CoordinationGroupSeat(models.Model):
    """How many members of one category sit in the plan's coordination group."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="group_seats")
    category = models.CharField(_("category"), max_length=200)
    count = models.PositiveSmallIntegerField(_("count"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.count} × {self.category}"


class ContextIndicator(models.Model):
    """A demographic or social figure the plan gives as context (e.g. the ageing index)."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="context_indicators")
    name = models.CharField(_("name"), max_length=300)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    source_text = models.TextField(_("source text"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class PlanPriority(models.Model):
    plan = models.ForeignKey(Plan, models.CASCADE, related_name="priorities")
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.text


class PlanRisk(models.Model):
    plan = models.ForeignKey(Plan, models.CASCADE, related_name="risks")
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.text


class FundingSource(models.Model):
    """A source of money as plans name it once normalised ('Proračun RS', 'ESS+/SLO')."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    needs_review = models.BooleanField(_("needs review"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")

    def __str__(self) -> str:
        return self.name


class Measure(models.Model):
    """A measure (ukrep) of a plan; a sub-row of a measure is a Measure with a parent."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="measures")
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="sub_rows", verbose_name=_("measure")
    )
    sub_index = models.PositiveSmallIntegerField(_("sub-row"), default=0)
    code = models.CharField(_("code"), max_length=20)
    goal = models.ForeignKey(Goal, models.PROTECT, null=True, blank=True, related_name="measures")
    area = models.ForeignKey(Area, models.PROTECT, null=True, blank=True, related_name="measures")
    title = models.TextField(_("title"))
    purpose = models.TextField(_("purpose"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    no_additional_funds = models.BooleanField(_("no additional funds"), default=False)
    raw = models.JSONField(_("source cells"), default=dict, blank=True)
    warnings = models.JSONField(_("import warnings"), default=list, blank=True)
    search_text = models.TextField(
        _("search text"),
        blank=True,
        editable=False,
        help_text=_("Code, title, purpose, indicators and names, lower case without diacritics."),
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation", through="Responsibility", related_name="measures"
    )
    funding_sources = models.ManyToManyField(FundingSource, through="MeasureFundingSource", related_name="measures")

    class Meta:
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code", "sub_index"], name="unique_measure_code"),
        ]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self) -> str:
        return f"{self.code} {self.title}" if not self.parent_id else f"{self.code}/{self.sub_index} {self.title}"


class Responsibility(models.Model):
    class Role(models.TextChoices):
        HOLDER = "holder", _("Holder")
        PARTICIPANT = "participant", _("Participant")

    measure = models.ForeignKey(Measure, models.CASCADE, related_name="responsibilities")
    organisation = models.ForeignKey("organisations.Organisation", models.PROTECT, related_name="responsibilities")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    scope = models.CharField(_("scope"), max_length=200, blank=True, help_text=_("e.g. 'ukrep 10' only"))
    name_as_written = models.CharField(_("name as written"), max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role", "order"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self) -> str:
        return self.name_as_written


class MeasureFundingSource(models.Model):
    measure = models.ForeignKey(Measure, models.CASCADE)
    source = models.ForeignKey(FundingSource, models.PROTECT)
    name_as_written = models.CharField(_("name as written"), max_length=500)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name_as_written


class FundingLine(models.Model):
    """Estimated funds: an amount for a year, a span of years, each year, or in total."""

    class Basis(models.TextChoices):
        YEAR = "year", _("in the year")
        SPAN = "span", _("over the years")
        PER_YEAR = "per_year", _("each year")
        TOTAL = "total", _("in total")

    measure = models.ForeignKey(Measure, models.CASCADE, related_name="funding_lines")
    source = models.ForeignKey(FundingSource, models.PROTECT, null=True, blank=True, related_name="lines")
    basis = models.CharField(_("basis"), max_length=10, choices=Basis.choices)
    year_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    year_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    amount_eur = models.BigIntegerField(_("amount (EUR)"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [models.CheckConstraint(condition=models.Q(amount_eur__gte=0), name="amount_not_negative")]

    def __str__(self) -> str:
        return f"{self.period_label}: {self.amount_eur} EUR"

    @property
    def period_label(self) -> str:
        if self.basis == self.Basis.SPAN:
            return f"{self.year_start}–{self.year_end}"
        if self.basis == self.Basis.YEAR:
            return str(self.year_start)
        return str(self.get_basis_display())


class Deadline(models.Model):
    measure = models.ForeignKey(Measure, models.CASCADE, related_name="deadlines")
    due_on = models.DateField(_("due on"))
    label = models.TextField(_("label"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["due_on", "order"]

    def __str__(self) -> str:
        return f"{self.due_on.isoformat()} {self.label}".strip()


class Indicator(models.Model):
    class Direction(models.TextChoices):
        INCREASE = "increase", _("higher is better")
        DECREASE = "decrease", _("lower is better")

    measure = models.ForeignKey(Measure, models.CASCADE, related_name="indicators")
    text = models.TextField(_("text"))
    target = models.DecimalField(_("target value"), max_digits=18, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    # How progress is computed (izvedba.monitoring.progress); the coordinator sets these, the import does not.
    baseline_value = models.DecimalField(_("baseline value"), max_digits=18, decimal_places=4, null=True, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE)
    cumulative = models.BooleanField(
        _("cumulative"),
        default=False,
        help_text=_("Values reported in each round add up towards the target (e.g. persons included per year)."),
    )
    target_year = models.PositiveSmallIntegerField(
        _("target year"), null=True, blank=True, help_text=_("Empty: the last year of the plan.")
    )

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_numeric(self) -> bool:
        """An indicator with a numeric target takes a number; one without takes a statement."""
        return self.target is not None
