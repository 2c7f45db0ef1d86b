from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import time_machine
from django.contrib.auth.hashers import identify_hasher
from django.core.cache import cache
from django.test import TestCase, override_settings

from izvedba import settings as production_settings
from izvedba.accounts.models import User

if TYPE_CHECKING:  # the test client's response type exists only in django-stubs
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

PASSWORD = "Kresnica-na-travniku-42"
WRONG = "napacno-geslo"
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
REFUSED = "Too many failed login attempts for this account."


class LoginThrottleTestCase(TestCase):
    ana: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.ana = User.objects.create_user("ana", password=PASSWORD)

    def setUp(self) -> None:
        cache.clear()
        self.addCleanup(cache.clear)
        self.client.cookies["django_language"] = "en"

    def login(self, password: str, address: str = "10.0.0.1", username: str = "ana", **extra: Any) -> Response:
        data = {"username": username, "password": password}
        return self.client.post("/racun/login/", data, REMOTE_ADDR=address, **extra)

    def fail_logins(self, times: int, address: str = "10.0.0.1", username: str = "ana", **extra: Any) -> None:
        for _ in range(times):
            response = self.login(WRONG, address, username, **extra)
            self.assertContains(response, "Please enter a correct username and password.")

    def assertLoggedIn(self, response: Response) -> None:
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(self.client.session.get("_auth_user_id"), str(self.ana.pk))
        self.client.logout()
        self.client.cookies["django_language"] = "en"

    def assertRefused(self, response: Response, minutes: int = 15) -> None:
        self.assertContains(response, f"{REFUSED} Try again in {minutes} minutes.")
        self.assertNotIn("_auth_user_id", self.client.session)


class LockoutTests(LoginThrottleTestCase):
    def test_it_refuses_even_the_right_password_after_five_failures(self) -> None:
        self.fail_logins(5)
        self.assertRefused(self.login(PASSWORD))

    def test_it_lets_the_user_in_after_four_failures(self) -> None:
        self.fail_logins(4)
        self.assertLoggedIn(self.login(PASSWORD))

    def test_it_still_lets_the_user_in_from_another_address(self) -> None:
        self.fail_logins(5, "10.0.0.1")
        self.assertLoggedIn(self.login(PASSWORD, "10.0.0.2"))
        self.assertRefused(self.login(PASSWORD, "10.0.0.1"))

    def test_it_locks_the_username_everywhere_after_four_times_as_many_failures(self) -> None:
        for n in range(4):
            self.fail_logins(4, f"10.0.1.{n}")
        self.fail_logins(3, "10.0.1.9")  # 19 failures from five addresses, none locked out
        self.assertLoggedIn(self.login(PASSWORD, "10.0.2.1"))
        self.fail_logins(1, "10.0.1.10")  # the 20th
        self.assertRefused(self.login(PASSWORD, "10.0.2.1"))
        self.assertRefused(self.login(PASSWORD, "10.0.2.2"))

    def test_it_counts_a_username_in_any_case_and_spacing_together(self) -> None:
        for written in ("ana", "Ana", "ANA", " ana", "ana "):
            self.fail_logins(1, username=written)
        self.assertRefused(self.login(PASSWORD))

    def test_it_does_not_lock_other_users(self) -> None:
        User.objects.create_user("bojan", password=PASSWORD)
        self.fail_logins(5)
        response = self.login(PASSWORD, username="bojan")
        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_it_counts_logins_of_inactive_accounts_as_failures(self) -> None:
        User.objects.filter(pk=self.ana.pk).update(is_active=False)
        for _ in range(5):
            self.login(PASSWORD)
        User.objects.filter(pk=self.ana.pk).update(is_active=True)
        self.assertRefused(self.login(PASSWORD))

    def test_it_does_not_count_a_form_without_a_password(self) -> None:
        for _ in range(6):
            self.assertContains(self.login(""), "This field is required.")
        self.assertLoggedIn(self.login(PASSWORD))

    @override_settings(IZVEDBA_LOGIN_MAX_FAILURES=2, IZVEDBA_LOGIN_LOCKOUT_SECONDS=120)
    def test_it_follows_the_settings(self) -> None:
        self.fail_logins(2)
        self.assertRefused(self.login(PASSWORD), minutes=2)


