from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import translation

from izvedba.accounts import access
from izvedba.accounts.models import ApiToken, RoleAssignment, User
from izvedba.geo.models import Region
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Plan

Role = RoleAssignment.Role
PASSWORD = "Kresnica-na-travniku-42"


def run(*args: str, stdin: str | None = None) -> str:
    out = io.StringIO()
    extra: dict[str, Any] = {"stdin": io.StringIO(stdin)} if stdin is not None else {}
    with translation.override("en"):
        call_command("create_user", *args, stdout=out, no_color=True, **extra)
    return out.getvalue()


class CreateUserTestCase(TestCase):
    plan: Plan
    region: Region
    msp: Organisation

    @classmethod
    def setUpTestData(cls) -> None:
        cls.region = Region.objects.create(
            code="04", name="Savinjska", name_en="Savinjska", nuts3_code="SI034", area_km2=2301
        )
        Region.objects.create(code="08", name="Osrednjeslovenska", name_en="Central Slovenia", nuts3_code="SI041",
                              area_km2=2334)  # fmt: skip
        cls.plan = Plan.objects.create(
            kind=Plan.Kind.REGIONAL, title="Regijski izvedbeni načrt Savinjske regije", slug="rin-savinjska",
            period_start=2025, period_end=2028, region=cls.region,
        )  # fmt: skip
        cls.msp = Organisation.objects.create(
            name="Ministrstvo za solidarno prihodnost", acronym="MSP", slug="msp", kind=Organisation.Kind.MINISTRY
        )
        for slug, name in (
            ("csd-celje", "Center za socialno delo Celje"),
            ("csd-koper", "Center za socialno delo Koper"),
        ):
            Organisation.objects.create(name=name, acronym="CSD", slug=slug, kind=Organisation.Kind.CSD)

    def roles(self, username: str) -> list[tuple[str, int | None, int | None, int | None]]:
        return list(
            RoleAssignment.objects.filter(user__username=username).values_list(
                "role", "plan_id", "organisation_id", "region_id"
            )
        )

    def refuse(self, *args: str, message: str, stdin: str | None = None) -> CommandError:
        users, roles, tokens = User.objects.count(), RoleAssignment.objects.count(), ApiToken.objects.count()
        with self.assertRaises(CommandError) as caught:
            run(*args, stdin=stdin)
        self.assertIn(message, str(caught.exception))
        self.assertEqual(caught.exception.returncode, 2)
        self.assertEqual(
            (User.objects.count(), RoleAssignment.objects.count(), ApiToken.objects.count()), (users, roles, tokens)
        )
        return caught.exception


class RoleTests(CreateUserTestCase):
    def test_it_creates_an_administrator_who_may_use_the_admin_site(self) -> None:
        out = run("ana", "--role", "administrator")
        ana = User.objects.get(username="ana")
        self.assertEqual(self.roles("ana"), [(Role.ADMINISTRATOR, None, None, None)])
        self.assertTrue(ana.is_staff)
        self.assertFalse(ana.is_superuser)
        self.assertTrue(access.can_import_plans(ana))
        self.assertTrue(ana.has_perm("accounts.change_user"))
        self.assertIn("Created user “ana”.", out)
        self.assertIn("Granted “ana” the administrator role.", out)

    def test_it_creates_a_coordinator_of_a_plan(self) -> None:
        out = run("bojan", "--role", "coordinator", "--plan", str(self.plan.pk))
        self.assertEqual(self.roles("bojan"), [(Role.COORDINATOR, self.plan.pk, None, None)])
        self.assertTrue(access.can_coordinate(User.objects.get(username="bojan"), self.plan))
        self.assertFalse(User.objects.get(username="bojan").is_staff)
        self.assertIn(f"for plan {self.plan.pk} “Regijski izvedbeni načrt Savinjske regije”", out)

    def test_it_creates_a_reporter_for_an_organisation_found_by_acronym_in_any_case(self) -> None:
        out = run("cvetka", "--role", "reporter", "--organisation", "msp")
        self.assertEqual(self.roles("cvetka"), [(Role.REPORTER, None, self.msp.pk, None)])
        self.assertIn("for organisation MSP – Ministrstvo za solidarno prihodnost", out)

    def test_it_takes_the_slug_when_an_acronym_is_shared(self) -> None:
        run("darja", "--role", "reporter", "--organisation", "csd-koper")
        self.assertEqual(self.roles("darja")[0][2], Organisation.objects.get(slug="csd-koper").pk)

    def test_it_creates_a_viewer_of_a_plan(self) -> None:
        run("eva", "--role", "viewer", "--plan", str(self.plan.pk))
        self.assertEqual(self.roles("eva"), [(Role.VIEWER, self.plan.pk, None, None)])

    def test_it_creates_a_viewer_of_a_region_by_code_or_name(self) -> None:
        for username, written in (("franc", "04"), ("gaja", "4"), ("hana", "savinjska"), ("igor", "Central Slovenia")):
            with self.subTest(region=written):
                run(username, "--role", "viewer", "--region", written)
                expected = self.region if written != "Central Slovenia" else Region.objects.get(code="08")
                self.assertEqual(self.roles(username), [(Role.VIEWER, None, None, expected.pk)])

    def test_it_stores_the_email_address(self) -> None:
        run("jana", "--role", "administrator", "--email", "jana@example.org")
        self.assertEqual(User.objects.get(username="jana").email, "jana@example.org")


