"""HR's admin screen for peer-feedback rounds: name, units and dates. Who takes part, who rates whom
and the publishing happen on the round's own page (peer_admin_views), which shows counts only."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import BooleanColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import PeerRound


class PeerRoundViewSet(ModelViewSet):
    model = PeerRound
    name = "putaran-rekan"
    icon = "group"
    menu_label = _("Umpan balik rekan")
    add_to_admin_menu = False
    list_display = [
        "name",
        "opens_on",
        "closes_on",
        BooleanColumn("results_published_at", label=_("Hasil diterbitkan")),
        TitleColumn(
            "progress", label=_("Kemajuan"), url_name="peer_round_detail", accessor=lambda _round: _("Lihat kemajuan")
        ),
    ]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("units"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
    ]
