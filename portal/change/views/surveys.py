"""Thin views of the pulse surveys on the site: the employee's list, the answer sheet, the receipt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from portal.people.access import employee_for

from ..models import PulseSurvey
from ..selectors import surveys as selectors
from ..services.surveys import survey_response_submit
from ..survey_forms import SurveyAnswerForm

ALREADY_RECORDED = gettext_lazy("Jawaban Anda untuk survei ini sudah tercatat.")


@login_required
@require_GET
def survey_list_view(request):
    """The rounds the employee may answer now, and the ones they answered (with their receipts)."""
    employee = employee_for(request.user)
    context = {
        "employee": employee,
        "open_surveys": selectors.open_surveys_for(employee=employee),
        "participations": selectors.participations_of(employee=employee),
    }
    return TemplateResponse(request, "change/surveys/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def survey_detail_view(request, survey_id: int):
    """The answer sheet while the round is open; otherwise why it cannot be answered, and no form."""
    survey = get_object_or_404(PulseSurvey, pk=survey_id)
    employee = employee_for(request.user)
    context = {"survey": survey, "employee": employee, "status": selectors.survey_status(survey), "form": None}
    if employee is None:
        return TemplateResponse(request, "change/surveys/detail.html", context)
    if selectors.participation_for(employee=employee, survey=survey) is not None:
        messages.info(request, ALREADY_RECORDED)
        return redirect(reverse("change:survey-receipt", args=[survey.pk]))
    if context["status"] != selectors.OPEN:
        return TemplateResponse(request, "change/surveys/detail.html", context)

    questions = selectors.survey_questions(survey=survey)
    form = SurveyAnswerForm(
        request.POST if request.method == "POST" else None, questions=questions, ask_concerns=survey.ask_concerns
    )
    if form.is_bound and form.is_valid():
        try:
            _participation, created = survey_response_submit(
                employee=employee, survey=survey, answers=form.answers(), concern=form.cleaned_data.get("concern", "")
            )
        except ValidationError as error:
            # E.g. the round closed while the form was open: the page then says so, without a form.
            messages.error(request, error.messages[0])
            return redirect(reverse("change:survey-detail", args=[survey.pk]))
        if created:
            messages.success(request, _("Terima kasih, jawaban Anda sudah tercatat."))
        else:
            messages.info(request, ALREADY_RECORDED)
        return redirect(reverse("change:survey-receipt", args=[survey.pk]))
    context.update(form=form, threshold=selectors.PRIVACY_THRESHOLD)
    return TemplateResponse(request, "change/surveys/detail.html", context)


@login_required
@require_GET
def survey_receipt_view(request, survey_id: int):
    """The employee's own receipt: that they answered the round, and when; a round they did not
    answer is a 404. The answers are not shown: they are kept without a name, so nothing, this page
    included, can lead from the employee to them."""
    participation = selectors.own_participation_or_404(employee=employee_for(request.user), survey_id=survey_id)
    context = {"participation": participation, "threshold": selectors.PRIVACY_THRESHOLD}
    return TemplateResponse(request, "change/surveys/receipt.html", context)


urlpatterns = [
    path("perubahan/survei/", survey_list_view, name="survey-list"),
    path("perubahan/survei/<int:survey_id>/", survey_detail_view, name="survey-detail"),
    path("perubahan/survei/<int:survey_id>/tanda-terima/", survey_receipt_view, name="survey-receipt"),
]