class PasswordTests(CreateUserTestCase):
    def test_it_leaves_the_password_unusable_and_says_how_to_set_one(self) -> None:
        out = run("ana", "--role", "administrator")
        self.assertFalse(User.objects.get(username="ana").has_usable_password())
        self.assertIn("manage.py changepassword ana", out)

    def test_it_reads_the_password_from_a_file(self) -> None:
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "password"
            path.write_text(PASSWORD + "\n", encoding="utf-8")
            out = run("ana", "--role", "administrator", "--password-file", str(path))
        self.assertEqual(authenticate(username="ana", password=PASSWORD), User.objects.get(username="ana"))
        self.assertNotIn("changepassword", out)
        self.assertNotIn(PASSWORD, out)

    def test_it_reads_the_password_from_standard_input(self) -> None:
        run("ana", "--role", "administrator", "--password-stdin", stdin=PASSWORD + "\n")
        self.assertIsNotNone(authenticate(username="ana", password=PASSWORD))

    def test_it_refuses_a_weak_password(self) -> None:
        self.refuse("ana", "--role", "administrator", "--password-stdin", stdin="password", message="too common")

    def test_it_refuses_an_empty_password(self) -> None:
        self.refuse(
            "ana", "--role", "administrator", "--password-stdin", stdin="\n", message="from standard input is empty"
        )

    def test_it_refuses_a_missing_password_file(self) -> None:
        self.refuse(
            "ana",
            "--role",
            "administrator",
            "--password-file",
            "/nonexistent/pw",
            message="Cannot read the password file",
        )

    def test_it_refuses_two_password_sources(self) -> None:
        with self.assertRaisesMessage(CommandError, "not allowed with argument"):
            run("ana", "--role", "administrator", "--password-stdin", "--password-file", "/tmp/pw")
        self.assertFalse(User.objects.exists())


class TokenTests(CreateUserTestCase):
    def test_it_prints_a_key_that_opens_the_api_on_its_own_line(self) -> None:
        out = run("ana", "--role", "reporter", "--organisation", "MSP", "--token")
        key = out.strip().splitlines()[-1]
        self.assertTrue(key.startswith("izv_"))
        token = ApiToken.objects.for_key(key)
        assert token is not None
        self.assertEqual(token.user.username, "ana")
        self.assertIn("shown only now", out)

    def test_it_issues_no_token_unless_asked(self) -> None:
        run("ana", "--role", "administrator")
        self.assertFalse(ApiToken.objects.exists())


