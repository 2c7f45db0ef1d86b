"""Edits made in the admin are recorded in the history like the coordinators' edits, and show on the page."""

from __future__ import annotations

from django.contrib import admin
from django.test import RequestFactory, TestCase

from izvedba.accounts.models import User
from izvedba.documents.services import plan_import
from izvedba.documents.tests.support import NIN_TEXT, reference_data_load
from izvedba.history.models import Change
from izvedba.plans.models import Plan


class AdminHistoryTests(TestCase):
    ana: User
    plan: Plan

    @classmethod
    def setUpTestData(cls) -> None:
        reference_data_load()
        cls.ana = User.objects.create_superuser("ana", "ana@example.org", "geslo-za-test")
        cls.plan = plan_import(data=NIN_TEXT.read_bytes(), filename=NIN_TEXT.name, user=cls.ana).plan

    def save_in_admin(self, **changes: object) -> None:
        model_admin = admin.site._registry[Plan]
        request = RequestFactory().post("/admin/")
        request.user = self.ana
        form_class = model_admin.get_form(request, self.plan, change=True)
        data = {name: getattr(self.plan, name) for name in form_class.base_fields if hasattr(self.plan, name)}
        data.update(changes)
        data = {
            name: (value.pk if hasattr(value, "pk") else value) for name, value in data.items() if value is not None
        }
        form = form_class(data=data, instance=Plan.objects.get(pk=self.plan.pk))
        self.assertTrue(form.is_valid(), form.errors)
        model_admin.save_model(request, form.save(commit=False), form, change=True)

    def test_it_records_the_old_and_new_value_of_an_admin_edit(self) -> None:
        old_title = self.plan.title
        self.save_in_admin(title="Popravljen naslov")
        change = Change.objects.for_object(self.plan).filter(action=Change.Action.UPDATE).get()
        self.assertEqual(change.user, self.ana)
        self.assertEqual(change.changes, {"title": {"old": old_title, "new": "Popravljen naslov"}})

    def test_the_plan_page_shows_the_admin_edit(self) -> None:
        self.assertNotIn("Popravljen", self.plan.title)
        self.save_in_admin(title="Popravljen naslov")
        self.client.force_login(self.ana)
        self.client.cookies["django_language"] = "en"
        response = self.client.get(f"/nacrti/{self.plan.pk}/")
        self.assertContains(response, "History")
        self.assertContains(response, "ana")
        self.assertContains(response, "NACIONALNI IZVEDBENI NAČRT")  # the old title, in the history only
