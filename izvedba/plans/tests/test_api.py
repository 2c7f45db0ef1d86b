from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock
from urllib.parse import quote

from django.db.models import Q
from django.test import TestCase

from izvedba.demo.services import demo_load
from izvedba.documents.importers.warnings import render_warning
from izvedba.plans.models import Deadline, Measure, Plan, Responsibility
from izvedba.plans.selectors import MeasureFilter, measures_money, plan_measures


def is_iso_date(value: Any) -> bool:
    return isinstance(value, str) and dt.date.fromisoformat(value).isoformat() == value


def top_level_ids(rows: Q) -> set[int]:
    """Ids of the measures (not sub-rows) that match `rows` themselves or through a sub-row."""
    matching = Measure.objects.filter(rows)
    return {m.parent_id or m.pk for m in matching}


class ApiTestCase(TestCase):
    nin: Plan
    rin: Plan

    @classmethod
    def setUpTestData(cls) -> None:
        demo_load(progress=lambda s: None)
        cls.nin = Plan.objects.get(slug="nin-2025-2026")
        cls.rin = Plan.objects.get(slug="rin-obalno-kraska-2014-2016")

    def get_json(self, url: str, status: int = 200) -> Any:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content[:500])
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        return response.json()

    def all_measures(self, plan: Plan, query: str = "") -> list[dict[str, Any]]:
        return list(self.get_json(f"/api/plans/{plan.pk}/measures?limit=200&{query}")["results"])


class ListPlansTests(ApiTestCase):
    def test_it_lists_plans_newest_first(self) -> None:
        data = self.get_json("/api/plans")
        self.assertEqual(data["count"], 2)
        self.assertIsNone(data["next"])
        self.assertIsNone(data["previous"])
        self.assertEqual([p["slug"] for p in data["results"]], ["nin-2025-2026", "rin-obalno-kraska-2014-2016"])

    def test_it_gives_typed_plan_items(self) -> None:
        nin, rin = self.get_json("/api/plans")["results"]
        self.assertEqual(nin["measure_count"], Measure.objects.filter(plan=self.nin, parent=None).count())
        self.assertEqual(nin["kind"], "national")
        self.assertIsNone(nin["region"])
        self.assertTrue(is_iso_date(nin["document_date"]))
        self.assertEqual((nin["period_start"], nin["period_end"]), (2025, 2026))
        self.assertEqual(set(nin["source_document"]), {"name", "url", "size"})
        self.assertIsInstance(nin["source_document"]["size"], int)
        self.assertEqual(rin["region"], {"code": "12", "name": "Obalno-kraška"})
        self.assertEqual(set(rin["coordinator"]), {"id", "slug", "name", "acronym"})
        self.assertTrue(is_iso_date(rin["confirmed_on"]))

    def test_it_pages_with_next_and_previous(self) -> None:
        first = self.get_json("/api/plans?limit=1")
        self.assertEqual(first["next"], "http://testserver/api/plans?limit=1&offset=1")
        self.assertIsNone(first["previous"])
        second = self.get_json(first["next"])
        self.assertEqual([p["slug"] for p in second["results"]], ["rin-obalno-kraska-2014-2016"])
        self.assertIsNone(second["next"])
        self.assertEqual(second["previous"], "http://testserver/api/plans?limit=1&offset=0")

    def test_it_gives_an_empty_page_past_the_end(self) -> None:
        data = self.get_json("/api/plans?offset=10")
        self.assertEqual((data["count"], data["results"], data["next"]), (2, [], None))

    def test_it_caps_the_limit_at_200(self) -> None:
        data = self.get_json(f"/api/plans/{self.nin.pk}/measures?limit=1000&offset=1")
        self.assertIn("limit=200", data["previous"])

    def test_it_rejects_a_negative_limit(self) -> None:
        data = self.get_json("/api/plans?limit=-1", status=422)
        self.assertEqual(data["detail"][0]["loc"], ["query", "limit"])
        self.assertEqual(data["detail"][0]["msg"], "Input should be greater than or equal to 1")

    def test_it_rejects_a_negative_offset(self) -> None:
        data = self.get_json("/api/plans?offset=-5", status=422)
        self.assertEqual(data["detail"][0]["loc"], ["query", "offset"])

    def test_it_rejects_a_non_integer_limit(self) -> None:
        data = self.get_json("/api/plans?limit=ten", status=422)
        self.assertEqual(data["detail"][0]["type"], "int_parsing")


