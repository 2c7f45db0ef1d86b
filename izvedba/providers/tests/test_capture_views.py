"""The capture pages: a section's grids saved cell by cell (all or nothing, errors beside the cells), its XLSX
template downloaded and uploaded, and who may open them."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from izvedba.accounts.models import RoleAssignment, User
from izvedba.geo.models import Region
from izvedba.providers.models import Observation, Provider
from izvedba.providers.services.imports import observations_import
from izvedba.providers.tests.capture_support import fill, open_workbook, saved, template
from izvedba.providers.tests.support import csv_bytes, load_structure

PASSWORD = "pw"
Role = RoleAssignment.Role
YEAR = 2021


def _user(username: str, role: str | None = None, **scope: object) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.org")
    if role:
        RoleAssignment.objects.create(user=user, role=role, **scope)
    return user


class CaptureViewTests(TestCase):
    provider: Provider
    other: Provider
    users: dict[str, User]

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_structure()
        cls.other = Provider.objects.get(organisation__slug="csd-gorenjska")
        cls.users = {
            "reporter": _user("reporter", Role.REPORTER, organisation=cls.provider.organisation),
            "reporter_other": _user("reporter_other", Role.REPORTER, organisation=cls.other.organisation),
            "viewer_region": _user("viewer_region", Role.VIEWER, region=Region.objects.get(code="12")),
            "admin": _user("admin", Role.ADMINISTRATOR),
            "outsider": _user("outsider"),
        }
        header = ("indicator", "year", "month", "unit", "value", "source")
        observations_import(
            provider=cls.provider,
            name="k.csv",
            data=csv_bytes(header, ("kcm_placements", YEAR, 1, "kcm", 5, "003 L3083")),
        )

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"

    def log_in(self, name: str = "reporter") -> None:
        self.assertTrue(self.client.login(username=self.users[name].username, password=PASSWORD))

    def url(self, name: str = "capture_section", section: str = "crisis_centres", slug: str = "") -> str:
        args: list[object] = [slug or self.provider.slug, YEAR]
        if name != "capture":
            args.append(section)
        return reverse(f"providers:{name}", args=args)

    def grid_data(self, response: Any, indicator: str) -> dict[str, str]:
        """The grid's fields as the page shows them (stored figures filled in), ready to post back."""
        form = next(f for f in response.context["forms"] if f.grid.indicator == indicator)
        data = {form.add_prefix(name): field.initial or "" for name, field in form.fields.items()}
        data["indicator"] = indicator
        return data

    def field_name(self, response: Any, indicator: str, row: tuple[str, ...], column: str) -> str:
        form = next(f for f in response.context["forms"] if f.grid.indicator == indicator)
        name = next(n for n, (codes, col) in form.coordinates.items() if codes == row and col == column)
        return str(form.add_prefix(name))

    # --- the page -------------------------------------------------------------------------------------------

    def test_it_lists_the_sections_to_enter(self) -> None:
        self.log_in()
        response = self.client.get(self.url("capture"))
        self.assertContains(response, self.url(section="rights"))
        self.assertContains(response, self.url(section="finance"))
        self.assertContains(response, "Crisis centres")

    def test_it_shows_a_grid_per_indicator_with_the_stored_figures(self) -> None:
        self.log_in()
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 200)
        grids = [form.grid.indicator for form in response.context["forms"]]
        self.assertEqual(grids[:3], ["kcm_placements", "kcm_referrals", "kcm_children"])
        name = self.field_name(response, "kcm_placements", ("1",), "kcm")
        self.assertContains(response, f'name="{name}" value="5"')
        self.assertContains(response, 'data-grid="kczn_nights"')
        self.assertContains(response, self.url("capture_xlsx"))

    def test_it_saves_a_grid_and_tells_what_changed(self) -> None:
        self.log_in()
        page = self.client.get(self.url())
        data = self.grid_data(page, "kcm_children")
        data[self.field_name(page, "kcm_children", ("kcm", "11-14"), "f")] = "3"
        data[self.field_name(page, "kcm_children", ("kcm", "15-18"), "m")] = "2"
        response = self.client.post(self.url(), data, follow=True)
        self.assertRedirects(response, self.url() + "#grid-kcm_children")
        self.assertContains(response, "Saved: 2 new, 0 changed and 0 removed figures.")
        stored = sorted(
            (o.categories["kcm_age_band"], o.categories["sex"], o.value)
            for o in Observation.objects.filter(indicator__code="kcm_children")
        )
        self.assertEqual(stored, [("11-14", "f", 3), ("15-18", "m", 2)])
        self.assertEqual(Observation.objects.get(indicator__code="kcm_placements").value, 5)  # the other grid kept

    def test_it_saves_nothing_when_a_cell_is_wrong_and_shows_the_error_beside_it(self) -> None:
        self.log_in()
        page = self.client.get(self.url())
        data = self.grid_data(page, "kcm_placements")
        data[self.field_name(page, "kcm_placements", ("2",), "kcm")] = "4"  # good, must not be saved
        bad = self.field_name(page, "kcm_placements", ("3",), "kcm")
        data[bad] = "-1"
        response = self.client.post(self.url(), data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(Observation.objects.values_list("month", "value")), [(1, Decimal(5))])
        form = next(f for f in response.context["forms"] if f.grid.indicator == "kcm_placements")
        self.assertEqual(list(form.errors), [bad.removeprefix("kcm_placements-")])
        self.assertIn("-1 is negative", form.errors[bad.removeprefix("kcm_placements-")][0])
        self.assertContains(response, 'aria-invalid="true"', count=1)
        self.assertContains(response, "Nothing was saved")

    def test_it_removes_a_figure_whose_cell_was_emptied(self) -> None:
        self.log_in()
        page = self.client.get(self.url())
        data = self.grid_data(page, "kcm_placements")
        data[self.field_name(page, "kcm_placements", ("1",), "kcm")] = ""
        self.client.post(self.url(), data)
        self.assertFalse(Observation.objects.exists())

    def test_it_reads_durations_written_as_h_mm(self) -> None:
        self.log_in()
        url = self.url(section="interventions")
        page = self.client.get(url)
        data = self.grid_data(page, "intervention_minutes")
        data[self.field_name(page, "intervention_minutes", ("interventna", "1"), "weekday_day")] = "18:55"
        self.client.post(url, data)
        self.assertEqual(Observation.objects.get(indicator__code="intervention_minutes").value, 1135)
        page = self.client.get(url)
        self.assertContains(page, 'value="18:55"')

    # --- the XLSX template ---------------------------------------------------------------------------------

    def test_it_downloads_the_sections_template(self) -> None:
        self.log_in()
        response = self.client.get(self.url("capture_xlsx"))
        self.assertEqual(response["Content-Type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.assertIn('filename="csd-juzna-primorska-2021-crisis_centres.xlsx"', response["Content-Disposition"])
        workbook = load_workbook(io.BytesIO(response.content))
        self.assertIn("kcm_placements", workbook.sheetnames)

    def test_it_stores_an_uploaded_template(self) -> None:
        self.log_in()
        workbook = open_workbook(template(self.provider, YEAR, "crisis_centres"))
        fill(workbook["kczn_nights"], ("1",), "kczn", 310)
        upload = SimpleUploadedFile("filled.xlsx", saved(workbook))
        response = self.client.post(self.url("capture_upload"), {"file": upload}, follow=True)
        self.assertRedirects(response, self.url())
        self.assertContains(response, "Saved: 1 new, 0 changed and 0 removed figures.")
        self.assertEqual(Observation.objects.get(indicator__code="kczn_nights").value, 310)

    def test_it_lists_the_rejected_cells_of_an_upload_by_sheet_and_cell(self) -> None:
        self.log_in()
        workbook = open_workbook(template(self.provider, YEAR, "crisis_centres"))
        fill(workbook["kczn_nights"], ("1",), "kczn", 310)
        ref = fill(workbook["kczn_days"], ("2",), "kczn", "many")
        upload = SimpleUploadedFile("filled.xlsx", saved(workbook))
        response = self.client.post(self.url("capture_upload"), {"file": upload})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "data-rejected-cells")
        self.assertContains(response, f'<tr><td>kczn_days</td><th scope="row" class="nowrap">{ref}</th>', html=False)
        self.assertContains(response, "1 cell was rejected.")
        self.assertContains(response, f'action="{self.url()}#grid-kczn_days"')  # the grids still save on their page
        self.assertFalse(Observation.objects.filter(indicator__code__startswith="kczn").exists())

    def test_it_refuses_an_upload_of_another_providers_template(self) -> None:
        self.log_in("admin")
        upload = SimpleUploadedFile("other.xlsx", template(self.other, YEAR, "crisis_centres"))
        response = self.client.post(self.url("capture_upload"), {"file": upload})
        self.assertContains(response, f"holds the figures of {self.other.organisation.name}, not of")

    # --- access --------------------------------------------------------------------------------------------

    def test_it_sends_an_anonymous_visitor_to_sign_in(self) -> None:
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("login"), response["Location"])

    def test_it_hides_the_pages_from_those_who_may_not_read_the_providers_report(self) -> None:
        for name in ("outsider", "reporter_other"):
            self.client.logout()
            self.log_in(name)
            for url in (self.url(), self.url("capture"), self.url("capture_xlsx")):
                self.assertEqual(self.client.get(url).status_code, 404, (name, url))

    def test_it_refuses_a_viewer_who_may_read_but_not_enter_figures(self) -> None:
        self.log_in("viewer_region")
        self.assertEqual(self.client.get(self.url()).status_code, 403)
        response = self.client.post(self.url(), {"indicator": "kcm_placements", "kcm_placements-c0_0": "9"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Observation.objects.get().value, 5)

    def test_it_answers_404_for_an_unknown_section_or_provider(self) -> None:
        self.log_in("admin")
        self.assertEqual(self.client.get(self.url(section="nonsense")).status_code, 404)
        self.assertEqual(self.client.get(self.url(slug="csd-nowhere")).status_code, 404)

    def test_it_links_the_capture_pages_from_the_providers_page_for_those_who_may_enter_figures(self) -> None:
        self.log_in()
        response = self.client.get(reverse("providers:detail", args=[self.provider.slug]))
        self.assertContains(response, "data-capture-links")
        self.client.logout()
        self.log_in("viewer_region")
        response = self.client.get(reverse("providers:detail", args=[self.provider.slug]))
        self.assertNotContains(response, "data-capture-links")
        response = self.client.get(reverse("providers:report", args=[self.provider.slug, YEAR]))
        self.assertNotContains(response, "data-capture-links")
        self.client.logout()
        self.log_in()
        response = self.client.get(reverse("providers:report", args=[self.provider.slug, YEAR]))
        self.assertContains(response, f'href="{self.url("capture")}"')