class ExistingUserTests(CreateUserTestCase):
    def test_it_changes_nothing_when_run_again_and_says_so(self) -> None:
        run("bojan", "--role", "coordinator", "--plan", str(self.plan.pk))
        out = run("bojan", "--role", "coordinator", "--plan", str(self.plan.pk))
        self.assertEqual(User.objects.filter(username="bojan").count(), 1)
        self.assertEqual(len(self.roles("bojan")), 1)
        self.assertIn("User “bojan” already exists.", out)
        self.assertIn("already has the coordinator role", out)
        self.assertIn("nothing changed", out)

    def test_it_adds_another_role_to_an_existing_user(self) -> None:
        run("bojan", "--role", "coordinator", "--plan", str(self.plan.pk))
        out = run("bojan", "--role", "reporter", "--organisation", "MSP")
        self.assertEqual(len(self.roles("bojan")), 2)
        self.assertIn("Granted “bojan” the reporter role", out)

    def test_it_leaves_an_existing_users_password_and_email_alone(self) -> None:
        User.objects.create_user("bojan", email="bojan@example.org", password=PASSWORD)
        out = run("bojan", "--role", "viewer", "--region", "04", "--email", "novi@example.org", "--password-stdin",
                  stdin="Drugo-geslo-za-bojana-7")  # fmt: skip
        bojan = User.objects.get(username="bojan")
        self.assertTrue(bojan.check_password(PASSWORD))
        self.assertEqual(bojan.email, "bojan@example.org")
        self.assertIn("The password was not changed", out)
        self.assertIn("The e-mail address was not changed", out)

    def test_it_makes_an_existing_user_staff_when_granting_administrator(self) -> None:
        User.objects.create_user("bojan")
        run("bojan", "--role", "administrator")
        self.assertTrue(User.objects.get(username="bojan").is_staff)


class BadInputTests(CreateUserTestCase):
    def test_it_requires_a_plan_for_a_coordinator(self) -> None:
        self.refuse(
            "ana", "--role", "coordinator", message="A coordinator needs the plan they coordinate: add --plan ID."
        )

    def test_it_requires_an_organisation_for_a_reporter(self) -> None:
        self.refuse("ana", "--role", "reporter", message="add --organisation ACRONYM")

    def test_it_requires_a_plan_or_a_region_for_a_viewer(self) -> None:
        self.refuse("ana", "--role", "viewer", message="add --plan ID or --region CODE")

    def test_it_refuses_a_viewer_of_a_plan_and_a_region_at_once(self) -> None:
        self.refuse("ana", "--role", "viewer", "--plan", str(self.plan.pk), "--region", "04", message="not both")

    def test_it_refuses_a_scope_the_role_does_not_take(self) -> None:
        cases = [
            (["--role", "administrator", "--plan", str(self.plan.pk)], "--plan does not apply to the administrator"),
            (
                ["--role", "coordinator", "--plan", str(self.plan.pk), "--organisation", "MSP"],
                "--organisation does not",
            ),
            (
                ["--role", "reporter", "--organisation", "MSP", "--region", "04"],
                "--region does not apply to the reporter",
            ),
            (["--role", "viewer", "--organisation", "MSP"], "--organisation does not apply to the viewer role"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                self.refuse("ana", *args, message=message)

    def test_it_names_the_plans_when_the_plan_id_is_unknown(self) -> None:
        error = self.refuse("ana", "--role", "coordinator", "--plan", "999", message="No plan has the id 999.")
        self.assertIn(f"{self.plan.pk} “Regijski izvedbeni načrt Savinjske regije”", str(error))

    def test_it_lists_candidates_when_an_acronym_is_shared(self) -> None:
        error = self.refuse("ana", "--role", "reporter", "--organisation", "csd", message="Several organisations")
        self.assertIn("slug csd-celje", str(error))
        self.assertIn("slug csd-koper", str(error))
        self.assertIn("Give the slug instead", str(error))

    def test_it_lists_similar_organisations_when_none_matches(self) -> None:
        error = self.refuse("ana", "--role", "reporter", "--organisation", "Celje", message="No organisation has")
        self.assertIn("Similar: CSD = Center za socialno delo Celje (slug csd-celje)", str(error))

    def test_it_points_to_the_organisation_list_when_nothing_is_similar(self) -> None:
        self.refuse("ana", "--role", "reporter", "--organisation", "ZZZ", message="listed at /organizacije/")

    def test_it_lists_the_regions_when_the_region_is_unknown(self) -> None:
        error = self.refuse("ana", "--role", "viewer", "--region", "13", message="No region has the code or name “13”")
        self.assertIn("04 Savinjska, 08 Osrednjeslovenska", str(error))

    def test_it_refuses_a_malformed_email_address(self) -> None:
        self.refuse("ana", "--role", "administrator", "--email", "ana@", message="email: Enter a valid email address.")

    def test_it_refuses_a_malformed_username(self) -> None:
        self.refuse("ana banana", "--role", "administrator", message="Cannot create “ana banana”: username:")

    def test_it_refuses_an_unknown_role(self) -> None:
        with self.assertRaisesMessage(CommandError, "invalid choice: 'boss'"):
            run("ana", "--role", "boss")
        self.assertFalse(User.objects.exists())
