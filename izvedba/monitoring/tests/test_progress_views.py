"""The plan's progress page (charts with their tables) and the CSV/JSON exports of progress and measures."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from izvedba.core.versioning import content_changed
from izvedba.monitoring import progress as p
from izvedba.monitoring.models import Round
from izvedba.monitoring.tests.cast import Cast, make_cast
from izvedba.monitoring.tests.progress_data import History, make_history, make_report, make_round
from izvedba.monitoring.views.progress import MEASURE_FIELDS
from izvedba.plans.models import Measure


class ProgressViewTestCase(TestCase):
    cast: Cast
    history: History

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.history = make_history(cls.cast)
        Measure.objects.filter(pk=cls.cast.m3.pk).update(title='Informiranje uporabnikov, svojcev in "javnosti"')

    def setUp(self) -> None:
        self.client.cookies["django_language"] = "en"

    def url(self, name: str = "plan_progress", plan_id: int | None = None) -> str:
        return reverse(f"monitoring:{name}", args=[plan_id or self.cast.plan.pk])


class ProgressPageTests(ProgressViewTestCase):
    def test_it_shows_the_counts_by_status_as_a_chart_and_a_table(self) -> None:
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('role="img" aria-labelledby="chart-status-title chart-status-desc"', html)
        self.assertIn('<title id="chart-status-title">Measures by implementation status</title>', html)
        self.assertInHTML('<tr data-status="completed"><th scope="row">completed</th><td class="num">1</td></tr>', html)
        self.assertInHTML(
            '<tr data-status="not_reported"><th scope="row">not reported</th><td class="num">1</td></tr>', html
        )

    def test_it_puts_a_table_after_every_chart(self) -> None:
        html = self.client.get(self.url()).content.decode()
        for chart, table in (("chart-status", "data-status-table"), ("chart-money-years", "data-money-years"),
                             ("chart-money-sources", "data-money-sources")):  # fmt: skip
            self.assertLess(html.index(f'id="{chart}-title"'), html.index(table), chart)
        self.assertEqual(html.count("<summary>Data table</summary>"), 3)

    def test_it_counts_published_rounds_for_the_public(self) -> None:
        html = self.client.get(self.url()).content.decode()
        self.assertIn("You see the figures of published rounds.", html)
        self.assertNotIn("Ni sredstev.", html)  # m3's reason, approved only in the unpublished round
        self.assertInHTML(
            '<tr><th scope="row">2025</th><td class="num">0 EUR</td><td class="num">1,500 EUR</td></tr>', html
        )

    def test_it_counts_every_round_for_a_viewer(self) -> None:
        self.client.force_login(self.cast.viewer_plan)
        html = self.client.get(self.url()).content.decode()
        self.assertNotIn("You see the figures of published rounds.", html)
        self.assertIn("(not published)", html)
        self.assertInHTML('<tr data-status="abandoned"><th scope="row">abandoned</th><td class="num">1</td></tr>', html)
        self.assertInHTML(
            '<tr><th scope="row">2026</th><td class="num">12,000 EUR</td><td class="num">2,000.50 EUR</td></tr>', html
        )

    def test_it_lists_the_overdue_measures_with_the_reason_given(self) -> None:
        html = self.client.get(self.url()).content.decode()
        start = html.index("data-overdue")
        overdue = html[start : html.index("</table>", start)]
        self.assertIn(reverse("plans:measure", args=[self.cast.m2.pk]), overdue)
        self.assertIn("Zamuda pri javnem naročilu.", overdue)
        self.assertIn("31 Dec 2025", overdue)

    def test_it_lists_every_measure_with_sub_rows_under_their_measure_and_links_to_them(self) -> None:
        html = self.client.get(self.url()).content.decode()
        c = self.cast
        positions = [html.index(f'data-measure="{m.pk}"') for m in (c.m1, c.m1_sub, c.m2, c.m3)]
        self.assertEqual(positions, sorted(positions))
        for m in (c.m1, c.m1_sub, c.m2, c.m3):
            self.assertIn(f'href="{reverse("plans:measure", args=[m.pk])}"', html)
        self.assertIn('data-deadline="overdue"', html)
        self.assertIn('data-rating="insufficient_data"', html)

    def test_it_draws_the_indicators_off_track_with_their_table(self) -> None:
        self.client.force_login(self.cast.viewer_plan)
        html = self.client.get(self.url()).content.decode()
        self.assertIn("No indicator is off track.", html)
        make_report(make_round(self.cast.plan, 2027), self.cast.m1, "in_progress", values={self.cast.ind_num: 41})
        html = self.client.get(self.url()).content.decode()
        self.assertIn('id="chart-off-track-title"', html)
        start = html.index("data-off-track")
        self.assertIn("Število vključenih oseb", html[start : html.index("</table>", start)])

    def test_it_says_a_plan_does_not_exist(self) -> None:
        self.assertEqual(self.client.get(self.url(plan_id=999_999)).status_code, 404)

    def test_it_is_linked_from_the_plan_page(self) -> None:
        html = self.client.get(reverse("plans:detail", args=[self.cast.plan.pk])).content.decode()
        self.assertIn(f'href="{self.url()}"', html)


def read_csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


class ProgressExportTests(ProgressViewTestCase):
    def test_it_exports_progress_as_csv_with_a_bom_and_a_row_per_indicator(self) -> None:
        response = self.client.get(self.url("plan_progress_csv"))
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertTrue(response.content.startswith("\ufeff".encode()))
        rows = read_csv(response.content)
        self.assertEqual(list(rows[0]), list(p.PROGRESS_FIELDS))
        c = self.cast
        expected = [
            (c.m1, c.ind_num.pk),
            (c.m1, c.ind_text.pk),
            (c.m1_sub, c.ind_sub.pk),
            (c.m2, c.ind_m2.pk),
            (c.m3, ""),
        ]
        self.assertEqual(
            [(r["measure_id"], r["indicator_id"]) for r in rows], [(str(m.pk), str(i)) for m, i in expected]
        )
        first = rows[0]
        self.assertEqual((first["implementation_status"], first["current_value"], first["rating"]),
                         ("in_progress", "40", "insufficient_data"))  # fmt: skip
        self.assertEqual(rows[3]["deadline_state"], "overdue")
        self.assertEqual(rows[4]["measure_title"], 'Informiranje uporabnikov, svojcev in "javnosti"')
        self.assertIn(b'"Informiranje uporabnikov, svojcev in ""javnosti"""', response.content)

    def test_it_exports_progress_as_json_with_the_same_fields(self) -> None:
        self.client.force_login(self.cast.viewer_plan)
        response = self.client.get(self.url("plan_progress_json"))
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        body: dict[str, Any] = json.loads(response.content)
        self.assertEqual([r["label"] for r in body["rounds_counted"]], ["2025", "2026"])
        self.assertEqual(set(body["rows"][0]), set(p.PROGRESS_FIELDS))
        first = body["rows"][0]
        self.assertEqual((first["current_value"], first["progress_share"], first["rating"]), (70, 0.5, "on_track"))
        self.assertEqual(body["rows"][4]["implementation_status"], "abandoned")

    def test_it_exports_the_public_figures_for_anonymous_visitors(self) -> None:
        rows = read_csv(self.client.get(self.url("plan_progress_csv")).content)
        self.assertEqual(rows[4]["implementation_status"], "not_reported")

    def test_it_exports_the_plans_measures_as_csv(self) -> None:
        response = self.client.get(self.url("plan_measures_csv"))
        self.assertTrue(response.content.startswith("\ufeff".encode()))
        rows = read_csv(response.content)
        self.assertEqual(list(rows[0]), list(MEASURE_FIELDS))
        c = self.cast
        self.assertEqual([r["id"] for r in rows], [str(m.pk) for m in (c.m1, c.m1_sub, c.m2, c.m3)])
        m1 = rows[0]
        self.assertEqual(m1["goal"], "1")
        self.assertEqual(m1["holders"], "MSP – Ministrstvo za solidarno prihodnost")
        self.assertEqual(m1["participants"], "Zavod RS za zaposlovanje")
        self.assertEqual(m1["deadlines"], "2026-12-31")
        self.assertEqual(m1["planned_eur"], "15000")
        self.assertEqual(m1["indicators"], "Število vključenih oseb (target 100 oseb); Vzpostavljena mreža storitev")
        self.assertEqual((rows[1]["parent_code"], rows[1]["sub_index"]), ("1", "1"))

    def test_it_exports_the_plans_measures_as_json_with_lists(self) -> None:
        body = json.loads(self.client.get(self.url("plan_measures_json")).content)
        self.assertEqual(body["plan"]["id"], self.cast.plan.pk)
        first = body["rows"][0]
        self.assertEqual(set(first), set(MEASURE_FIELDS))
        self.assertEqual(
            first["funding"], ["2026: 10000 EUR (Proračun RS (test))", "in total: 5000 EUR (Proračun RS (test))"]
        )
        self.assertEqual(first["holders"], ["MSP – Ministrstvo za solidarno prihodnost"])

    def test_it_says_a_plan_to_export_does_not_exist(self) -> None:
        for name in ("plan_progress_csv", "plan_progress_json", "plan_measures_csv", "plan_measures_json"):
            self.assertEqual(self.client.get(self.url(name, plan_id=999_999)).status_code, 404, name)


