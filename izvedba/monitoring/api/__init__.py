"""The monitoring API: reporting rounds and the reports in them. Every endpoint needs a caller (bearer key or
session, izvedba.accounts.api_auth) and asks izvedba.accounts.access what they may do: an object they may not
read answers 404, an action they may not take on an object they can read answers 403."""

from izvedba.monitoring.api import reports, rounds
from izvedba.monitoring.api.common import router

__all__ = ["reports", "rounds", "router"]
