"""HR keeps the competency dictionary in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Competency


class CompetencyViewSet(ModelViewSet):
    model = Competency
    name = "kompetensi"
    icon = "pick"
    menu_label = _("Kamus kompetensi")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "code", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel(f"indicator_{level}") for level in range(1, 6)], heading=_("Indikator perilaku per level")
        ),
    ]
