"""Regions and municipalities come from `manage.py load_reference`: the admin shows them for small fixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.http import HttpRequest

from izvedba.core.admin import ContentAdminMixin
from izvedba.geo.models import Municipality, Region

if TYPE_CHECKING:  # ModelAdmin is generic only in django-stubs.
    RegionAdminBase = admin.ModelAdmin[Region]
    MunicipalityAdminBase = admin.ModelAdmin[Municipality]
else:
    RegionAdminBase = MunicipalityAdminBase = admin.ModelAdmin


class ReadMostly:
    """Rows are loaded from the reference files: no adding or deleting here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Region)
class RegionAdmin(ContentAdminMixin, ReadMostly, RegionAdminBase):
    list_display = ("code", "name", "name_en", "nuts3_code", "area_km2")
    search_fields = ("code", "name", "name_en", "nuts3_code")
    readonly_fields = ("code",)


@admin.register(Municipality)
class MunicipalityAdmin(ContentAdminMixin, ReadMostly, MunicipalityAdminBase):
    list_display = ("code", "name", "region", "administrative_unit", "is_urban")
    list_filter = ("region", "is_urban", "minority_language")
    list_select_related = ("region",)
    search_fields = ("code", "name", "official_title", "minority_name", "administrative_unit")
    readonly_fields = ("code",)