class GetPlanTests(ApiTestCase):
    def test_it_gives_the_plan_with_its_parts(self) -> None:
        data = self.get_json(f"/api/plans/{self.rin.pk}")
        self.assertEqual(data["slug"], "rin-obalno-kraska-2014-2016")
        self.assertEqual(data["measure_count"], 14)
        koper = next(m for m in data["municipalities"] if m["code"] == "050")
        self.assertEqual(koper["name_as_written"], "Mestna občina Koper-Comune di Capodistria")
        self.assertEqual(sum(s["count"] for s in data["coordination_group"]), 21)
        ageing = next(c for c in data["context_indicators"] if c["name"] == "indeks staranja")
        self.assertEqual(ageing, {"name": "indeks staranja", "value": 134.5, "unit": "", "year": 2012})
        self.assertTrue(all(isinstance(p, str) for p in data["priorities"] + data["risks"]))
        self.assertEqual(data["warnings"], [])

    def test_it_lists_the_goals_the_measures_use(self) -> None:
        data = self.get_json(f"/api/plans/{self.nin.pk}")
        used = set(Measure.objects.filter(plan=self.nin).exclude(goal=None).values_list("goal__number", flat=True))
        self.assertEqual({g["number"] for g in data["goals"]}, used)
        goal_1 = next(g for g in data["goals"] if g["number"] == 1)
        self.assertIn("1.1", [a["code"] for a in goal_1["areas"]])

    def test_it_totals_the_plans_money_in_integer_eur(self) -> None:
        totals = self.get_json(f"/api/plans/{self.nin.pk}")["totals"]
        table = measures_money(plan_measures(self.nin))
        self.assertEqual(totals["years"], {str(y): table.total(str(y)) for y in table.years})
        self.assertEqual(totals["total"], table.grand_total)
        self.assertEqual(totals["span"], table.total(table.SPAN))
        self.assertEqual(totals["undated"], table.total(table.UNDATED))
        self.assertEqual(sum(s["total"] for s in totals["by_source"]), totals["total"])
        self.assertIn("Proračun RS", [s["source"] for s in totals["by_source"]])
        self.assertTrue(all(isinstance(v, int) for v in totals["years"].values()))

    def test_it_returns_404_json_for_an_unknown_plan(self) -> None:
        data = self.get_json("/api/plans/999999", status=404)
        self.assertEqual(data, {"detail": "There is no plan with id 999999."})

    def test_it_rejects_a_non_integer_id(self) -> None:
        data = self.get_json("/api/plans/nin", status=422)
        self.assertEqual(data["detail"][0]["loc"], ["path", "plan_id"])


