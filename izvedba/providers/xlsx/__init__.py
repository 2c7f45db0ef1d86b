"""Capture of a provider's figures per section: grids, the XLSX template and its import."""
