"""Documents out of the plan registry: regional plan summaries, council material and monitoring reports."""
