"""A round's reports as an XLSX workbook, and the same workbook filled in read back.

layout.py: sheets, columns and value fingerprints; export.py: dataclasses → bytes (pure); parse.py: bytes →
rows and cell errors (pure); data.py: the export's data for a user (a selector); forms.py: the upload form.
The import service is izvedba.monitoring.services.xlsx_import; the pages are izvedba.monitoring.views.xlsx.
"""