class ResetTests(LoginThrottleTestCase):
    def test_it_lets_the_user_in_once_the_lockout_is_over(self) -> None:
        with time_machine.travel(START, tick=False) as traveller:
            self.fail_logins(5)
            traveller.shift(dt.timedelta(minutes=10))
            self.assertRefused(self.login(PASSWORD), minutes=5)
            traveller.shift(dt.timedelta(minutes=5, seconds=1))
            self.assertLoggedIn(self.login(PASSWORD))

    def test_it_forgets_failures_older_than_the_window(self) -> None:
        with time_machine.travel(START, tick=False) as traveller:
            self.fail_logins(4)
            traveller.shift(dt.timedelta(minutes=16))
            self.fail_logins(4)
            self.assertLoggedIn(self.login(PASSWORD))

    def test_a_successful_login_clears_the_count(self) -> None:
        self.fail_logins(4)
        self.assertLoggedIn(self.login(PASSWORD))
        self.fail_logins(4)
        self.assertLoggedIn(self.login(PASSWORD))


class AddressTests(LoginThrottleTestCase):
    def test_it_ignores_x_forwarded_for_unless_told_to_trust_a_proxy(self) -> None:
        for n in range(5):
            self.fail_logins(1, "10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        self.assertRefused(self.login(PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.99"))

    @override_settings(IZVEDBA_TRUSTED_PROXIES=1)
    def test_it_reads_the_client_address_from_a_trusted_proxy(self) -> None:
        self.fail_logins(5, "10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 192.0.2.1")
        self.assertRefused(self.login(PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1"))
        self.assertLoggedIn(self.login(PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.2"))

    def test_it_keeps_no_username_or_address_in_the_cache(self) -> None:
        self.fail_logins(5, "10.0.0.1")
        stored = " ".join(cache._cache)  # type: ignore[attr-defined]  # the keys in LocMemCache's store
        self.assertIn("izvedba:login-throttle:", stored)
        self.assertNotIn("ana", stored)
        self.assertNotIn("10.0.0.1", stored)

    def test_it_logs_no_username_or_address(self) -> None:
        self.fail_logins(5, "10.0.0.1")
        with self.assertLogs("izvedba.accounts", "INFO") as logs:
            self.login(PASSWORD, "10.0.0.1")
        self.assertNotIn("ana", "\n".join(logs.output))
        self.assertNotIn("10.0.0.1", "\n".join(logs.output))


class PasswordHashingTests(TestCase):
    def test_it_stores_passwords_with_argon2_in_production(self) -> None:
        """The test settings use MD5 for speed; production settings (izvedba.settings) must put Argon2 first."""
        self.assertEqual(production_settings.PASSWORD_HASHERS[0], "django.contrib.auth.hashers.Argon2PasswordHasher")
        with override_settings(PASSWORD_HASHERS=production_settings.PASSWORD_HASHERS):
            user = User.objects.create_user("bojan", password=PASSWORD)
            self.assertTrue(user.password.startswith("argon2$argon2id$"))
            self.assertEqual(identify_hasher(user.password).algorithm, "argon2")
            self.assertTrue(User.objects.get(pk=user.pk).check_password(PASSWORD))


class AdminLoginThrottleTests(LoginThrottleTestCase):
    def test_it_throttles_the_admin_login_with_the_same_counts(self) -> None:
        User.objects.filter(pk=self.ana.pk).update(is_staff=True)
        self.fail_logins(3)
        for _ in range(2):
            self.client.post("/admin/login/", {"username": "ana", "password": WRONG}, REMOTE_ADDR="10.0.0.1")
        response = self.client.post("/admin/login/", {"username": "ana", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
        self.assertContains(response, f"{REFUSED} Try again in 15 minutes.")
        self.assertNotIn("_auth_user_id", self.client.session)
