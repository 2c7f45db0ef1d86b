"""Cell text from word positions: wrapped lines, paragraph ends, and words a narrow column cut."""

from __future__ import annotations

from izvedba.documents.importers.readers.pdf_text import Word, cell_text, paragraphs

BOX = (0.0, 0.0, 100.0, 100.0)  # text runs from x=5 to x=95 (5 pt padding)


def word(text: str, x0: float, line: int, width: float | None = None) -> Word:
    return Word(text, x0, x0 + (width if width is not None else 5.0 * len(text)), 10.0 * line, 10.0 * line + 9)


def test_it_joins_a_wrapped_line_with_a_space() -> None:
    # 'financiranje' would have fitted on a line of its own, so the column did not cut a word here.
    words = [word("Proračun", 5, 0), word("RS", 48, 0), word("za", 61, 0, 28), word("financiranje", 5, 1)]
    assert cell_text(BOX, words) == "Proračun RS za financiranje"


def test_it_keeps_a_line_that_ended_short_as_its_own_paragraph() -> None:
    words = [word("MDDSZ,", 5, 0), word("ZRSZ", 5, 1)]
    assert cell_text(BOX, words) == "MDDSZ,\nZRSZ"


def test_it_puts_back_a_word_the_column_cut_at_its_edge() -> None:
    words = [word("deinstitucionaliza", 5, 0, width=89.0), word("cije", 5, 1)]
    assert cell_text(BOX, words) == "deinstitucionalizacije"


def test_it_trusts_the_documents_own_words_over_geometry() -> None:
    words = [word("stroškov", 5, 0, width=89.0), word("energije", 5, 1)]
    assert cell_text(BOX, words, frozenset({"stroškov", "energije"})) == "stroškov energije"


def test_it_rejoins_a_break_after_a_hyphen() -> None:
    words = [word("OP", 5, 0), word("EKP", 20, 0), word("2021-", 40, 0, width=54.0), word("2027", 5, 1)]
    assert cell_text(BOX, words) == "OP EKP 2021-2027"


def test_it_groups_prose_lines_into_paragraphs() -> None:
    words = [word("Prvi", 5, 0, 45), word("odstavek", 52, 0, 43), word("se", 5, 1), word("konča.", 20, 1),
             word("Drugi", 5, 3), word("odstavek.", 35, 3)]  # fmt: skip
    assert [text for _top, text in paragraphs(words)] == ["Prvi odstavek se konča.", "Drugi odstavek."]
