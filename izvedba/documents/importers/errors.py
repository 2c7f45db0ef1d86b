"""Why a document could not be read: one exception type with a stable code and a user-facing message."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DocumentError(Exception):
    """A document that cannot be imported. `code` is stable for tests and the API; `message` is for people."""

    def __init__(self, code: str, message: str | Promise) -> None:
        super().__init__(str(message))
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def empty_file() -> DocumentError:
    return DocumentError("empty", _("The file is empty. Choose the plan's DOCX, PDF or text file and try again."))


def too_large(size: int, limit: int) -> DocumentError:
    return DocumentError(
        "too_large",
        _("The file is %(size)s MB; the limit is %(limit)s MB. Split the document or ask an administrator.")
        % {"size": f"{size / 1_048_576:.1f}", "limit": f"{limit / 1_048_576:.0f}"},
    )


def unsupported_format() -> DocumentError:
    return DocumentError(
        "unsupported_format",
        _(
            "This file is not a Word document (.docx), a PDF or a UTF-8 text file. "
            "Save the plan as .docx or .pdf and upload it again."
        ),
    )


def corrupt_docx(detail: str) -> DocumentError:
    return DocumentError(
        "corrupt_docx",
        _(
            "The file is named .docx but is not a readable Word document (%(detail)s). "
            "Open it in Word or LibreOffice, save it again as .docx and retry."
        )
        % {"detail": detail},
    )


def corrupt_pdf(detail: str) -> DocumentError:
    return DocumentError(
        "corrupt_pdf",
        _("The PDF could not be read (%(detail)s). Export it again from the original document and retry.")
        % {"detail": detail},
    )


def encrypted_pdf() -> DocumentError:
    return DocumentError(
        "encrypted_pdf",
        _("The PDF is password-protected. Remove the protection (or upload the original .docx) and retry."),
    )


def image_only_pdf() -> DocumentError:
    return DocumentError(
        "image_only_pdf",
        _(
            "The PDF contains only scanned images and no text, so its tables cannot be read. "
            "Upload the original .docx or a PDF exported from it."
        ),
    )


def no_measures() -> DocumentError:
    return DocumentError(
        "no_measures",
        _(
            "No measure table was found. A plan needs a table with the columns "
            "'Ukrep', 'Nosilec ukrepa' and 'Rok izvedbe', or a regional summary listing "
            "'Ukrepi na regionalni ravni' per goal of the Resolution."
        ),
    )
