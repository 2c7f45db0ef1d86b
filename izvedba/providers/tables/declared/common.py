"""Labels and groups the declared tables share."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

COUNT = _("Number")
SHARE = _("Share (%)")
TERRITORIAL = ("unit",)
