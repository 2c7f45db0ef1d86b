"""report_tables reproduces document 003's figures from the finest-grain demo data, table by table, and lists a
mismatch for each inconsistency of the document."""

from __future__ import annotations

from django.test import TestCase

from izvedba.providers.models import Provider
from izvedba.providers.selectors import report_tables
from izvedba.providers.tests.support import ReportAssertions, load_demo


class ReportTables2021Tests(ReportAssertions, TestCase):
    provider: Provider

    @classmethod
    def setUpTestData(cls) -> None:
        cls.provider = load_demo()
        cls.build_report(cls.provider, 2021)

    def test_it_builds_every_demo_table(self) -> None:
        keys = {
            "municipalities", "rights_by_month_unit", "idp_by_unit", "kcm_placements_by_month", "kcm_referrals",
            "kcm_age_sex", "kcm_by_municipality", "kcm_length_of_stay", "kcm_reasons", "kcm_destinations",
            "kczn_nights_by_month", "violence_cases_by_unit", "violence_victims_by_unit",
            "violence_perpetrators_by_unit", "violence_forms", "violence_age", "violence_forms_by_age",
            "violence_relationship", "violence_relationship_by_sex", "violence_mdt", "restraining_orders",
            "interventions_by_month", "cost_carriers",
        }  # fmt: skip
        self.assertLessEqual(keys, set(self.report.tables))

    def test_municipalities_gives_populations_and_shares_within_the_administrative_unit(self) -> None:
        self.assertEqual(self.cell("municipalities", "050", "population"), 52630)
        self.assertEqual(self.cell("municipalities", "050", "share"), 94)
        self.assertEqual(self.cell("municipalities", "213", "share"), 6)
        self.assertEqual(self.cell("municipalities", "total", "population"), 116064)
        # 13.702 of 26.048 is 52,60 % and 4.604 is 17,68 %: the document prints 52 and 17, which add up to 99
        self.assertEqual(self.mismatches("municipalities"), [(52.0, 53.0), (17.0, 18.0), (99.0, 100.0)])

    def test_rights_by_month_unit_computes_totals_from_the_months_and_flags_the_printed_grand_total(self) -> None:
        self.assertEqual(self.cell("rights_by_month_unit", "koper:08", "applications"), 605)
        self.assertEqual(self.cell("rights_by_month_unit", "koper:08", "rights"), 1413)
        self.assertEqual(self.cell("rights_by_month_unit", "zupjs:08", "DS"), 1883)
        self.assertEqual(self.cell("rights_by_month_unit", "izola", "applications"), 1953)
        self.assertEqual(self.cell("rights_by_month_unit", "izola", "rights"), 4989)
        self.assertEqual(self.cell("rights_by_month_unit", "total", "applications"), 26930)
        self.assertEqual(self.cell("rights_by_month_unit", "total", "DS"), 4104)
        mismatches = self.mismatches("rights_by_month_unit")
        self.assertIn((26931.0, 26930.0), mismatches)  # skupno vs the sum of the units
        self.assertIn((50881.0, 50878.0), mismatches)
        self.assertIn((7504.0, 7317.0), mismatches)  # Služba ZUPJS August + September as the ZUPJS table prints it

    def test_every_printed_number_of_rights_equals_the_sum_of_its_row(self) -> None:
        row_checks = [
            c for c in self.report.checks
            if c.table == "rights_by_month_unit" and c.rule == "printed figure" and "St Pravic" in c.detail
        ]  # fmt: skip
        self.assertEqual(len(row_checks), 61)  # 60 rows and the grand total
        self.assertEqual(sum(c.status == "mismatch" for c in row_checks), 1)  # only the grand total

    def test_idp_by_unit_compares_the_year_with_the_previous_one(self) -> None:
        table = self.table("idp_by_unit")
        self.assertEqual([c.label for c in table.columns], ["2020", "2021"])
        self.assertEqual(self.cell("idp_by_unit", "izola:idp", "2020"), 778)
        self.assertEqual(self.cell("idp_by_unit", "koper", "2021"), 2372)
        self.assertEqual(self.cell("idp_by_unit", "pos_pog", "2020"), 499)
        self.assertEqual(self.cell("idp_by_unit", "total", "2020"), 7005)
        self.assertEqual(self.cell("idp_by_unit", "total", "2021"), 5977)
        self.assertEqual(self.mismatches("idp_by_unit"), [])

    def test_kcm_placements_by_month(self) -> None:
        self.assertEqual(self.cell("kcm_placements_by_month", "09", "count"), 7)
        self.assertEqual(self.cell("kcm_placements_by_month", "total", "count"), 38)
        self.assertEqual(self.table("kcm_placements_by_month").rows[0].label, "januar")
        self.assertEqual(self.mismatches("kcm_placements_by_month"), [])

    def test_kcm_referrals(self) -> None:
        self.assertEqual(self.cell("kcm_referrals", "csd", "count"), 32)
        self.assertEqual(self.cell("kcm_referrals", "total", "count"), 38)
        self.assertEqual(self.mismatches("kcm_referrals"), [])

    def test_kcm_age_sex(self) -> None:
        self.assertEqual([c.label for c in self.table("kcm_age_sex").columns], ["Dečki", "Deklice"])
        self.assertEqual(self.cell("kcm_age_sex", "15-18", "f"), 10)
        self.assertEqual((self.cell("kcm_age_sex", "total", "m"), self.cell("kcm_age_sex", "total", "f")), (15, 23))
        self.assertEqual(self.mismatches("kcm_age_sex"), [])

    def test_kcm_by_municipality(self) -> None:
        self.assertEqual(self.cell("kcm_by_municipality", "111", "count"), 11)
        self.assertEqual(self.cell("kcm_by_municipality", "abroad", "count"), 3)
        self.assertEqual(self.cell("kcm_by_municipality", "total", "count"), 38)

    def test_kcm_length_of_stay_rows_equal_the_monthly_placements(self) -> None:
        self.assertEqual(self.cell("kcm_length_of_stay", "05", "22+"), 4)
        self.assertEqual(self.cell("kcm_length_of_stay", "total", "8-14"), 13)
        rule = [c for c in self.report.checks if c.table == "kcm_length_of_stay" and c.rule.startswith("cross-table")]
        self.assertEqual(len(rule), 13)
        self.assertTrue(all(c.status == "ok" for c in rule))

    def test_kcm_reasons_and_the_texts_nine_emergency_removals(self) -> None:
        self.assertEqual(self.cell("kcm_reasons", "respite", "f"), 9)
        self.assertEqual(self.cell("kcm_reasons", "removal", "*"), 10)
        self.assertEqual(self.mismatches("kcm_reasons"), [(9.0, 10.0)])

    def test_kcm_destinations(self) -> None:
        self.assertEqual(self.cell("kcm_destinations", "home", "count"), 23)
        self.assertEqual(self.cell("kcm_destinations", "foster", "count"), 0)
        self.assertEqual(self.cell("kcm_destinations", "total", "count"), 38)

    def test_kczn_nights_by_month_with_the_monthly_average(self) -> None:
        self.assertEqual(self.cell("kczn_nights_by_month", "12", "nights"), 125)
        self.assertEqual(self.cell("kczn_nights_by_month", "total", "nights"), 564)
        self.assertEqual(self.cell("kczn_nights_by_month", "total", "days"), 616)
        self.assertEqual(self.cell("kczn_nights_by_month", "average", "days"), 51.33)
        self.assertEqual(self.mismatches("kczn_nights_by_month"), [])

    def test_kczn_users_labels_the_new_users_with_the_report_year(self) -> None:
        labels = [row.label for row in self.table("kczn_users").rows]
        self.assertIn("Skupno število na novo vključenih uporabnikov v letu 2021", labels)
        self.assertEqual(self.cell("kczn_users", "users", "count"), 56)

    def test_violence_by_unit_tables_and_their_shares(self) -> None:
        self.assertEqual(self.cell("violence_cases_by_unit", "total", "count"), 367)
        self.assertEqual(self.cell("violence_cases_by_unit", "koper", "share"), 42)
        self.assertEqual(self.cell("violence_victims_by_unit", "sezana", "count"), 186)
        self.assertEqual(self.cell("violence_victims_by_unit", "total", "count"), 396)
        self.assertEqual(self.cell("violence_perpetrators_by_unit", "total", "count"), 283)
        self.assertEqual(self.cell("violence_perpetrators_by_unit", "izola", "share"), 1)
        self.assertEqual(self.mismatches("violence_cases_by_unit"), [])
        self.assertEqual(self.mismatches("violence_victims_by_unit"), [])
        # 1 + 50 + 5 + 43: the printed shares add up to 99, labelled 100
        self.assertEqual(self.mismatches("violence_perpetrators_by_unit"), [(99.0, 100.0)])

    def test_violence_forms(self) -> None:
        self.assertEqual(self.cell("violence_forms", "psychological", "count"), 268)
        self.assertEqual(self.cell("violence_forms", "total", "count"), 598)

    def test_violence_age(self) -> None:
        self.assertEqual(self.cell("violence_age", "27-45", "victims"), 132)
        self.assertEqual(self.cell("violence_age", "27-45", "perpetrators"), 151)
        self.assertEqual(self.cell("violence_age", "total", "victims"), 396)
        self.assertEqual(self.mismatches("violence_age"), [])

    def test_violence_forms_by_age_flags_the_forms_that_do_not_match_the_forms_table(self) -> None:
        self.assertEqual(self.cell("violence_forms_by_age", "psychological", "19-65"), 209)
        self.assertEqual(self.cell("violence_forms_by_age", "physical", "*"), 223)
        self.assertEqual(
            self.mismatches("violence_forms_by_age"),
            [(205.0, 223.0), (268.0, 292.0), (18.0, 20.0), (53.0, 58.0), (598.0, 647.0)],
        )

    def test_violence_relationship_adds_up_the_pairs_by_sex_and_matches_neither_victims_nor_perpetrators(self) -> None:
        self.assertEqual(self.cell("violence_relationship", "parent", "count"), 107)
        self.assertEqual(self.cell("violence_relationship", "grandchild", "count"), 0)
        self.assertEqual(self.cell("violence_relationship", "total", "count"), 291)
        self.assertEqual(self.mismatches("violence_relationship"), [(283.0, 291.0), (396.0, 291.0)])

    def test_violence_relationship_by_sex(self) -> None:
        table = self.table("violence_relationship_by_sex")
        self.assertEqual(len(table.rows), 16)
        self.assertEqual(self.cell("violence_relationship_by_sex", "parent:m", "m"), 37)
        self.assertEqual(self.cell("violence_relationship_by_sex", "partner:m", "sum"), 104)
        self.assertEqual(
            [self.cell("violence_relationship_by_sex", "total", c) for c in ("f", "m", "sum")], [210, 81, 291]
        )
        self.assertEqual(self.mismatches("violence_relationship_by_sex"), [])

    def test_violence_mdt_and_the_texts_fifteen_percent(self) -> None:
        self.assertEqual(self.cell("violence_mdt", "cases", "count"), 367)
        self.assertEqual(self.cell("violence_mdt", "mdt", "count"), 41)
        self.assertEqual(self.cell("violence_mdt", "mdt_share", "count"), 11.2)
        self.assertEqual(self.mismatches("violence_mdt"), [(15.0, 11.2)])

    def test_restraining_orders_by_station_and_stage(self) -> None:
        self.assertEqual(self.cell("restraining_orders", "pp_koper", "total"), 11)
        self.assertEqual(self.cell("restraining_orders", "pp_koper", "misdemeanour"), 1)
        self.assertEqual(self.cell("restraining_orders", "pp_piran:extended_15_days", "criminal"), 6)
        self.assertEqual(
            [self.cell("restraining_orders", "total", c) for c in ("total", "misdemeanour", "criminal")], [32, 1, 31]
        )
        self.assertIsNone(self.table("restraining_orders").row("pp_kozina"))
        self.assertEqual(self.mismatches("restraining_orders"), [])

    def test_interventions_by_month_in_minutes_flags_september_and_the_total(self) -> None:
        self.assertEqual(self.cell("interventions_by_month", "07", "count"), 25)
        self.assertEqual(self.cell("interventions_by_month", "01", "weekday_day"), 18 * 60 + 55)
        self.assertEqual(self.cell("interventions_by_month", "09", "minutes"), 37 * 60 + 30)
        self.assertEqual(self.cell("interventions_by_month", "total", "count"), 189)
        self.assertEqual(self.cell("interventions_by_month", "total", "weekday_night"), 125 * 60 + 32)
        self.assertEqual(self.cell("interventions_by_month", "total", "minutes"), 464 * 60 + 45)
        mismatches = self.mismatches("interventions_by_month")
        self.assertIn((37 * 60 + 10.0, 37 * 60 + 30.0), mismatches)  # September: 37:10 printed, its parts 37:30
        self.assertIn((464 * 60 + 25.0, 464 * 60 + 45.0), mismatches)  # the total of the totals
        self.assertIn((125 * 60 + 23.0, 125 * 60 + 32.0), mismatches)  # the text's 125 h 23 min
        self.assertEqual(len(mismatches), 4)  # the total printed in the table and in the text

    def test_interventions_in_domestic_violence_against_the_polices_restraining_orders(self) -> None:
        self.assertEqual(self.cell("interventions_by_task", "domestic_violence", "count"), 47)
        self.assertEqual(self.cell("interventions_by_task", "total", "count"), 189)
        self.assertEqual(self.mismatches("interventions_domestic_violence"), [(32.0, 30.0)])

    def test_cost_carriers_compute_results_and_the_institution_total(self) -> None:
        self.assertEqual(self.cell("cost_carriers", "3A", "result"), 75)
        self.assertEqual(self.cell("cost_carriers", "3J", "result_after_tax"), 0)
        self.assertEqual(self.cell("cost_carriers", "public", "expense"), 5632459)
        totals = [
            self.cell("cost_carriers", "total", c) for c in ("revenue", "expense", "result", "tax", "result_after_tax")
        ]
        self.assertEqual(totals, [5623508, 5632459, -8951, 195, -9146])
        self.assertEqual(self.table("cost_carriers").total.label, "CELOTNI ZAVOD SKUPAJ 2021")  # type: ignore[union-attr]
        self.assertEqual(self.mismatches("cost_carriers"), [])

    def test_zupjs_yearly_totals_disagree_with_the_monthly_table(self) -> None:
        self.assertEqual(self.cell("zupjs_applications", "total", "2021"), 15038)
        self.assertEqual(self.mismatches("zupjs_applications"), [(14396.0, 15038.0)])

    def test_rights_by_right_gives_difference_and_index(self) -> None:
        self.assertEqual(self.cell("rights_by_right", "DS", "2020"), 3876)
        self.assertEqual(self.cell("rights_by_right", "DS", "difference"), 228)
        self.assertEqual(self.cell("rights_by_right", "DS", "index"), 105.9)

    def test_peak_months_are_the_two_busiest_months_in_calendar_order(self) -> None:
        self.assertEqual(
            [self.cell("rights_peak_months", "koper", c) for c in ("2020:1", "2020:2", "2021:1", "2021:2")],
            [5, 8, 1, 8],
        )
        self.assertEqual(self.mismatches("rights_peak_months"), [])