class PlanMeasuresTests(ApiTestCase):
    def test_it_lists_the_plans_measures_in_document_order(self) -> None:
        data = self.get_json(f"/api/plans/{self.nin.pk}/measures")
        expected = list(
            Measure.objects.filter(plan=self.nin, parent=None).order_by("order").values_list("code", flat=True)
        )
        self.assertEqual(data["count"], len(expected))
        self.assertEqual([m["code"] for m in data["results"]], expected)

    def test_it_gives_typed_measure_items(self) -> None:
        measures = self.all_measures(self.nin)
        with_sub_rows = next(m for m in measures if m["sub_rows"])
        self.assertEqual(with_sub_rows["url"], f"/nacrti/ukrep/{with_sub_rows['id']}/")
        self.assertIsInstance(with_sub_rows["goal"], int)
        self.assertNotIn("sub_rows", with_sub_rows["sub_rows"][0])
        self.assertEqual(set(with_sub_rows["sub_rows"][0]), set(with_sub_rows) - {"sub_rows"})
        lines = [line for m in measures for line in m["funding_lines"]]
        self.assertTrue(all(isinstance(line["amount_eur"], int) for line in lines))
        self.assertTrue({line["basis"] for line in lines} <= {"year", "span", "per_year", "total"})
        deadlines = [d for m in measures for d in m["deadlines"]]
        self.assertTrue(deadlines and all(is_iso_date(d["date"]) for d in deadlines))
        holder = measures[0]["holders"][0]
        self.assertEqual(set(holder), {"id", "slug", "name", "acronym", "scope", "name_as_written"})
        self.assertEqual(set(measures[0]["funding_sources"][0]), {"slug", "name", "name_as_written"})

    def test_it_gives_indicator_targets_as_numbers(self) -> None:
        indicators = [i for m in self.all_measures(self.nin) for i in m["indicators"]]
        targets = [i["target"] for i in indicators if i["target"] is not None]
        self.assertTrue(targets)
        self.assertTrue(all(isinstance(t, int | float) for t in targets))

    def test_it_filters_by_holder(self) -> None:
        msp_holds = Q(responsibilities__role=Responsibility.Role.HOLDER, responsibilities__organisation__slug="msp")
        expected = top_level_ids(Q(plan=self.nin) & msp_holds)
        self.assertTrue(expected)
        for value in ("MSP", "msp", "Ministrstvo za solidarno prihodnost"):
            with self.subTest(value=value):
                self.assertEqual({m["id"] for m in self.all_measures(self.nin, f"holder={value}")}, expected)

    def test_it_filters_by_participant(self) -> None:
        joins = Q(responsibilities__role=Responsibility.Role.PARTICIPANT, responsibilities__organisation__slug="dso")
        expected = top_level_ids(Q(plan=self.nin) & joins)
        self.assertTrue(expected)
        self.assertEqual({m["id"] for m in self.all_measures(self.nin, "participant=DSO")}, expected)

    def test_it_filters_by_deadline_year(self) -> None:
        due_2026 = Deadline.objects.filter(measure__plan=self.nin, due_on__year=2026).values("measure")
        expected = top_level_ids(Q(pk__in=due_2026))
        measures = self.all_measures(self.nin, "deadline_year=2026")
        self.assertEqual({m["id"] for m in measures}, expected)
        self.assertLess(len(expected), self.nin.measures.filter(parent=None).count())

    def test_it_filters_by_funding_source(self) -> None:
        expected = top_level_ids(Q(plan=self.nin, funding_sources__slug="essslo"))
        self.assertTrue(expected)
        for value in ("essslo", "ESS+/SLO"):
            with self.subTest(value=value):
                found = self.all_measures(self.nin, f"funding_source={quote(value)}")
                self.assertEqual({m["id"] for m in found}, expected)

    def test_it_searches_without_case_or_diacritics(self) -> None:
        expected = top_level_ids(Q(plan=self.nin, search_text__contains="digitalizacija"))
        self.assertIn("1.1.1", [m["code"] for m in self.all_measures(self.nin, "q=DIGITALIZACIJA")])
        self.assertEqual({m["id"] for m in self.all_measures(self.nin, "q=DIGITALIZACIJA")}, expected)
        self.assertEqual([m["code"] for m in self.all_measures(self.nin, f"q={quote('Pomoč na domu')}")], ["2.10"])
        self.assertEqual([m["code"] for m in self.all_measures(self.nin, "q=pomoc+na+domu")], ["2.10"])

    def test_it_finds_nothing_for_an_unknown_holder(self) -> None:
        data = self.get_json(f"/api/plans/{self.nin.pk}/measures?holder=nobody")
        self.assertEqual((data["count"], data["results"], data["totals"]["total"]), (0, [], 0))

    def test_it_totals_the_filtered_measures_across_pages(self) -> None:
        data = self.get_json(f"/api/plans/{self.nin.pk}/measures?holder=MSP&limit=2")
        self.assertEqual(len(data["results"]), 2)
        table = measures_money(plan_measures(self.nin, MeasureFilter(holder="MSP")))
        self.assertEqual(data["totals"]["total"], table.grand_total)
        self.assertEqual(data["totals"]["years"], {str(y): table.total(str(y)) for y in table.years})

    def test_it_keeps_the_filters_in_page_links(self) -> None:
        data = self.get_json(f"/api/plans/{self.nin.pk}/measures?holder=MSP&limit=5")
        self.assertEqual(
            data["next"], f"http://testserver/api/plans/{self.nin.pk}/measures?holder=MSP&limit=5&offset=5"
        )
        last = self.get_json(f"/api/plans/{self.nin.pk}/measures?holder=MSP&limit=5&offset=10")
        self.assertIsNone(last["next"])
        self.assertEqual(len(last["results"]), data["count"] - 10)

    def test_it_rejects_a_non_integer_deadline_year(self) -> None:
        data = self.get_json(f"/api/plans/{self.nin.pk}/measures?deadline_year=soon", status=422)
        self.assertEqual(data["detail"][0]["loc"], ["query", "deadline_year"])
        self.assertEqual(data["detail"][0]["type"], "int_parsing")

    def test_it_ignores_a_blank_deadline_year(self) -> None:
        data = self.get_json(f"/api/plans/{self.nin.pk}/measures?deadline_year=")
        self.assertEqual(data["count"], self.nin.measures.filter(parent=None).count())

    def test_it_returns_404_json_for_an_unknown_plan(self) -> None:
        data = self.get_json("/api/plans/999999/measures", status=404)
        self.assertEqual(data, {"detail": "There is no plan with id 999999."})


