"""The course report's "assign by NIP" form: HR assigns the course to employees listed by NIP,
through the assignment service like every other assignment (reason, notification, reminders)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.admin_views import AssignForm, course_report_page
from courses.models import CoursePage
from portal.people.admin_access import hr_required

from ..services.assignments import assignments_by_nip_create


@require_POST
@hr_required
def course_assign_view(request, page_id: int):
    """Assign; on a bad list the report is shown again with the form and its errors (400)."""
    course = get_object_or_404(CoursePage, pk=page_id)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            result = assignments_by_nip_create(
                course=course,
                nips=form.cleaned_data["nips"].splitlines(),
                due_date=form.cleaned_data["due_date"],
                assigned_by=request.user,
            )
        except ValidationError as error:
            form.add_error("nips", error)
        else:
            if result["skipped"]:
                messages.warning(request, "; ".join(result["skipped"][:10]))
            messages.success(
                request, _("%(count)s pegawai ditugaskan ke kursus ini.") % {"count": result["assigned"]}
            )
            return redirect(reverse("course_report", args=[course.pk]))
    return course_report_page(request, course, assign_form=form, status=400)
