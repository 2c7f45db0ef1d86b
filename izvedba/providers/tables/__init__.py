"""Report tables as declared specifications: a pure engine builds them from the observations (a `Cube`) and a
`Context` (the year's units, categories, labels), and the checks compare them with each other and with print."""
