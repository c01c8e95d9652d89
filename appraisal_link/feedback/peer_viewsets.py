"""HR's admin screen for peer-feedback rounds: name, units and dates. Who takes part, who rates whom
and the publishing happen on the round's own page (peer_admin_views), which shows counts only."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import BooleanColumn, TitleColumn
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import PeerRound


class PeerRoundCreateView(CreateView):
    """A new round leads to its own page, where HR enrols the people (the next step)."""

    def get_success_url(self):
        return reverse("peer_round_detail", args=[self.object.pk])

    def get_success_message(self, instance):
        return _(
            "Putaran %(name)s dibuat. Tekan “Siapkan peserta” untuk memasukkan pegawai dan memberi tahu mereka."
        ) % {"name": instance.name}


class PeerRoundViewSet(ModelViewSet):
    model = PeerRound
    name = "putaran-rekan"
    icon = "group"
    menu_label = _("Umpan balik rekan")
    add_to_admin_menu = False
    add_view_class = PeerRoundCreateView
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
