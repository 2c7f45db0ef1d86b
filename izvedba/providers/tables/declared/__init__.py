"""The report tables, declared by area."""