class ReportTables2020Tests(ReportAssertions, TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.build_report(load_demo(), 2020)

    def test_the_2020_rights_table_flags_its_grand_total_against_the_units(self) -> None:
        self.assertEqual(self.cell("rights_by_month_unit", "total", "applications"), 26700)
        self.assertEqual(self.cell("rights_by_month_unit", "total", "rights"), 51188)
        mismatches = self.mismatches("rights_by_month_unit")
        self.assertIn((26704.0, 26700.0), mismatches)
        self.assertIn((51198.0, 51188.0), mismatches)
        self.assertIn((7217.0, 7233.0), mismatches)

    def test_tables_without_data_for_the_year_have_empty_cells(self) -> None:
        self.assertEqual(self.table("kcm_placements_by_month").total.cells, [None])  # type: ignore[union-attr]
        self.assertEqual(self.table("violence_forms").rows, [])

    def test_an_unknown_provider_year_builds_without_figures(self) -> None:
        other = Provider.objects.get(organisation__slug="csd-celje")
        report = report_tables(provider=other, year=2021)
        self.assertEqual(report.checks, [])
        rights = report.tables["rights_by_month_unit"]
        self.assertEqual(rights.rows[0].label, "2021/01 Celje")
        self.assertTrue(all(cell is None for row in rights.rows for cell in row.cells))
