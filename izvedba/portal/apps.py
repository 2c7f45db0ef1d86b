from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "izvedba.portal"
    verbose_name = "Public portal"
