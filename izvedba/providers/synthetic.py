"""A synthetic national load for the benches: every centre gets the demo's figures for ten years."""

from __future__ import annotations

from django.db import transaction

from izvedba.providers.models import Observation, Provider

YEARS = range(2012, 2022)


@transaction.atomic
def synthetic_load(demo: Provider, years: range = YEARS) -> int:
    """Every provider gets the demo's 2021 figures for each of `years` (the demo keeps its own 2020–2021).
    Returns how many observations were added."""
    template = list(Observation.objects.filter(provider=demo, year=2021))
    created = 0
    for provider in Provider.objects.all():
        units = list(provider.units.values_list("pk", flat=True))
        batch = []
        for year in years:
            if provider == demo and year >= 2020:
                continue
            for i, o in enumerate(template):
                unit = units[i % len(units)] if o.unit_id and provider != demo else o.unit_id
                batch.append(
                    Observation(
                        provider=provider, indicator_id=o.indicator_id, year=year, month=o.month, unit_id=unit,
                        cost_carrier_id=o.cost_carrier_id, categories=o.categories, value=o.value,
                        key=f"{o.key}|synthetic|{year}|{i}",
                    )
                )  # fmt: skip
        Observation.objects.bulk_create(batch, batch_size=2000)
        created += len(batch)
    return created
