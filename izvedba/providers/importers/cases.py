"""The case extract: pseudonymised domestic-violence cases, aggregated here into the BSP tables' observations.

One row per victim–perpetrator pair of a case. Columns: `case` (a case's pseudonym), `unit` (the unit's code),
`victim`, `victim_age` (years), `victim_sex`, `perpetrator`, `perpetrator_age`, `perpetrator_sex` (the perpetrator
columns may be empty when the perpetrator is unknown), `relationship` (of the perpetrator to the victim, a
category code), `forms` (the forms of violence, category codes separated by “;”). A person's pseudonym must be
the same in every row about them. Nothing about a person is stored: only the counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from izvedba.providers.importers.cells import CellError, CellProblem, header_of, read_int, read_table
from izvedba.providers.importers.observations import ParsedObservation
from izvedba.providers.importers.schema import Schema

COLUMNS = (
    "case",
    "unit",
    "victim",
    "victim_age",
    "victim_sex",
    "perpetrator",
    "perpetrator_age",
    "perpetrator_sex",
    "relationship",
    "forms",
)
REQUIRED = ("case", "unit", "victim", "victim_age", "victim_sex", "forms")
INDICATORS = (
    "violence_cases",
    "violence_victims",
    "violence_perpetrators",
    "violence_case_forms",
    "violence_victims_by_age",
    "violence_perpetrators_by_age",
    "violence_victim_forms_by_age",
    "violence_relationships",
)


@dataclass(frozen=True)
class Person:
    id: str
    age: int
    sex: str
    row: int


@dataclass(frozen=True)
class Pair:
    case: str
    unit: str
    victim: Person
    perpetrator: Person | None
    relationship: str
    forms: tuple[str, ...]


def parse_violence_cases(
    *, name: str, text: str, schema: Schema, year: int
) -> tuple[list[ParsedObservation], list[CellError]]:
    """The year's observations for the BSP tables, or the errors that name each wrong cell."""
    header = header_of(text)
    errors = [
        CellError(name, 1, c, _("the file needs a column “%(column)s”.") % {"column": c})
        for c in REQUIRED
        if c not in header
    ]
    errors += [
        CellError(name, 1, c, _("the column “%(column)s” is not known.") % {"column": c})
        for c in header
        if c not in COLUMNS
    ]
    errors += [
        CellError(name, 1, "", schema.category_error(dimension, year, "") or "")
        for dimension in ("violence_age", "victim_age_group")
        if schema.categories(dimension, year) is None
    ]
    if errors:
        return [], errors
    reader = _Reader(name, schema, year)
    pairs = [pair for number, row in enumerate(read_table(text), 2) if (pair := reader.pair(number, row)) is not None]
    if not pairs and not reader.errors:
        reader.errors.append(CellError(name, 1, "", _("the file has no cases.")))
    if reader.errors:
        return [], reader.errors
    return aggregate(pairs, schema, year), []


