"""What the upload, command and bad-input tests share: the seed texts, a cast of users, and row counts."""

from __future__ import annotations

from django.contrib.auth.models import Permission

from izvedba.accounts.models import User
from izvedba.demo.services import DATA_DIR
from izvedba.documents.models import ImportRun, SourceDocument
from izvedba.geo.services import reference_load
from izvedba.plans.models import Measure, Plan
from izvedba.plans.services import plan_reference_load

NIN_TEXT = DATA_DIR / "nin-2025-2026.txt"
RIN_TEXT = DATA_DIR / "rin-obalno-kraska-2014-2016.txt"


def reference_data_load() -> None:
    """Regions, municipalities, centres and resolutions: what an import resolves names against."""
    reference_load()
    plan_reference_load()


def make_importer(username: str) -> User:
    """A user with the permission to import plans (`plans.add_plan`)."""
    user = User.objects.create_user(username, f"{username}@example.org", "geslo-za-test")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="plans", codename="add_plan"))
    return user


def stored_counts() -> dict[str, int]:
    """Rows an import could leave behind."""
    return {
        "source documents": SourceDocument.objects.count(),
        "imports": ImportRun.objects.count(),
        "plans": Plan.objects.count(),
        "measures": Measure.objects.count(),
    }
