"""HR's pulse survey screens in the Wagtail admin: the rounds with their statements, and
"Salin sebagai putaran baru", which starts the next round from an existing one.

Managing surveys takes the model permissions the data migration gives HR (superusers have them all).
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import PulseSurvey
from ..selectors.surveys import STATUS_LABELS, survey_status
from ..services.surveys import survey_copy
from ..survey_forms import PulseSurveyAdminForm, SurveyCopyForm

NEW_ROUND_LENGTH = datetime.timedelta(days=14)


class PeriodColumn(Column):
    def get_value(self, instance):
        opens, closes = timezone.localtime(instance.opens_at), timezone.localtime(instance.closes_at)
        return f"{date_format(opens, 'j M Y H.i')} – {date_format(closes, 'j M Y H.i')}"


class StatusColumn(Column):
    def get_value(self, instance):
        return STATUS_LABELS[survey_status(instance)]


class PulseSurveyIndexView(generic.IndexView):
    """The rounds, with the way to start the next one from each."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("add"):
            buttons.append(
                MenuItem(
                    _("Salin sebagai putaran baru"),
                    url=reverse("survei-denyut:copy_round", args=[instance.pk]),
                    icon_name="copy",
                    priority=15,
                )
            )
        return buttons


class PulseSurveyViewSet(ModelViewSet):
    """Rounds of the readiness survey with their statements (edited inline). Wagtail's own copy view
    is replaced by "Salin sebagai putaran baru", which asks for the new period first."""

    model = PulseSurvey
    name = "survei-denyut"
    url_prefix = "perubahan/survei"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Survei denyut")
    add_to_admin_menu = False  # shown in the "Perubahan" submenu (wagtail_hooks)
    index_view_class = PulseSurveyIndexView
    copy_view_enabled = False
    list_display = [
        "title",
        PeriodColumn("period", label=gettext_lazy("Periode (WIB)")),
        StatusColumn("status", label=gettext_lazy("Status")),
        Column("response_count", label=gettext_lazy("Jawaban")),
    ]
    ordering = ["-opens_at"]
    # The model's panels, except that each statement gets a full-width row (they run to 300 characters).
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("intro"),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldPanel("ask_concerns"),
            InlinePanel(
                "questions",
                panels=[FieldPanel("text"), FieldPanel("dimension")],
                label=gettext_lazy("Pernyataan"),
                heading=gettext_lazy("Pernyataan (skala 1–5)"),
                min_num=1,
            ),
        ],
        base_form_class=PulseSurveyAdminForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        queryset = PulseSurvey.objects.annotate(response_count=Count("participations"))
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/putaran-baru/", copy_round_view, name="copy_round")]


def copy_round_view(request, pk: int):
    """Ask for the new round's title and period, copy the statements, and open the new round's editor."""
    if not ModelPermissionPolicy(PulseSurvey).user_has_permission(request.user, "add"):
        raise PermissionDenied
    source = get_object_or_404(PulseSurvey, pk=pk)
    opens_at = timezone.localtime().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)
    form = SurveyCopyForm(
        request.POST or None,
        initial={"title": source.title, "opens_at": opens_at, "closes_at": opens_at + NEW_ROUND_LENGTH},
    )
    if request.method == "POST" and form.is_valid():
        try:
            copy = survey_copy(
                survey=source,
                title=form.cleaned_data["title"],
                opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            log(instance=copy, action="wagtail.create", user=request.user)
            messages.success(
                request,
                _("Putaran baru “%(title)s” dibuat dengan %(count)s pernyataan. Periksa lalu simpan bila perlu diubah.")
                % {"title": copy.title, "count": copy.questions.count()},
            )
            return redirect(reverse("survei-denyut:edit", args=[copy.pk]))
    return TemplateResponse(request, "change/admin/survey_copy.html", {"source": source, "form": form})
