"""Who may open the providers' pages, write the report's text and generate its document (role × page).

Readers: administrators, reporters of the provider, viewers of a region it works in, coordinators of any plan
(IRSSV's analysts). Writers of the text: administrators and the provider's reporters. For everybody else the
provider's pages do not exist (404); anonymous visitors are sent to log in. The pages are not public."""

from __future__ import annotations

from django.test import TestCase, override_settings
from django.urls import reverse

from izvedba.accounts import access
from izvedba.providers.models import NarrativeBlock
from izvedba.providers.tests.views_cast import PASSWORD, ProvidersCast, make_providers_cast

SLUG = "csd-juzna-primorska"
READERS = {"admin", "reporter", "viewer_region", "coordinator"}
WRITERS = {"admin", "reporter"}
USERS = (
    "admin", "reporter", "reporter_other", "viewer_region", "viewer_other_region", "viewer_plan", "coordinator",
    "outsider",
)  # fmt: skip


@override_settings(IZVEDBA_JOBS_BACKEND="worker")  # queue documents without making them
class RoleMatrixTests(TestCase):
    cast: ProvidersCast

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_providers_cast()

    def status(self, name: str, method: str, url: str, data: dict[str, object] | None = None) -> int:
        self.client.logout()
        if name != "anonymous":
            self.assertTrue(self.client.login(username=name, password=PASSWORD))
        response = self.client.post(url, data or {}) if method == "post" else self.client.get(url)
        return response.status_code

    def test_it_lets_only_readers_open_the_provider_and_its_report(self) -> None:
        for url in (reverse("providers:detail", args=[SLUG]), reverse("providers:report", args=[SLUG, 2021])):
            for name in USERS:
                with self.subTest(url=url, user=name):
                    self.assertEqual(self.status(name, "get", url), 200 if name in READERS else 404)

    def test_it_lets_every_signed_in_user_open_the_list(self) -> None:
        for name in USERS:
            with self.subTest(name):
                self.assertEqual(self.status(name, "get", reverse("providers:list")), 200)

    def test_it_lets_only_writers_save_the_text(self) -> None:
        url = reverse("providers:narrative", args=[SLUG, 2021])
        for name in USERS:
            with self.subTest(name):
                status = self.status(name, "post", url, {"section": 2, "area": "", "text": f"Besedilo {name}"})
                expected = 302 if name in WRITERS else 403 if name in READERS else 404
                self.assertEqual(status, expected)
        self.assertEqual(
            sorted(NarrativeBlock.objects.values_list("text", flat=True)), ["Besedilo reporter"]
        )  # the administrator's text was replaced by the reporter's

    def test_it_lets_every_reader_generate_the_document(self) -> None:
        url = reverse("providers:generate", args=[SLUG, 2021])
        for name in USERS:
            with self.subTest(name):
                status = self.status(name, "post", url, {"fmt": "docx", "language": "sl"})
                self.assertEqual(status, 302 if name in READERS else 404)

    def test_it_sends_anonymous_visitors_to_log_in(self) -> None:
        urls = [
            ("get", reverse("providers:list")),
            ("get", reverse("providers:detail", args=[SLUG])),
            ("get", reverse("providers:report", args=[SLUG, 2021])),
            ("post", reverse("providers:narrative", args=[SLUG, 2021])),
            ("post", reverse("providers:generate", args=[SLUG, 2021])),
        ]
        for method, url in urls:
            with self.subTest(url):
                self.assertEqual(self.status("anonymous", method, url), 302)

    def test_it_agrees_between_the_list_and_the_single_check(self) -> None:
        for name in USERS:
            user = self.cast.users[name]
            listed = set(access.visible_providers(user).values_list("pk", flat=True))
            for provider in (self.cast.provider, self.cast.other):
                with self.subTest(user=name, provider=provider.slug):
                    self.assertEqual(provider.pk in listed, access.can_view_provider_report(user, provider))

    def test_it_counts_a_region_the_provider_covers_but_does_not_sit_in(self) -> None:
        from izvedba.geo.models import Region
        from izvedba.providers.models import Provider

        celje = Provider.objects.get(organisation__slug="csd-celje")  # seat in Savinjska, units also in Posavska
        regions = access.provider_region_ids(celje)
        self.assertEqual(
            set(Region.objects.filter(pk__in=regions).values_list("name", flat=True)), {"Savinjska", "Posavska"}
        )
