"""The portal's test data: the monitoring tests' cast and history (2025 published, 2026 not)."""

from __future__ import annotations

from izvedba.monitoring.tests.cast import Cast, make_cast
from izvedba.monitoring.tests.progress_data import History, make_history


def make_public_data() -> tuple[Cast, History]:
    cast = make_cast()
    return cast, make_history(cast)