@override_settings(IZVEDBA_PAGE_CACHE_SECONDS=60)
class ProgressCacheTests(ProgressViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        cache.clear()

    def publish_2026_quietly(self) -> None:
        """Publish the 2026 round behind the services' back (they also move the content version on)."""
        Round.objects.filter(pk=self.history.r2026.pk).update(published_at=timezone.now())

    def test_it_serves_the_public_from_the_cache_until_the_content_changes(self) -> None:
        self.assertNotIn("Ni sredstev.", self.client.get(self.url()).content.decode())
        self.publish_2026_quietly()
        self.assertNotIn("Ni sredstev.", self.client.get(self.url()).content.decode())
        content_changed()  # what round_publish and report_approve do
        self.assertIn("Ni sredstev.", self.client.get(self.url()).content.decode())

    def test_it_never_serves_signed_in_users_from_the_cache(self) -> None:
        self.client.force_login(self.cast.reporter_msp)
        self.assertNotIn("Ni sredstev.", self.client.get(self.url()).content.decode())
        self.publish_2026_quietly()
        self.assertIn("Ni sredstev.", self.client.get(self.url()).content.decode())

    def test_it_keeps_an_exports_headers_in_the_cache(self) -> None:
        first = self.client.get(self.url("plan_progress_csv"))
        second = self.client.get(self.url("plan_progress_csv"))
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Type"], "text/csv; charset=utf-8")
        self.assertEqual(second["Content-Disposition"], first["Content-Disposition"])
