from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RenderingConfig(AppConfig):
    name = "izvedba.rendering"
    verbose_name = _("Documents out")
