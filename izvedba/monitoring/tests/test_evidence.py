"""Evidence files: what is accepted, what is refused and why, and how accepted files are kept."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from izvedba.history.models import Change
from izvedba.monitoring.models import Evidence
from izvedba.monitoring.services.evidence import evidence_add
from izvedba.monitoring.services.reports import (
    ReportChanges,
    ReportInvalid,
    ReportLocked,
    report_approve,
    report_submit,
    report_update,
)
from izvedba.monitoring.tests.api_client import ApiCase

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


class EvidenceServiceTests(ApiCase):
    def setUp(self) -> None:
        super().setUp()
        translation.activate("en")
        self.addCleanup(translation.deactivate)

    def add(self, name: str, content: bytes) -> Evidence:
        return evidence_add(report=self.report(), user=self.cast.reporter_msp, upload=SimpleUploadedFile(name, content))

    def refused(self, name: str, content: bytes) -> str:
        with self.assertRaises(ReportInvalid) as caught:
            self.add(name, content)
        self.assertFalse(Evidence.objects.exists())
        [error] = caught.exception.errors
        self.assertEqual(error.field, "evidence")
        return error.message

    def test_it_keeps_the_original_name_and_stores_the_file_under_a_safe_one(self) -> None:
        evidence = self.add("Poročilo o izvedbi (končno).pdf", PDF)
        self.assertEqual((evidence.original_name, evidence.size), ("Poročilo o izvedbi (končno).pdf", len(PDF)))
        self.assertRegex(str(evidence.file.name), rf"^evidence/{self.round.pk}/{self.report().pk}/[0-9a-f]{{32}}\.pdf$")
        self.assertEqual(evidence.uploaded_by, self.cast.reporter_msp)
        evidence.file.open("rb")
        self.assertEqual(evidence.file.read(), PDF)
        change = Change.objects.for_object(self.report()).first()
        assert change is not None
        self.assertEqual(change.changes["evidence"], {"old": None, "new": "Poročilo o izvedbi (končno).pdf"})

    def test_it_drops_folders_from_the_name(self) -> None:
        self.assertEqual(self.add("../../etc/passwd.txt", b"x").original_name, "passwd.txt")
        self.assertEqual(self.add("C:\\Users\\ana\\tabela.xlsx", b"PK\x03\x04").original_name, "tabela.xlsx")

    def test_it_refuses_extensions_outside_the_list(self) -> None:
        for name in ("setup.exe", "skripta.sh", "makro.docm", "brez_koncnice"):
            with self.subTest(name=name):
                message = self.refused(name, b"hello")
                self.assertIn(f"Files like “{name}” cannot be attached", message)
                self.assertIn("pdf, docx", message)

    def test_it_refuses_programs_whatever_their_name(self) -> None:
        for magic in (
            b"MZ\x90\x00",
            b"\x7fELF\x02",
            b"#!/bin/sh\n",
            b"\xcf\xfa\xed\xfe",
            b"\xfe\xed\xfa\xce",
            b"\xca\xfe\xba\xbe",
        ):
            with self.subTest(magic=magic):
                message = self.refused("porocilo.pdf", magic + b"rest of the file")
                self.assertIn("is a program, not a document", message)

    @override_settings(IZVEDBA_EVIDENCE_MAX_BYTES=1024 * 1024)
    def test_it_refuses_files_over_the_size_limit(self) -> None:
        message = self.refused("velik.pdf", PDF + b"0" * (1024 * 1024))
        self.assertIn("“velik.pdf” is 1 MB; files up to 1 MB", message)

    def test_it_refuses_an_empty_file(self) -> None:
        self.assertIn("is empty", self.refused("prazno.pdf", b""))

    @override_settings(IZVEDBA_EVIDENCE_EXTENSIONS=["pdf"])
    def test_the_allowed_extensions_come_from_the_settings(self) -> None:
        self.assertIn("one of these types: pdf.", self.refused("tabela.csv", b"a;b"))

    def test_it_refuses_files_for_an_approved_report(self) -> None:
        report = self.report()
        report = report_update(
            report=report, user=self.cast.admin, changes=ReportChanges(implementation_status="in_progress"), version=1
        )
        report_approve(report=report_submit(report=report, user=self.cast.admin), user=self.cast.admin)
        with self.assertRaises(ReportLocked):
            self.add("porocilo.pdf", PDF)
        self.assertFalse(Evidence.objects.exists())


class EvidenceApiTests(ApiCase):
    def url(self) -> str:
        return f"/api/reports/{self.report().pk}/evidence"

    def test_the_holders_reporter_attaches_a_file(self) -> None:
        response = self.upload(self.url(), "reporter_msp", "dokazilo.pdf", PDF)
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual((response.json()["name"], response.json()["size"]), ("dokazilo.pdf", len(PDF)))
        shown = self.ok("GET", f"/api/reports/{self.report().pk}", "coordinator")["evidence"]
        self.assertEqual([e["name"] for e in shown], ["dokazilo.pdf"])

    def test_a_refused_file_answers_422_naming_the_evidence_field(self) -> None:
        response = self.upload(self.url(), "reporter_msp", "virus.pdf", b"MZ\x90\x00")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "evidence")
        self.assertFalse(Evidence.objects.exists())

    def test_others_cannot_attach_files(self) -> None:
        for who, status in (
            ("viewer_plan", 403),
            ("coordinator", 403),
            ("reporter_participant", 403),
            ("reporter_other", 404),
        ):
            with self.subTest(who=who):
                self.assertEqual(self.upload(self.url(), who, "dokazilo.pdf", PDF).status_code, status)
        self.assertFalse(Evidence.objects.exists())