class _Reader:
    def __init__(self, name: str, schema: Schema, year: int) -> None:
        self.name, self.schema, self.year = name, schema, year
        self.errors: list[CellError] = []
        self.people: dict[tuple[str, str], Person] = {}
        self.case_units: dict[str, tuple[str, int]] = {}

    def fail(self, row: int, column: str, message: str) -> None:
        self.errors.append(CellError(self.name, row, column, message))

    def pair(self, number: int, row: dict[str, str]) -> Pair | None:
        before = len(self.errors)
        for column in REQUIRED:
            if not row.get(column):
                self.fail(number, column, _("the cell is empty."))
        if len(self.errors) > before:
            return None
        unit = self._unit(number, row)
        victim = self._person(number, row, "victim")
        perpetrator = self._person(number, row, "perpetrator") if row.get("perpetrator") else None
        relationship = self._category(number, "relationship", row.get("relationship", "")) if perpetrator else ""
        forms = tuple(
            form for code in row["forms"].split(";") if (form := self._category(number, "violence_form", code.strip()))
        )
        if len(self.errors) > before or victim is None or unit is None:
            return None
        return Pair(row["case"], unit, victim, perpetrator, relationship, forms)

    def _unit(self, number: int, row: dict[str, str]) -> str | None:
        unit = row["unit"]
        if unit not in self.schema.units:
            values = {"unit": unit, "provider": self.schema.provider, "units": ", ".join(self.schema.units)}
            self.fail(number, "unit", _("“%(unit)s” is not a unit of %(provider)s; its units are: %(units)s.") % values)
            return None
        first = self.case_units.setdefault(row["case"], (unit, number))
        if first[0] != unit:
            message = _("case “%(case)s” is in unit “%(unit)s” in row %(row)d; a case belongs to one unit.")
            self.fail(number, "unit", message % {"case": row["case"], "unit": first[0], "row": first[1]})
            return None
        return unit

    def _person(self, number: int, row: dict[str, str], role: str) -> Person | None:
        try:
            age = read_int(row.get(f"{role}_age", ""), low=0, high=120, what=_("age in years"))
        except CellProblem as problem:
            self.fail(number, f"{role}_age", str(problem))
            return None
        sex = self._category(
            number, "victim_sex" if role == "victim" else "perpetrator_sex", row.get(f"{role}_sex", "")
        )
        dimensions = ("violence_age", "victim_age_group") if role == "victim" else ("violence_age",)
        for dimension in dimensions:
            if not _band(self.schema, dimension, self.year, age):
                message = _("%(age)d is in no age band of “%(dimension)s” in %(year)d.")
                label = self.schema.dimension_labels.get(dimension, dimension)
                self.fail(number, f"{role}_age", message % {"age": age, "dimension": label, "year": self.year})
                return None
        if not sex:
            return None
        person = Person(row[role], age, sex, number)
        first = self.people.setdefault((role, person.id), person)
        if (first.age, first.sex) != (age, sex):
            message = _("“%(id)s” is described differently in row %(row)d; one person has one age and sex.")
            self.fail(number, role, message % {"id": person.id, "row": first.row})
            return None
        return person

    def _category(self, number: int, dimension: str, code: str) -> str:
        column = {"victim_sex": "victim_sex", "perpetrator_sex": "perpetrator_sex", "violence_form": "forms"}.get(
            dimension, dimension
        )
        if not code:
            self.fail(number, column, _("the cell is empty."))
            return ""
        problem = self.schema.category_error(dimension, self.year, code)
        if problem:
            self.fail(number, column, problem)
            return ""
        return code


def aggregate(pairs: list[Pair], schema: Schema, year: int) -> list[ParsedObservation]:
    """Count cases, people and pairs; a person or a case counts once however many rows mention them."""
    counts: dict[tuple[str, str, tuple[tuple[str, str], ...]], set[object]] = defaultdict(set)

    def count(indicator: str, unit: str, member: object, **categories: str) -> None:
        counts[(indicator, unit, tuple(sorted(categories.items())))].add(member)

    for pair in pairs:
        victim, perpetrator = pair.victim, pair.perpetrator
        count("violence_cases", pair.unit, pair.case)
        count("violence_victims", pair.unit, victim.id)
        count("violence_victims_by_age", "", victim.id, violence_age=_band(schema, "violence_age", year, victim.age))
        group = _band(schema, "victim_age_group", year, victim.age)
        for form in pair.forms:
            count("violence_case_forms", "", pair.case, violence_form=form)
            count("violence_victim_forms_by_age", "", victim.id, violence_form=form, victim_age_group=group)
        if perpetrator is not None:
            count("violence_perpetrators", pair.unit, perpetrator.id)
            band = _band(schema, "violence_age", year, perpetrator.age)
            count("violence_perpetrators_by_age", "", perpetrator.id, violence_age=band)
            relationship = {"relationship": pair.relationship, "perpetrator_sex": perpetrator.sex}
            count("violence_relationships", "", (victim.id, perpetrator.id), **relationship, victim_sex=victim.sex)
    return [
        ParsedObservation(
            indicator=indicator,
            year=year,
            value=Decimal(len(members)),
            row=0,
            unit=unit,
            categories=categories,
            source=_("case extract"),
        )
        for (indicator, unit, categories), members in sorted(counts.items(), key=lambda item: str(item[0]))
    ]


def _band(schema: Schema, dimension: str, year: int, age: int) -> str:
    for category in schema.categories(dimension, year) or ():
        low = category.age_min if category.age_min is not None else 0
        if low <= age and (category.age_max is None or age <= category.age_max):
            return category.code
    return ""
