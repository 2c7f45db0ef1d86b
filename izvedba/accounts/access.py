"""Who may see or change what. Every view and endpoint asks here; templates and views hold no rules.

Plans, measures, organisations and regions come from public documents and are readable by everyone.
Importing a plan needs an account with the `plans.add_plan` permission (or an administrator).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied


def can_import_plans(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and (user.is_superuser or user.has_perm("plans.add_plan")))


def require_import_plans(user: Any) -> None:
    if not can_import_plans(user):
        raise PermissionDenied


def can_read_plans(user: Any) -> bool:
    """Plans, measures, organisations and regions are public documents: everyone may read them."""
    return True


def require_read_plans(user: Any) -> None:
    if not can_read_plans(user):
        raise PermissionDenied
