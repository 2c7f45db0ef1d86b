from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.test import RequestFactory, TestCase
from django.urls import reverse

from izvedba.accounts.models import ApiToken, RoleAssignment, User
from izvedba.accounts.services import role_grant, token_issue
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Plan

Role = RoleAssignment.Role


class AccountsAdminTestCase(TestCase):
    root: User
    plan: Plan
    msp: Organisation

    @classmethod
    def setUpTestData(cls) -> None:
        cls.root = User.objects.create_superuser("root", "root@example.org", "pw")
        cls.plan = Plan.objects.create(
            kind=Plan.Kind.NATIONAL, title="NIN 2025–2026", slug="nin", period_start=2025, period_end=2026
        )
        cls.msp = Organisation.objects.create(name="Ministrstvo za solidarno prihodnost", acronym="MSP", slug="msp")

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.client.force_login(self.root)


class UserAdminTests(AccountsAdminTestCase):
    def test_it_shows_a_users_roles_inline(self) -> None:
        ana = User.objects.create_user("ana")
        role_grant(user=ana, role=Role.COORDINATOR, plan=self.plan)
        response = self.client.get(reverse("admin:accounts_user_change", args=[ana.pk]))
        self.assertContains(response, 'name="roles-TOTAL_FORMS" value="1"')
        self.assertContains(response, "NIN 2025–2026")

    def test_it_lets_an_administrator_without_superuser_in(self) -> None:
        """create_user --role administrator sets is_staff only: the role grants the permissions."""
        ana = User.objects.create_user("ana")
        role_grant(user=ana, role=Role.ADMINISTRATOR)
        ana.refresh_from_db()
        self.assertFalse(ana.is_superuser)
        self.client.force_login(ana)
        self.assertContains(self.client.get(reverse("admin:index")), reverse("admin:accounts_user_changelist"))
        self.assertEqual(self.client.get(reverse("admin:plans_plan_changelist")).status_code, 200)
        self.assertEqual(self.client.get(reverse("admin:accounts_user_change", args=[ana.pk])).status_code, 200)

    def test_it_keeps_staff_without_a_role_out_of_the_models(self) -> None:
        bojan = User.objects.create_user("bojan", is_staff=True)
        self.client.force_login(bojan)
        self.assertEqual(self.client.get(reverse("admin:accounts_user_changelist")).status_code, 403)
        self.assertEqual(self.client.get(reverse("admin:plans_plan_changelist")).status_code, 403)


class RoleAssignmentAdminTests(AccountsAdminTestCase):
    def test_it_filters_roles_by_role_and_plan(self) -> None:
        role_grant(user=User.objects.create_user("ana"), role=Role.COORDINATOR, plan=self.plan)
        role_grant(user=User.objects.create_user("bojan"), role=Role.REPORTER, organisation=self.msp)
        url = reverse("admin:accounts_roleassignment_changelist")
        coordinators = self.client.get(url, {"role": "coordinator"})
        self.assertContains(coordinators, "ana")
        self.assertNotContains(coordinators, "bojan")
        of_plan = self.client.get(url, {"plan__id__exact": self.plan.pk})
        self.assertContains(of_plan, "ana")
        self.assertNotContains(of_plan, "bojan")

    def test_it_says_which_scope_a_role_needs(self) -> None:
        ana = User.objects.create_user("ana")
        url = reverse("admin:accounts_roleassignment_add")
        cases: list[tuple[dict[str, Any], str]] = [
            ({"role": "coordinator"}, "A coordinator needs the plan they coordinate."),
            ({"role": "reporter", "plan": self.plan.pk}, "The reporter role does not take a plan."),
            ({"role": "viewer"}, "A viewer needs a plan or a region to view."),
        ]
        for data, message in cases:
            with self.subTest(data=data):
                response = self.client.post(url, {"user": ana.pk, **data})
                self.assertContains(response, message)
                self.assertNotContains(response, "Constraint")
        self.assertFalse(RoleAssignment.objects.exists())

    def test_it_adds_a_role_that_fits(self) -> None:
        ana = User.objects.create_user("ana")
        url = reverse("admin:accounts_roleassignment_add")
        response = self.client.post(url, {"user": ana.pk, "role": "reporter", "organisation": self.msp.pk})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(RoleAssignment.objects.filter(user=ana, role=Role.REPORTER, organisation=self.msp).exists())


class ApiTokenAdminTests(AccountsAdminTestCase):
    def test_it_lists_tokens_without_their_digest(self) -> None:
        token, _key = token_issue(user=self.root, name="izvoz")
        response = self.client.get(reverse("admin:accounts_apitoken_changelist"))
        self.assertContains(response, token.prefix)
        self.assertNotContains(response, token.digest)
        detail = self.client.get(reverse("admin:accounts_apitoken_change", args=[token.pk]))
        self.assertContains(detail, "izvoz")
        self.assertNotContains(detail, token.digest)
        self.assertNotContains(detail, 'name="name"')

    def test_it_allows_no_adding_or_changing(self) -> None:
        token, _key = token_issue(user=self.root)
        request = RequestFactory().get("/")
        request.user = self.root
        model_admin = admin.site.get_model_admin(ApiToken)
        self.assertFalse(model_admin.has_add_permission(request))
        self.assertFalse(model_admin.has_change_permission(request, token))
        self.assertEqual(self.client.get(reverse("admin:accounts_apitoken_add")).status_code, 403)

    def test_it_revokes_a_token_by_deleting_it(self) -> None:
        token, key = token_issue(user=self.root)
        response = self.client.post(reverse("admin:accounts_apitoken_delete", args=[token.pk]), {"post": "yes"})
        self.assertEqual(response.status_code, 302)
        self.assertIsNone(ApiToken.objects.for_key(key))
