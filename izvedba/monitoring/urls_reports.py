"""My work, rounds, snapshots and reports (names in the `monitoring` namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from izvedba.monitoring.views import home, reports, rounds

urlpatterns: list[URLPattern] = [
    path("", home.home, name="home"),
    path("nacrt/<int:plan_id>/krogi/", rounds.rounds, name="rounds"),
    path("krog/<int:round_id>/", rounds.round_detail, name="round"),
    path("krog/<int:round_id>/zapri/", rounds.round_close_view, name="round_close"),
    path("krog/<int:round_id>/objavi/", rounds.round_publish_view, name="round_publish"),
    path("krog/<int:round_id>/zamrzni/", rounds.round_freeze_view, name="round_freeze"),
    path("posnetek/<int:snapshot_id>/", rounds.snapshot, name="snapshot"),
    path("porocilo/<int:report_id>/", reports.report, name="report"),
    path("porocilo/<int:report_id>/vrni/", reports.report_return, name="report_return"),
    path("porocilo/<int:report_id>/potrdi/", reports.report_approve, name="report_approve"),
    path("porocilo/<int:report_id>/ponovno-odpri/", reports.report_reopen, name="report_reopen"),
    path("porocilo/<int:report_id>/dokazila/", reports.report_evidence, name="report_evidence"),
    path("porocilo/<int:report_id>/prispevki/", reports.report_contribute, name="report_contribute"),
    path("dokazilo/<int:evidence_id>/", reports.report_evidence_file, name="report_evidence_file"),
]
