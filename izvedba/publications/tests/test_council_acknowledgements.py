"""Recording that a municipal council took note of a plan, and the list of councils informed on the plan page."""

from __future__ import annotations

import datetime as dt

from django.test import TestCase
from django.urls import reverse

from izvedba.accounts.models import RoleAssignment, User
from izvedba.demo.services import DATA_DIR as DEMO_DATA_DIR
from izvedba.documents.services import plan_import
from izvedba.geo.models import Municipality
from izvedba.geo.services import reference_load
from izvedba.history.selectors import changes_for
from izvedba.plans.models import Plan
from izvedba.plans.services import plan_reference_load
from izvedba.publications.council_acknowledgements import council_acknowledgement_record
from izvedba.publications.models import CouncilAcknowledgement

RIN = "rin-obalno-kraska-2014-2016.txt"


class CouncilAcknowledgementTests(TestCase):
    plan: Plan
    koper: Municipality
    coordinator: User
    other: User

    @classmethod
    def setUpTestData(cls) -> None:
        reference_load()
        plan_reference_load()
        cls.plan = plan_import(data=(DEMO_DATA_DIR / RIN).read_bytes(), filename=RIN).plan
        cls.koper = Municipality.objects.get(code="050")
        users = User.objects
        cls.coordinator = users.create_user(username="koordinator", password="pw")
        RoleAssignment.objects.create(user=cls.coordinator, role=RoleAssignment.Role.COORDINATOR, plan=cls.plan)
        cls.other = users.create_user(username="drugi", password="pw")

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.url = reverse("plans:council_acknowledgement", args=[self.plan.pk])
        self.post = {
            "municipality": self.koper.pk,
            "date": "2014-12-18",
            "session": "5. redna seja",
            "resolution_text": "Občinski svet Mestne občine Koper se je seznanil z regijskim izvedbenim načrtom.",
        }

    def test_it_lets_a_coordinator_record_an_acknowledgement_shown_on_the_plan_page(self) -> None:
        self.client.force_login(self.coordinator)
        response = self.client.post(self.url, self.post)
        self.assertRedirects(response, reverse("plans:detail", args=[self.plan.pk]))
        ack = CouncilAcknowledgement.objects.get()
        self.assertEqual(
            (ack.municipality, ack.date, ack.session), (self.koper, dt.date(2014, 12, 18), "5. redna seja")
        )
        self.assertEqual(ack.recorded_by, self.coordinator)
        self.assertEqual(len(changes_for(ack)), 1)
        page = self.client.get(reverse("plans:detail", args=[self.plan.pk])).content.decode()
        self.assertIn("Municipal councils informed", page)
        self.assertIn("(session 5. redna seja)", page)
        self.assertIn("not yet informed", page)  # the six other municipalities
        self.assertIn("Record a council", page)

    def test_it_records_a_correction_in_the_history(self) -> None:
        council_acknowledgement_record(
            plan=self.plan,
            municipality=self.koper,
            date=dt.date(2014, 12, 18),
            session="5. seja",
            user=self.coordinator,
        )
        ack = council_acknowledgement_record(
            plan=self.plan,
            municipality=self.koper,
            date=dt.date(2014, 12, 18),
            session="6. seja",
            user=self.coordinator,
        )
        self.assertEqual(CouncilAcknowledgement.objects.get().session, "6. seja")
        changes = changes_for(ack)
        self.assertEqual(len(changes), 2)
        self.assertIn({"old": "5. seja", "new": "6. seja"}, [c.changes.get("session") for c in changes])

    def test_it_shows_the_list_but_not_the_form_to_someone_who_does_not_coordinate_the_plan(self) -> None:
        self.client.force_login(self.other)
        page = self.client.get(reverse("plans:detail", args=[self.plan.pk])).content.decode()
        self.assertIn("Municipal councils informed", page)
        self.assertNotIn("Record a council", page)

    def test_it_refuses_a_recording_by_someone_who_does_not_coordinate_the_plan(self) -> None:
        self.client.force_login(self.other)
        self.assertEqual(self.client.post(self.url, self.post).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.post(self.url, self.post).status_code, 302)  # to the sign-in page
        self.assertFalse(CouncilAcknowledgement.objects.exists())

    def test_it_refuses_a_session_date_in_the_future_and_stores_nothing(self) -> None:
        self.client.force_login(self.coordinator)
        response = self.client.post(self.url, {**self.post, "date": "2999-01-01"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("is in the future", response.content.decode())
        self.assertFalse(CouncilAcknowledgement.objects.exists())

    def test_it_refuses_a_municipality_the_plan_does_not_cover(self) -> None:
        self.client.force_login(self.coordinator)
        ljubljana = Municipality.objects.get(code="061")
        response = self.client.post(self.url, {**self.post, "municipality": ljubljana.pk})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(CouncilAcknowledgement.objects.exists())
