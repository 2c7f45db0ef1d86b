"""manage.py create_user USERNAME --role ROLE [--plan ID] [--organisation ACRONYM] [--region CODE] [--email E]
[--password-file PATH | --password-stdin] [--token]

Creates the user, or adds the role to an existing one (the same role twice changes nothing). Bad input stops the
command with exit code 2 and stores nothing. An administrator also gets `is_staff` (the admin site lets them in);
every permission follows from the role (izvedba.accounts.backends), so `is_superuser` is left alone.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from izvedba.accounts.models import RoleAssignment, User
from izvedba.accounts.services import role_grant, role_scope_problem, token_issue, user_create
from izvedba.geo.models import Region
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Plan

Role = RoleAssignment.Role
SCOPE_OPTIONS = {"plan": "--plan", "organisation": "--organisation", "region": "--region"}
ALLOWED_SCOPES = {
    Role.ADMINISTRATOR: set(),
    Role.COORDINATOR: {"plan"},
    Role.REPORTER: {"organisation"},
    Role.VIEWER: {"plan", "region"},
}
TOKEN_NAME = "manage.py create_user"
MAX_CANDIDATES = 10


def fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = (
        "Create a user with a role (coordinator --plan ID, reporter --organisation ACRONYM, viewer --plan ID or "
        "--region CODE, administrator), or add the role to an existing user; --token prints a new API key. "
        "Administrators get is_staff (the admin site) and every permission through the role, not is_superuser. "
        "Without --password-file or --password-stdin the password is unusable: set it with changepassword."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--plan", type=int, metavar="ID", help="the plan (id) a coordinator or viewer covers")
        parser.add_argument("--organisation", metavar="ACRONYM", help="a reporter's organisation (acronym or slug)")
        parser.add_argument("--region", metavar="CODE", help="a viewer's statistical region (code 01–12 or name)")
        parser.add_argument("--email", default="", help="the user's e-mail address (for new users)")
        password = parser.add_mutually_exclusive_group()
        password.add_argument("--password-file", type=Path, metavar="PATH", help="read the password from a file")
        password.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
        parser.add_argument("--token", action="store_true", help="issue an API token and print its key (shown once)")

    def handle(self, *args: Any, **options: Any) -> None:
        username = User.normalize_username(options["username"].strip())
        role = options["role"]
        with transaction.atomic():
            scope = self._scope(role, options)
            problem = role_scope_problem(role=role, **scope)
            if problem:
                raise fail(problem)
            password = self._password(options)
            user, lines = self._account(username, options["email"], password)
            lines += self._grant(user, role, scope)
            if options["token"]:
                _token, key = token_issue(user=user, name=TOKEN_NAME)
                lines += [_("API token (shown only now; keep it secret, revoke it on the account page):"), key]
        self.stdout.write("\n".join(lines))

    # --- the account and the role -----------------------------------------------------------------------------

    def _account(self, username: str, email: str, password: str | None) -> tuple[User, list[str]]:
        """The user (created when there is none by that name) and what to say about the account."""
        names = {"username": username}
        user = User.objects.filter(username=username).first()
        if user is not None:
            lines = [_("User “%(username)s” already exists.") % names]
            if password is not None:
                lines.append(
                    _("The password was not changed; to change it run: manage.py changepassword %(username)s") % names
                )
            if email.strip() and email.strip() != user.email:
                lines.append(_("The e-mail address was not changed (it is %(email)s).") % {"email": user.email or "–"})
            if not user.is_active:
                lines.append(_("Note: this account is inactive; it cannot log in or use the API."))
            return user, lines
        try:
            user = user_create(username=username, email=email, password=password)
        except ValidationError as exc:
            raise fail(_("Cannot create “%(username)s”: %(problem)s") % {**names, "problem": _text(exc)}) from exc
        lines = [self.style.SUCCESS(_("Created user “%(username)s”.") % names)]
        if password is None:
            lines.append(
                _(
                    "No password is set, so the user cannot log in yet. "
                    "Set one with: manage.py changepassword %(username)s"
                )
                % names
            )
        return user, lines

    def _grant(self, user: User, role: str, scope: dict[str, Any]) -> list[str]:
        try:
            _assignment, created = role_grant(user=user, role=role, **scope)
        except ValidationError as exc:
            raise fail(_text(exc)) from exc
        names = {"username": user.username, "role": role, "scope": _describe(scope)}
        if not created:
            return [_("“%(username)s” already has the %(role)s role%(scope)s; nothing changed.") % names]
        lines = [self.style.SUCCESS(_("Granted “%(username)s” the %(role)s role%(scope)s.") % names)]
        if role == Role.ADMINISTRATOR:
            lines.append(_("Administrators may use the admin site (is_staff is set)."))
        return lines

    # --- reading the options ----------------------------------------------------------------------------------

    def _scope(self, role: str, options: dict[str, Any]) -> dict[str, Any]:
        given = {name for name in SCOPE_OPTIONS if options[name] not in (None, "")}
        allowed = ALLOWED_SCOPES[Role(role)]
        extra = sorted(given - allowed)
        if extra:
            names = {"option": SCOPE_OPTIONS[extra[0]], "role": role}
            raise fail(_("%(option)s does not apply to the %(role)s role.") % names + " " + _needs(role))
        if not given and allowed:
            raise fail(_needs(role))
        if len(given) > 1:
            raise fail(_("A viewer role covers a plan or a region, not both: run the command once for each."))
        return {
            "plan": _plan(options["plan"]) if "plan" in given else None,
            "organisation": _organisation(options["organisation"]) if "organisation" in given else None,
            "region": _region(options["region"]) if "region" in given else None,
        }

    def _password(self, options: dict[str, Any]) -> str | None:
        path: Path | None = options["password_file"]
        if path is not None:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise fail(
                    _("Cannot read the password file %(path)s: %(error)s") % {"path": path, "error": exc}
                ) from exc
            return _password_text(text, str(path))
        if options["password_stdin"]:
            stdin = options.get("stdin") or sys.stdin
            return _password_text(stdin.read(), _("standard input"))
        return None


def _needs(role: str) -> str:
    return {
        Role.ADMINISTRATOR: _("An administrator covers everything: give no --plan, --organisation or --region."),
        Role.COORDINATOR: _("A coordinator needs the plan they coordinate: add --plan ID."),
        Role.REPORTER: _("A reporter needs the organisation they report for: add --organisation ACRONYM."),
        Role.VIEWER: _("A viewer needs what they may view: add --plan ID or --region CODE."),
    }[Role(role)]


def _password_text(text: str, source: str) -> str:
    password = text.rstrip("\r\n")
    if not password:
        raise fail(_("The password from %(source)s is empty.") % {"source": source})
    return password


def _plan(plan_id: int) -> Plan:
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is not None:
        return plan
    plans = Plan.objects.order_by("-pk")[:MAX_CANDIDATES]
    listed = "; ".join(f"{p.pk} “{p.title[:70]}”" for p in plans) or _("there are no plans yet")
    raise fail(_("No plan has the id %(id)d. Plans (id “title”): %(plans)s.") % {"id": plan_id, "plans": listed})


def _organisation(written: str) -> Organisation:
    """By acronym (any case), or by slug when the acronym is not unique."""
    text = written.strip()
    matches = list(Organisation.objects.filter(acronym__iexact=text)[: MAX_CANDIDATES + 1])
    if len(matches) == 1:
        return matches[0]
    by_slug = Organisation.objects.filter(slug=text).first()
    if by_slug is not None:
        return by_slug
    names = {"text": text}
    if matches:
        raise fail(
            _("Several organisations have the acronym “%(text)s”: %(candidates)s. Give the slug instead.")
            % {**names, "candidates": _candidates(matches)}
        )
    similar = list(Organisation.objects.filter(Q(acronym__icontains=text) | Q(name__icontains=text))[:MAX_CANDIDATES])
    if similar:
        raise fail(
            _("No organisation has the acronym or slug “%(text)s”. Similar: %(candidates)s.")
            % {**names, "candidates": _candidates(similar)}
        )
    raise fail(
        _("No organisation has the acronym or slug “%(text)s”; the organisations are listed at /organizacije/.") % names
    )


def _candidates(organisations: list[Organisation]) -> str:
    return "; ".join(f"{o.acronym or '–'} = {o.name} (slug {o.slug})" for o in organisations[:MAX_CANDIDATES])


def _region(written: str) -> Region:
    """By SURS code ('04', '4') or by Slovenian or English name, in any case."""
    text = written.strip()
    code = text.zfill(2) if text.isdigit() else None
    query = Q(code=code) if code else Q(name__iexact=text) | Q(name_en__iexact=text)
    region = Region.objects.filter(query).first()
    if region is not None:
        return region
    listed = ", ".join(f"{r.code} {r.name}" for r in Region.objects.order_by("code")) or _("none are loaded")
    raise fail(
        _("No region has the code or name “%(text)s”. Regions: %(regions)s.") % {"text": text, "regions": listed}
    )


def _describe(scope: dict[str, Any]) -> str:
    if scope["plan"] is not None:
        return " " + _("for plan %(id)d “%(title)s”") % {"id": scope["plan"].pk, "title": scope["plan"].title}
    if scope["organisation"] is not None:
        return " " + _("for organisation %(name)s") % {"name": scope["organisation"].label}
    if scope["region"] is not None:
        return " " + _("for region %(code)s %(name)s") % {"code": scope["region"].code, "name": scope["region"].name}
    return ""


def _text(exc: ValidationError) -> str:
    """The messages, each after the field it is about ("email: Enter a valid email address.")."""
    if hasattr(exc, "error_dict"):
        return " ".join(f"{field}: {message}" for field, messages in exc.message_dict.items() for message in messages)
    return " ".join(str(message) for message in exc.messages)
