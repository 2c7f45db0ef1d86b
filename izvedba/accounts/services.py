"""Creating accounts, granting roles and issuing API tokens (manage.py create_user and the account page call these)."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from izvedba.accounts.access import forget_roles
from izvedba.accounts.models import ApiToken, RoleAssignment, User
from izvedba.geo.models import Region
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Plan

Role = RoleAssignment.Role
TOKEN_NAME_MAX = ApiToken._meta.get_field("name").max_length or 100


def role_scope_problem(
    *, role: str, plan: Plan | None = None, organisation: Organisation | None = None, region: Region | None = None
) -> str | None:
    """Why this role cannot have this scope (what is missing or does not apply), or None when it fits.

    The same rule as the `role_scope_fits_role` constraint, in words a person can act on.
    """
    if role not in Role.values:
        return _("Unknown role “%(role)s”; choose one of: %(roles)s.") % {"role": role, "roles": ", ".join(Role.values)}
    given = {"plan": plan is not None, "organisation": organisation is not None, "region": region is not None}
    allowed = {
        Role.ADMINISTRATOR: set(),
        Role.COORDINATOR: {"plan"},
        Role.REPORTER: {"organisation"},
        Role.VIEWER: {"plan", "region"},
    }[Role(role)]
    extra = [name for name, present in given.items() if present and name not in allowed]
    if extra:
        messages = {
            "plan": _("The %(role)s role does not take a plan."),
            "organisation": _("The %(role)s role does not take an organisation."),
            "region": _("The %(role)s role does not take a region."),
        }
        return messages[extra[0]] % {"role": Role(role).label}
    if role == Role.COORDINATOR and plan is None:
        return _("A coordinator needs the plan they coordinate.")
    if role == Role.REPORTER and organisation is None:
        return _("A reporter needs the organisation they report for.")
    if role == Role.VIEWER and plan is None and region is None:
        return _("A viewer needs a plan or a region to view.")
    if role == Role.VIEWER and plan is not None and region is not None:
        return _("A viewer role covers either a plan or a region, not both; grant two roles instead.")
    return None


@transaction.atomic
def user_create(*, username: str, email: str = "", password: str | None = None) -> User:
    """A new active user; without a password the account gets an unusable one (set it with changepassword).

    Raises ValidationError for a taken or malformed username, a malformed e-mail address or a weak password.
    """
    user = User(username=User.normalize_username(username.strip()), email=User.objects.normalize_email(email.strip()))
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    if password is not None:
        validate_password(password, user)
        user.set_password(password)
    user.save()
    return user


@transaction.atomic
def role_grant(
    *,
    user: User,
    role: str,
    plan: Plan | None = None,
    organisation: Organisation | None = None,
    region: Region | None = None,
) -> tuple[RoleAssignment, bool]:
    """Give `user` the role (idempotent: a role already held is returned with created=False).

    An administrator also gets `is_staff` so the admin site lets them in; what they may do there and everywhere
    else follows from the role (izvedba.accounts.backends grants administrators every model permission).
    """
    problem = role_scope_problem(role=role, plan=plan, organisation=organisation, region=region)
    if problem:
        raise ValidationError(problem)
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, plan=plan, organisation=organisation, region=region
    )
    if role == Role.ADMINISTRATOR and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    forget_roles(user)
    return assignment, created


@transaction.atomic
def token_issue(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new API token for `user` and its key, which is shown once and never stored."""
    name = " ".join(name.split())
    if len(name) > TOKEN_NAME_MAX:
        raise ValidationError(
            _("A token name has at most %(max)d characters (this one has %(n)d).")
            % {"max": TOKEN_NAME_MAX, "n": len(name)}
        )
    return ApiToken.issue(user, name)


@transaction.atomic
def token_revoke(*, user: User, token_id: int) -> ApiToken:
    """Delete one of `user`'s own tokens; someone else's (or a missing one) raises ApiToken.DoesNotExist."""
    token = ApiToken.objects.select_for_update().get(pk=token_id, user=user)
    token.delete()
    return token
