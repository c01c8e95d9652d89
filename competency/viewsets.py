"""HR's competency screens in the Wagtail admin: the dictionary (with its import page), position
standards, assessments, and a read-only listing of gaps.

Saving a standard or an assessment here goes through the gap engine (competency.services), so the
gaps HR sees follow at once (assessments) or right after the commit (standards, in the background).
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from portal.people.access import is_hr
from portal.people.admin_access import HRMenuItem
from portal.people.models import Employee
from portal.readonly_admin import ReadOnlyViewSetMixin

from . import admin_views, services
from .forms import AssessmentForm
from .models import Assessment, Competency, Gap, PositionStandard


class ListingViewSet(ModelViewSet):
    """A ModelViewSet whose listing (and export) joins the related rows its columns show, so that a
    page costs the same number of queries however many rows it lists (its exports, `list_export`,
    go through the portal's spreadsheet escaper like every Wagtail export)."""

    list_select_related: tuple[str, ...] = ()

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.select_related(*self.list_select_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


# --- the dictionary ------------------------------------------------------------------------------


class CompetencyIndexView(generic.IndexView):
    """The dictionary listing, with HR's way in to the import."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if is_hr(self.request.user):
            buttons.append(
                HeaderButton(_("Impor kompetensi"), url=reverse("kompetensi-impor:index"), icon_name="upload")
            )
        return buttons


class CompetencyViewSet(ListingViewSet):
    model = Competency
    name = "kompetensi"
    icon = "pick"
    menu_label = _("Kamus kompetensi")
    index_view_class = CompetencyIndexView
    list_display = ["name", "code", "kind", "parent"]
    list_filter = ["kind"]
    # Name or code, with the ORM: the code is not in the search index (a dictionary of some hundred).
    search_fields = ["name", "code"]
    search_backend_name = None
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel(f"indicator_{level}") for level in range(1, 6)], heading=_("Indikator perilaku per level")
        ),
    ]

    list_select_related = ("parent",)


class CompetencyImportViewSet(ViewSet):
    """The upload page and the template downloads (HR only; the views check it too)."""

    name = "kompetensi-impor"
    icon = "upload"
    menu_label = _("Impor kompetensi")
    menu_item_class = HRMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.import_view, name="index"),
            path("templat/<str:file_format>/", admin_views.template_view, name="template"),
        ]


# --- position standards ----------------------------------------------------------------------------


class StandardCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        services.standards_changed(position_ids=[instance.position_id])
        return instance


class StandardEditView(generic.EditView):
    def save_instance(self):
        previous = self.form.initial.get("position")
        instance = super().save_instance()
        services.standards_changed(position_ids=[pk for pk in (previous, instance.position_id) if pk])
        return instance


class StandardDeleteView(generic.DeleteView):
    def delete_action(self):
        position_id = self.object.position_id
        super().delete_action()
        services.standards_changed(position_ids=[position_id])


class PositionStandardViewSet(ListingViewSet):
    model = PositionStandard
    name = "standar-jabatan"
    icon = "list-ul"
    menu_label = _("Standar kompetensi jabatan")
    add_view_class = StandardCreateView
    edit_view_class = StandardEditView
    delete_view_class = StandardDeleteView
    copy_view_enabled = False
    list_display = ["position", "competency", "required_level"]
    list_filter = ["position", "competency"]
    search_fields = ["position__name", "competency__name"]
    list_per_page = 50
    panels = [FieldPanel("position"), FieldPanel("competency"), FieldPanel("required_level")]

    list_select_related = ("position", "competency")


# --- assessments -----------------------------------------------------------------------------------


class AssessmentCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        instance = services.assessment_record(
            employee=data["employee"],
            competency=data["competency"],
            level=data["level"],
            source=data["source"],
            assessed_on=data["assessed_on"],
            note=data.get("note", ""),
        )
        log(instance=instance, action="wagtail.create", content_changed=True)
        return instance


class AssessmentEditView(generic.EditView):
    def save_instance(self):
        previous = self.form.initial.get("employee")
        instance = super().save_instance()
        employee_ids = {instance.employee_id}
        if previous and previous != instance.employee.nip:
            employee_ids |= set(Employee.objects.filter(nip=previous).values_list("pk", flat=True))
        services.assessments_changed(employee_ids=employee_ids)
        return instance


class AssessmentDeleteView(generic.DeleteView):
    def delete_action(self):
        employee_id = self.object.employee_id
        super().delete_action()
        services.assessments_changed(employee_ids=[employee_id])


class AssessmentViewSet(ListingViewSet):
    model = Assessment
    name = "asesmen-kompetensi"
    icon = "doc-full"
    menu_label = _("Asesmen kompetensi")
    add_view_class = AssessmentCreateView
    edit_view_class = AssessmentEditView
    delete_view_class = AssessmentDeleteView
    copy_view_enabled = False
    list_display = ["employee", "competency", "level", "source", "assessed_on"]
    list_filter = ["source", "competency"]
    search_fields = ["employee__name", "employee__nip"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("employee"),
            FieldPanel("competency"),
            FieldRowPanel([FieldPanel("level"), FieldPanel("source"), FieldPanel("assessed_on")]),
            FieldPanel("note"),
        ],
        base_form_class=AssessmentForm,
    )

    list_select_related = ("employee", "competency")


# --- gaps (read-only) ------------------------------------------------------------------------------


class GapSizeColumn(Column):
    def get_value(self, instance):
        return instance.size


class GapViewSet(ReadOnlyViewSetMixin, ListingViewSet):
    """Gaps are written by the gap engine and the appraisal import, never by hand: only "view"."""

    model = Gap
    name = "kesenjangan-kompetensi"
    icon = "warning"
    menu_label = _("Kesenjangan kompetensi")
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "employee",
        "competency",
        "source",
        "status",
        "required_level",
        "current_level",
        GapSizeColumn("size", label=_("Selisih")),
        "opened_at",
    ]
    list_filter = ["status", "source", "competency"]
    search_fields = ["employee__name", "employee__nip"]
    list_per_page = 50
    list_export = [
        "employee.nip",
        "employee.name",
        "competency.code",
        "competency.name",
        "source",
        "status",
        "required_level",
        "current_level",
        "reason",
        "opened_at",
        "closed_at",
    ]
    export_headings = {
        "employee.nip": _("NIP"),
        "employee.name": _("Nama pegawai"),
        "competency.code": _("Kode kompetensi"),
        "competency.name": _("Kompetensi"),
    }
    export_filename = "kesenjangan-kompetensi"
    inspect_view_fields = [
        "employee",
        "competency",
        "source",
        "origin",
        "reason",
        "required_level",
        "current_level",
        "status",
        "opened_at",
        "closed_at",
    ]

    list_select_related = ("employee", "competency")


class CompetencyViewSetGroup(ModelViewSetGroup):
    menu_label = _("Kompetensi")
    menu_icon = "pick"
    menu_order = 310
    items = (CompetencyViewSet, PositionStandardViewSet, AssessmentViewSet, GapViewSet, CompetencyImportViewSet)