class GetMeasureTests(ApiTestCase):
    def test_it_gives_the_measure_with_its_plan_and_source_cells(self) -> None:
        measure = Measure.objects.get(plan=self.nin, code="1.1.1", parent=None)
        data = self.get_json(f"/api/measures/{measure.pk}")
        self.assertEqual(data["plan"], {"id": self.nin.pk, "slug": self.nin.slug, "title": self.nin.title})
        self.assertEqual(data["raw"], measure.raw)
        self.assertEqual(data["warnings"], [render_warning(w) for w in measure.warnings])
        self.assertIn("MDDSZ", data["warnings"][0])
        self.assertIsNone(data["parent_id"])
        self.assertEqual(data["area"], "1.1")
        self.assertEqual(data["funding_lines"][0]["basis"], "span")

    def test_it_gives_a_sub_row_with_its_parent(self) -> None:
        sub_row = Measure.objects.filter(plan=self.nin).exclude(parent=None).first()
        assert sub_row is not None
        data = self.get_json(f"/api/measures/{sub_row.pk}")
        self.assertEqual(data["parent_id"], sub_row.parent_id)
        self.assertEqual(data["sub_rows"], [])

    def test_it_returns_404_json_for_an_unknown_measure(self) -> None:
        data = self.get_json("/api/measures/999999", status=404)
        self.assertEqual(data, {"detail": "There is no measure with id 999999."})


class AccessTests(ApiTestCase):
    def test_it_asks_the_access_module_and_denies_with_403(self) -> None:
        with mock.patch("izvedba.accounts.access.can_read_plans", return_value=False) as can_read:
            for url in (
                "/api/plans",
                f"/api/plans/{self.nin.pk}/measures",
                "/api/organisations",
                "/api/regions",
            ):
                with self.subTest(url=url):
                    self.assertEqual(self.get_json(url, status=403), {"detail": "You may not see this."})
        self.assertEqual(can_read.call_count, 4)

    def test_it_lets_anonymous_visitors_read(self) -> None:
        self.client.logout()
        measure = Measure.objects.filter(plan=self.nin).first()
        assert measure is not None
        self.assertEqual(self.get_json(f"/api/measures/{measure.pk}")["id"], measure.pk)


class OpenApiTests(TestCase):
    def test_it_documents_every_endpoint(self) -> None:
        schema = self.client.get("/api/openapi.json").json()
        paths = {
            "/api/plans": "PlanPage",
            "/api/plans/{plan_id}": "PlanDetail",
            "/api/plans/{plan_id}/measures": "MeasurePage",
            "/api/measures/{measure_id}": "MeasureDetail",
            "/api/organisations": "OrganisationPage",
            "/api/regions": "RegionPage",
        }
        self.assertLessEqual(set(paths), set(schema["paths"]))
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                with self.subTest(path=path, method=method):
                    self.assertTrue(operation["summary"])
                    self.assertTrue(operation.get("description"), "every endpoint says what it does")
        for path, expected in paths.items():
            with self.subTest(path=path):
                operation = schema["paths"][path]["get"]
                self.assertTrue(operation["summary"])
                ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
                self.assertEqual(ok, {"$ref": f"#/components/schemas/{expected}"})

    def test_it_documents_the_404_body(self) -> None:
        schema = self.client.get("/api/openapi.json").json()
        not_found = schema["paths"]["/api/plans/{plan_id}"]["get"]["responses"]["404"]
        self.assertEqual(not_found["content"]["application/json"]["schema"], {"$ref": "#/components/schemas/Error"})

    def test_it_serves_the_docs_page(self) -> None:
        self.assertContains(self.client.get("/api/docs"), "openapi.json")
