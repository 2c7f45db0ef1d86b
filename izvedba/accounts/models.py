from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "izv_"


class User(AbstractUser):
    """The project's user, custom from the first migration so roles can be added without pain."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class RoleAssignment(models.Model):
    """One role a user holds, scoped to what it applies to (izvedba.accounts.access reads these)."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("administrator")
        COORDINATOR = "coordinator", _("coordinator")
        REPORTER = "reporter", _("reporter")
        VIEWER = "viewer", _("viewer")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    plan = models.ForeignKey(
        "plans.Plan", models.CASCADE, null=True, blank=True, related_name="role_assignments", verbose_name=_("plan")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("organisation"),
    )
    region = models.ForeignKey(
        "geo.Region", models.CASCADE, null=True, blank=True, related_name="role_assignments", verbose_name=_("region")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                name="role_scope_fits_role",
                condition=(
                    Q(role="administrator", plan__isnull=True, organisation__isnull=True, region__isnull=True)
                    | Q(role="coordinator", plan__isnull=False, organisation__isnull=True, region__isnull=True)
                    | Q(role="reporter", plan__isnull=True, organisation__isnull=False, region__isnull=True)
                    | Q(role="viewer", organisation__isnull=True, plan__isnull=False, region__isnull=True)
                    | Q(role="viewer", organisation__isnull=True, plan__isnull=True, region__isnull=False)
                ),
            ),
            # One row per user and scope; partial indexes, since NULLs never collide in a plain unique index.
            models.UniqueConstraint(
                fields=["user"], condition=Q(role="administrator"), name="role_unique_administrator"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "plan"], condition=Q(plan__isnull=False), name="role_unique_per_plan"
            ),
            models.UniqueConstraint(
                fields=["user", "organisation"], condition=Q(role="reporter"), name="role_unique_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["user", "region"], condition=Q(region__isnull=False), name="role_unique_per_region"
            ),
        ]

    def __str__(self) -> str:
        scope = self.plan or self.organisation or self.region
        return f"{self.user} — {self.get_role_display()}" + (f" ({scope})" if scope else "")


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def for_key(self, key: str) -> ApiToken | None:
        """The live token for a presented key, or None (keys are stored only as SHA-256 digests)."""
        if not key.startswith(TOKEN_PREFIX):
            return None
        return self.select_related("user").filter(digest=ApiToken.digest_of(key), user__is_active=True).first()


class ApiToken(models.Model):
    """A per-user key for the API (`Authorization: Bearer izv_…`); only its digest is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    prefix = models.CharField(
        _("prefix"), max_length=12, help_text=_("The key's first characters, to tell keys apart.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str = "") -> tuple[ApiToken, str]:
        """A new token for `user`; the key is returned once and never stored."""
        key = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, digest=cls.digest_of(key), prefix=key[:10])
        return token, key
