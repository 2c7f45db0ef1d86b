from __future__ import annotations

import re

from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import translation

from izvedba.accounts.models import ApiToken, RoleAssignment, User
from izvedba.accounts.services import token_issue, token_revoke
from izvedba.geo.models import Region
from izvedba.organisations.models import Organisation
from izvedba.plans.models import Plan

Role = RoleAssignment.Role


class AccountPageTestCase(TestCase):
    ana: User
    bojan: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.ana = User.objects.create_user("ana", password="pw")
        cls.bojan = User.objects.create_user("bojan", password="pw")

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.client.force_login(self.ana)


class AccountPageTests(AccountPageTestCase):
    def test_it_requires_login(self) -> None:
        self.client.logout()
        response = self.client.get("/racun/")
        self.assertRedirects(response, "/racun/login/?next=/racun/", fetch_redirect_response=False)

    def test_it_lists_the_users_roles_with_links(self) -> None:
        region = Region.objects.create(code="04", name="Savinjska", name_en="Savinjska", nuts3_code="SI034", area_km2=1)
        plan = Plan.objects.create(
            kind=Plan.Kind.REGIONAL, title="RIN Savinjska", slug="rin", period_start=2025, period_end=2028
        )
        msp = Organisation.objects.create(name="Ministrstvo za solidarno prihodnost", acronym="MSP", slug="msp")
        RoleAssignment.objects.create(user=self.ana, role=Role.COORDINATOR, plan=plan)
        RoleAssignment.objects.create(user=self.ana, role=Role.REPORTER, organisation=msp)
        RoleAssignment.objects.create(user=self.ana, role=Role.VIEWER, region=region)
        RoleAssignment.objects.create(user=self.bojan, role=Role.ADMINISTRATOR)
        response = self.client.get("/racun/")
        self.assertContains(response, f'<a href="/nacrti/{plan.pk}/">RIN Savinjska</a>', html=True)
        self.assertContains(response, '<a href="/organizacije/msp/">MSP – Ministrstvo za solidarno prihodnost</a>')
        self.assertContains(response, '<a href="/regije/04/">Savinjska</a>', html=True)
        self.assertContains(response, "Coordinator")
        self.assertNotContains(response, "Administrator")

    def test_it_says_when_the_user_has_no_roles(self) -> None:
        self.assertContains(self.client.get("/racun/"), "You have no roles yet")

    def test_it_lists_the_users_tokens_without_their_keys(self) -> None:
        token, key = token_issue(user=self.ana, name="izvoz")
        token_issue(user=self.bojan, name="bojanov")
        response = self.client.get("/racun/")
        self.assertContains(response, f"{token.prefix}…")
        self.assertContains(response, "izvoz")
        self.assertContains(response, "never")
        self.assertNotContains(response, key)
        self.assertNotContains(response, "bojanov")

    def test_it_links_to_the_account_from_every_page(self) -> None:
        self.assertContains(self.client.get("/"), 'class="account__user" href="/racun/"')

    def test_it_links_to_the_password_change(self) -> None:
        self.assertContains(self.client.get("/racun/"), 'href="/racun/password_change/"')
        self.assertContains(self.client.get("/racun/password_change/"), "Change your password")


class TokenCreateTests(AccountPageTestCase):
    def test_it_shows_a_new_key_once_with_a_warning(self) -> None:
        response = self.client.post("/racun/zetoni/", {"name": "mesečni izvoz"})
        self.assertContains(response, "this is the only time it is shown")
        key = re.search(r'value="(izv_[^"]+)"', response.content.decode())
        assert key is not None
        token = ApiToken.objects.for_key(key.group(1))
        assert token is not None
        self.assertEqual((token.user, token.name), (self.ana, "mesečni izvoz"))
        self.assertIn("no-store", response["Cache-Control"])
        self.assertNotContains(self.client.get("/racun/"), key.group(1))

    def test_it_refuses_a_name_that_is_too_long(self) -> None:
        response = self.client.post("/racun/zetoni/", {"name": "x" * 101})
        self.assertContains(response, "Ensure this value has at most 100 characters", status_code=400)
        self.assertFalse(ApiToken.objects.exists())

    def test_it_only_creates_with_post(self) -> None:
        self.assertEqual(self.client.get("/racun/zetoni/").status_code, 405)
        self.assertFalse(ApiToken.objects.exists())

    def test_it_requires_the_csrf_token(self) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.ana)
        self.assertEqual(client.post("/racun/zetoni/", {"name": "x"}).status_code, 403)
        self.assertFalse(ApiToken.objects.exists())

    def test_it_requires_login(self) -> None:
        self.client.logout()
        self.client.post("/racun/zetoni/", {"name": "x"})
        self.assertFalse(ApiToken.objects.exists())


