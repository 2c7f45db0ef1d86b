"""The DCAT-AP catalogue of the open data (JSON-LD), as Slovenia's open-data portal (OPSI) harvests it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings

from izvedba.portal.datasets import Dataset
from izvedba.portal.downloads import FORMATS

LICENCE = "http://creativecommons.org/licenses/by/4.0/"
FILE_TYPES = {  # the EU vocabulary of file types DCAT-AP asks for in dct:format
    "csv": "http://publications.europa.eu/resource/authority/file-type/CSV",
    "xlsx": "http://publications.europa.eu/resource/authority/file-type/XLSX",
    "json": "http://publications.europa.eu/resource/authority/file-type/JSON",
}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def catalogue(
    datasets: list[Dataset],
    *,
    base_url: str,
    portal_url: str,
    download_url: Any,
    period: tuple[int | None, int | None],
    modified: dt.date,
) -> dict[str, Any]:
    """`download_url(key, fmt)` gives a download's absolute URL; `period` the first and last year covered."""
    publisher = {"@id": f"{base_url}#publisher", "@type": "foaf:Agent", "foaf:name": settings.IZVEDBA_PUBLISHER}
    return {
        "@context": CONTEXT,
        "@id": f"{base_url}/data/catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": [
            _lang("Izvedba socialnovarstvenih načrtov – odprti podatki", "sl"),
            _lang("Social protection implementation plans – open data", "en"),
        ],
        "dct:description": [
            _lang("Načrti, ukrepi in objavljeni podatki spremljanja izvajanja.", "sl"),
            _lang("Plans, measures and the published monitoring of their implementation.", "en"),
        ],
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENCE},
        "dct:modified": _date(modified),
        "foaf:homepage": {"@id": portal_url},
        "dcat:dataset": [
            _dataset(
                d,
                base_url=base_url,
                portal_url=portal_url,
                download_url=download_url,
                period=period,
                modified=modified,
                publisher=publisher,
            )
            for d in datasets
        ],
    }


def _dataset(
    dataset: Dataset,
    *,
    base_url: str,
    portal_url: str,
    download_url: Any,
    period: tuple[int | None, int | None],
    modified: dt.date,
    publisher: dict[str, str],
) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"{base_url}/data/{dataset.key}",
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.key,
        "dct:title": [_lang(dataset.title_sl, "sl"), _lang(dataset.title_en, "en")],
        "dct:description": [_lang(dataset.description_sl, "sl"), _lang(dataset.description_en, "en")],
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:license": {"@id": LICENCE},
        "dct:modified": _date(modified),
        "dcat:landingPage": {"@id": f"{portal_url}#{dataset.key}"},
        "dcat:distribution": [
            {
                "@id": f"{base_url}/data/{dataset.key}/{fmt}",
                "@type": "dcat:Distribution",
                "dct:title": f"{dataset.title_en} ({fmt.upper()})",
                "dcat:accessURL": {"@id": download_url(dataset.key, fmt)},
                "dcat:downloadURL": {"@id": download_url(dataset.key, fmt)},
                "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media}"},
                "dct:format": {"@id": FILE_TYPES[fmt]},
                "dct:license": {"@id": LICENCE},
                "dct:modified": _date(modified),
            }
            for fmt, media in FORMATS.items()
        ],
    }
    start, end = period
    if start is not None and end is not None:
        node["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _date(dt.date(start, 1, 1)),
            "dcat:endDate": _date(dt.date(end, 12, 31)),
        }
    return node


def _lang(text: str, language: str) -> dict[str, str]:
    return {"@value": text, "@language": language}


def _date(value: dt.date) -> dict[str, str]:
    return {"@value": value.isoformat(), "@type": "xsd:date"}
