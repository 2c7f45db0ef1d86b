"""Providers' pages: the list, a provider's structure (`pages`) and its annual report per year (`report`)."""
