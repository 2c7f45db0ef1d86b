"""The demo: CSD Južna Primorska's 2020–2021 figures, transcribed from its annual report 2021 (seed document 003)
and loaded through the same import path users use."""

from __future__ import annotations

from collections.abc import Callable

from izvedba.geo.services import reference_load
from izvedba.organisations.models import Organisation
from izvedba.providers.models import Provider
from izvedba.providers.services.imports import observations_import, printed_import
from izvedba.providers.services.structure import DATA_DIR, definitions_load, provider_structure_load, providers_sync

DEMO_PROVIDER = "csd-juzna-primorska"


def demo_load(*, progress: Callable[[str], object] = print) -> list[str]:
    """Definitions, the 16 centres as providers, and the demo provider's data; a second run changes nothing."""
    if not Organisation.objects.filter(slug=DEMO_PROVIDER).exists():
        reference_load()
    lines = [f"Report definitions: {definitions_load()} rows changed.", f"Providers: {providers_sync()} rows changed."]
    provider = Provider.objects.get(organisation__slug=DEMO_PROVIDER)
    directory = DATA_DIR / DEMO_PROVIDER
    lines.append(
        f"{provider}: structure, {provider_structure_load(provider=provider, directory=directory)} rows changed."
    )
    for kind, importer in (("observations", observations_import), ("printed", printed_import)):
        for path in sorted((directory / kind).glob("*.csv")):
            progress(f"Importing {kind}/{path.name} …")
            result = importer(provider=provider, name=path.name, data=path.read_bytes())
            lines.append(
                f"{kind}/{path.name}: {result.created} new, {result.updated} updated, {result.unchanged} unchanged."
            )
    return lines
