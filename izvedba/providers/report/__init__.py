"""The annual report document: the 11 sections the regulation prescribes (`data/sections.csv`), the provider's
text per section and area, the generated tables and charts in place, prior-year comparisons and a key-figures
summary. `context` reads what a report needs; `build` turns it into a `rendering.model.Document` (pure)."""
