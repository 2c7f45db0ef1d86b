"""Documents out: the shared machinery every generated document uses.

`model` (the pure document model: headings, paragraphs, tables, figures, key figures), `numbering` (tables and
figures numbered automatically, captions in the document's language), `formatting` (Slovenian numbers, money,
dates), `charts` (matplotlib, PNG and SVG), the renderers `docx_render` (python-docx), `html_render` and
`pdf_render` (WeasyPrint), `output` (format by file name, rendering with progress) and `kinds` (the document
kinds and the services that render them).
"""