class TokenRevokeTests(AccountPageTestCase):
    def test_it_revokes_the_users_own_token(self) -> None:
        token, key = token_issue(user=self.ana)
        response = self.client.post(reverse("token-revoke", args=[token.pk]), follow=True)
        self.assertRedirects(response, "/racun/")
        self.assertContains(response, f"Token {token.prefix}… revoked")
        self.assertIsNone(ApiToken.objects.for_key(key))

    def test_it_does_not_find_someone_elses_token(self) -> None:
        token, key = token_issue(user=self.bojan)
        response = self.client.post(reverse("token-revoke", args=[token.pk]))
        self.assertEqual(response.status_code, 404)
        self.assertIsNotNone(ApiToken.objects.for_key(key))

    def test_it_only_revokes_with_post(self) -> None:
        token, _key = token_issue(user=self.ana)
        self.assertEqual(self.client.get(reverse("token-revoke", args=[token.pk])).status_code, 405)
        self.assertTrue(ApiToken.objects.filter(pk=token.pk).exists())

    def test_it_requires_the_csrf_token(self) -> None:
        token, _key = token_issue(user=self.ana)
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.ana)
        self.assertEqual(client.post(reverse("token-revoke", args=[token.pk])).status_code, 403)
        self.assertTrue(ApiToken.objects.filter(pk=token.pk).exists())


class TokenServiceTests(AccountPageTestCase):
    def setUp(self) -> None:
        super().setUp()
        translation.activate("en")  # the messages asserted here are the English source strings
        self.addCleanup(translation.deactivate)

    def test_it_stores_only_a_digest_of_the_key(self) -> None:
        token, key = token_issue(user=self.ana, name="  skripta   za izvoz ")
        self.assertEqual(token.name, "skripta za izvoz")
        self.assertEqual(token.digest, ApiToken.digest_of(key))
        self.assertNotIn(key, str(ApiToken.objects.filter(pk=token.pk).values().get()))
        self.assertTrue(key.startswith(token.prefix))

    def test_it_refuses_a_long_name(self) -> None:
        with self.assertRaisesMessage(ValidationError, "at most 100 characters"):
            token_issue(user=self.ana, name="x" * 101)

    def test_it_revokes_only_the_owners_token(self) -> None:
        token, _key = token_issue(user=self.bojan)
        with self.assertRaises(ApiToken.DoesNotExist):
            token_revoke(user=self.ana, token_id=token.pk)
        token_revoke(user=self.bojan, token_id=token.pk)
        self.assertFalse(ApiToken.objects.exists())

    def test_keys_of_inactive_users_open_nothing(self) -> None:
        _token, key = token_issue(user=self.bojan)
        User.objects.filter(pk=self.bojan.pk).update(is_active=False)
        self.assertIsNone(ApiToken.objects.for_key(key))


class PasswordPagesTests(AccountPageTestCase):
    """Django's password views under /racun/ keep their names and show in the site's layout."""

    def test_it_changes_the_password(self) -> None:
        new = "Kresnica-na-travniku-42"
        data = {"old_password": "pw", "new_password1": new, "new_password2": new}
        response = self.client.post(reverse("password_change"), data, follow=True)
        self.assertRedirects(response, reverse("password_change_done"))
        self.assertContains(response, "Your password was changed.")
        self.ana.refresh_from_db()
        self.assertTrue(self.ana.check_password(new))

    def test_it_mails_a_reset_link_that_opens_the_new_password_form(self) -> None:
        User.objects.filter(pk=self.ana.pk).update(email="ana@example.org")
        self.client.logout()
        self.client.cookies["django_language"] = "en"
        response = self.client.post(reverse("password_reset"), {"email": "ana@example.org"}, follow=True)
        self.assertContains(response, "Check your e-mail")
        self.assertEqual(len(mail.outbox), 1)
        link = re.search(r"http://testserver(/racun/reset/\S+/)", str(mail.outbox[0].body))
        assert link is not None
        self.assertContains(self.client.get(link.group(1), follow=True), "New password")
