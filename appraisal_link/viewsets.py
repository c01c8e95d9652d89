"""HR's admin screens for appraisal records and the weak-area → competency mapping."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Appraisal, WeakAreaMapping


class AppraisalViewSet(ModelViewSet):
    model = Appraisal
    name = "penilaian-skp"
    icon = "doc-full"
    menu_label = _("Penilaian SKP")
    list_display = ["employee", "year", "period", "predikat", "hasil_kerja", "perilaku_kerja"]
    list_filter = ["year", "period", "predikat"]
    search_fields = ["employee__name", "employee__nip"]
    list_per_page = 50
    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("period")]),
        FieldRowPanel([FieldPanel("hasil_kerja"), FieldPanel("perilaku_kerja"), FieldPanel("predikat")]),
        MultiFieldPanel(
            [
                FieldPanel(name)
                for name in (
                    "berorientasi_pelayanan",
                    "akuntabel",
                    "kompeten",
                    "harmonis",
                    "loyal",
                    "adaptif",
                    "kolaboratif",
                )
            ],
            heading=_("BerAKHLAK"),
        ),
        FieldPanel("notes"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        queryset = Appraisal.objects.select_related("employee")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class WeakAreaMappingViewSet(ModelViewSet):
    model = WeakAreaMapping
    name = "pemetaan-area-lemah"
    icon = "link"
    menu_label = _("Pemetaan area lemah")
    list_display = ["area", "competency", "position_technical"]
    list_filter = ["area"]
    panels = [FieldPanel("area"), FieldPanel("competency"), FieldPanel("position_technical")]

    def get_index_view_kwargs(self, **kwargs):
        queryset = WeakAreaMapping.objects.select_related("competency")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class AppraisalViewSetGroup(ModelViewSetGroup):
    menu_label = _("Penilaian")
    menu_icon = "doc-full-inverse"
    menu_order = 254
    items = (AppraisalViewSet, WeakAreaMappingViewSet)
