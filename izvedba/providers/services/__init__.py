"""Writes for providers' reports: reference definitions and structure, the import path users use, the demo."""
