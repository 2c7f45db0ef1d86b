"""Writes to the plan registry: reference data, and plans created from parsed documents."""

from .apply import PlanExistsError, plan_create_from_parsed, plan_slug
from .reference import funding_source_resolve, plan_reference_load, resolution_for_period

__all__ = [
    "PlanExistsError",
    "funding_source_resolve",
    "plan_create_from_parsed",
    "plan_reference_load",
    "plan_slug",
    "resolution_for_period",
]
