from __future__ import annotations

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from izvedba.accounts.models import User
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.tests.cast import Cast, make_cast, open_round
from izvedba.monitoring.tests.test_xlsx_roundtrip import cell_of, fill
from izvedba.monitoring.xlsx import layout
from izvedba.plans.models import FundingLine, Indicator, Measure, Responsibility

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class XlsxViewTestCase(TestCase):
    cast: Cast
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.round = open_round(cls.cast)

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"
        self.export_url = reverse("monitoring:round_xlsx_export", args=[self.round.pk])
        self.import_url = reverse("monitoring:round_xlsx_import", args=[self.round.pk])

    def export_as(self, user: User) -> bytes:
        self.client.force_login(user)
        response = self.client.get(self.export_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], XLSX)
        return bytes(response.content)

    def report_ids(self, data: bytes) -> set[int]:
        sheet = load_workbook(io.BytesIO(data), read_only=True)[layout.SHEET]
        rows = sheet.iter_rows(min_row=layout.FIRST_DATA_ROW, max_col=2, values_only=True)
        return {int(report_id) for _kind, report_id in rows}

    def upload(self, data: bytes, name: str = "krog.xlsx") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, data, content_type=XLSX)


class ExportViewTests(XlsxViewTestCase):
    def test_it_gives_a_coordinator_and_a_viewer_every_report(self) -> None:
        every = set(self.round.reports.values_list("pk", flat=True))
        for user in (self.cast.coordinator, self.cast.viewer_plan, self.cast.viewer_region, self.cast.admin):
            with self.subTest(user=user.username):
                self.assertEqual(self.report_ids(self.export_as(user)), every)

    def test_it_gives_a_reporter_only_the_reports_they_may_read(self) -> None:
        r2 = Report.objects.get(round=self.round, measure=self.cast.m2)
        self.assertEqual(self.report_ids(self.export_as(self.cast.reporter_other)), {r2.pk})
        response = self.client.get(self.export_url)
        self.assertIn('filename="rin-test-2025-2028-2026.xlsx"', response["Content-Disposition"])

    def test_it_does_not_exist_for_an_outsider(self) -> None:
        self.client.force_login(self.cast.outsider)
        self.assertEqual(self.client.get(self.export_url).status_code, 404)
        self.assertEqual(self.client.get(self.import_url).status_code, 404)

    def test_it_sends_anonymous_visitors_to_sign_in(self) -> None:
        response = self.client.get(self.export_url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("login"), response["Location"])

    def test_it_reads_the_round_in_a_fixed_number_of_queries(self) -> None:
        self.client.force_login(self.cast.coordinator)
        with CaptureQueriesContext(connection) as before:
            self.client.get(self.export_url)
        for n in range(3):
            measure = Measure.objects.create(plan=self.cast.plan, code=f"9{n}", title="Nov ukrep", order=10 + n)
            Responsibility.objects.create(
                measure=measure, organisation=self.cast.msp, role="holder", name_as_written="MSP"
            )
            Indicator.objects.create(measure=measure, text="Kazalnik", target=Decimal(5))
            FundingLine.objects.create(measure=measure, source=self.cast.source, basis="total", amount_eur=100)
            Report.objects.create(round=self.round, measure=measure)
        with self.assertNumQueries(len(before)):
            response = self.client.get(self.export_url)
        self.assertEqual(len(self.report_ids(response.content)), 7)

    def test_it_does_not_exist_for_a_missing_round(self) -> None:
        self.client.force_login(self.cast.admin)
        url = reverse("monitoring:round_xlsx_export", args=[self.round.pk + 100])
        self.assertEqual(self.client.get(url).status_code, 404)


class ImportViewTests(XlsxViewTestCase):
    def test_it_shows_the_upload_form(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        response = self.client.get(self.import_url)
        self.assertContains(response, 'type="file"')
        self.assertContains(response, self.export_url)

    def test_it_saves_a_filled_in_file_and_returns_to_the_round(self) -> None:
        data = self.export_as(self.cast.reporter_msp)
        r1 = Report.objects.get(round=self.round, measure=self.cast.m1)
        filled = fill(data, {("ukrep", r1.pk, None): {"narrative": "Iz preglednice."}})
        response = self.client.post(self.import_url, {"file": self.upload(filled)})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], reverse("monitoring:round", args=[self.round.pk]))
        r1.refresh_from_db()
        self.assertEqual(r1.narrative, "Iz preglednice.")
        messages = [str(m) for m in response.wsgi_request._messages]  # type: ignore[attr-defined]
        self.assertEqual(messages, ["Workbook imported: 1 report changed."])

    def test_it_lists_the_rejected_cells_and_saves_nothing(self) -> None:
        data = self.export_as(self.cast.reporter_msp)
        r1 = Report.objects.get(round=self.round, measure=self.cast.m1)
        key = ("sredstva", r1.pk, self.cast.line_a.pk)
        filled = fill(data, {key: {"spent_eur": "12 EUR?"}, ("ukrep", r1.pk, None): {"narrative": "Ne shrani."}})
        response = self.client.post(self.import_url, {"file": self.upload(filled)})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Nothing was saved")
        self.assertContains(response, f'<th scope="row" class="nowrap">{cell_of(data, key, "spent_eur")}</th>')
        self.assertContains(response, "Poročila")
        r1.refresh_from_db()
        self.assertEqual((r1.narrative, r1.version), ("", 1))

    def test_it_explains_a_file_that_is_not_a_workbook(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        response = self.client.post(self.import_url, {"file": self.upload(b"%PDF-1.7", "porocilo.pdf")})
        self.assertContains(response, "This file is not an Excel workbook (.xlsx)")

    def test_it_asks_for_a_file(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        response = self.client.post(self.import_url, {})
        self.assertContains(response, "Choose the round&#x27;s .xlsx file you filled in.")

    @override_settings(IZVEDBA_IMPORT_MAX_BYTES=100)
    def test_it_refuses_a_file_over_the_size_limit(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        response = self.client.post(self.import_url, {"file": self.upload(b"x" * 200)})
        self.assertContains(response, "the limit is")
