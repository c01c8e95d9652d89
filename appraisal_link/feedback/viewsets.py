"""HR's admin screen for the survey's service points (with the people each serves per period)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ServicePoint


class ServicePointViewSet(ModelViewSet):
    model = ServicePoint
    name = "titik-layanan"
    icon = "site"
    menu_label = _("Titik layanan")
    add_to_admin_menu = False
    list_display = ["name", "unit", "code", "active"]
    list_filter = ["unit", "active"]
    search_fields = ["name", "code"]
    panels = [
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldPanel("description"),
        FieldPanel("positions"),
        FieldPanel("active"),
        InlinePanel("populations", heading=_("Jumlah orang yang dilayani per periode"), label=_("Periode")),
        InlinePanel("officers", heading=_("Kode petugas di loket"), label=_("Petugas")),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=ServicePoint.objects.select_related("unit"), **kwargs)
