"""The demo: reference data and the plans in demo/data, imported through the same path users use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from izvedba.demo.monitoring import demo_role_users_create, demo_round_load
from izvedba.documents.services import plan_import
from izvedba.geo.services import reference_load
from izvedba.plans.services import plan_reference_load
from izvedba.providers.services.demo import demo_load as providers_demo_load
from izvedba.publications.languages import demo_translations_load

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_PLANS = ("nin-2025-2026.txt", "rin-obalno-kraska-2014-2016.txt")
# Demo accounts (README): an administrator and a desk officer who may import plans. Demo only.
DEMO_PASSWORD = "izvedba-demo"
DEMO_USERS = (("admin", True), ("uvoz", False))


def demo_load(*, progress: Callable[[str], object] = print) -> list[str]:
    """Load everything the demo needs; a second run changes nothing. Returns one line per step."""
    lines = []
    result = reference_load()
    lines.append(f"Reference data: {result.created} created, {result.updated} updated.")
    plan_reference_load()
    lines.extend(demo_users_create())
    for name in DEMO_PLANS:
        progress(f"Importing {name} …")
        outcome = plan_import(data=(DATA_DIR / name).read_bytes(), filename=name)
        state = "unchanged" if outcome.unchanged else "imported"
        lines.append(f"Plan {outcome.plan.pk} “{outcome.plan.title}”: {state}.")
    lines.extend(demo_translations_load())  # measure titles in en and it (council material for Koper)
    lines.extend(demo_role_users_create(DEMO_PASSWORD))
    progress("Loading the 2025 monitoring round …")
    lines.extend(demo_round_load())
    lines.extend(providers_demo_load(progress=progress))
    return lines


def demo_users_create() -> list[str]:
    """The demo's accounts, created once with the demo password; existing accounts are left alone."""
    user_model = get_user_model()
    created = []
    for username, is_admin in DEMO_USERS:
        if user_model.objects.filter(username=username).exists():
            continue
        user = user_model.objects.create_user(
            username=username, password=DEMO_PASSWORD, is_staff=is_admin, is_superuser=is_admin
        )
        if not is_admin:
            user.user_permissions.add(Permission.objects.get(codename="add_plan", content_type__app_label="plans"))
        created.append(f"Demo account “{username}” created (password “{DEMO_PASSWORD}”).")
    return created
