"""Course reports in the Wagtail admin: numbers, hardest questions, learners, exports; HR names the
course's trainers and revokes certificates. The report's "assign by NIP" form is posted to the
appraisal_link app, which owns assignments (appraisal_link.admin_views.course_assign).

A trainer sees the reports of the courses they train only (reports.course_for_report_or_404).
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from portal.people import roles
from portal.people.access import is_hr
from portal.people.admin_access import hr_required
from portal.people.models import User
from portal.spreadsheets import table_response

from . import reports, services
from .models import Certificate, CoursePage, Enrollment
from .structure import lessons_of

ASSIGN_DAYS = 30


class AssignForm(forms.Form):
    """HR assigns the course to employees listed by NIP, with a due date (30 days on by default)."""

    nips = forms.CharField(
        label=gettext_lazy("NIP pegawai (satu per baris)"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )
    due_date = forms.DateField(
        label=gettext_lazy("Tenggat"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_date"].initial = timezone.localdate() + datetime.timedelta(days=ASSIGN_DAYS)


class TrainerForm(forms.Form):
    """HR adds a trainer to a course: any active account with the trainer role not yet on it."""

    user = forms.ModelChoiceField(
        label=gettext_lazy("Tambah pelatih"),
        queryset=User.objects.none(),
        error_messages={"invalid_choice": gettext_lazy("Pilih akun berperan pelatih yang belum menjadi pelatih.")},
    )

    def __init__(self, *args, course: CoursePage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(groups__name=roles.PELATIH, is_active=True)
            .exclude(trained_courses__course=course)
            .order_by("first_name", "username")
        )
        self.fields["user"].label_from_instance = lambda user: f"{user} ({user.username})"


class RevokeForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Alasan pencabutan"), max_length=300)


def report_index_view(request):
    courses = reports.courses_with_counts(user=request.user)
    return TemplateResponse(request, "courses/admin/report_index.html", {"courses": courses})


@require_GET
def course_report_view(request, page_id: int):
    course = reports.course_for_report_or_404(request.user, page_id)
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx"):
        return _export(course, file_format)
    return course_report_page(request, course, assign_form=AssignForm() if is_hr(request.user) else None)


@require_POST
@hr_required
def course_trainers_view(request, page_id: int):
    """HR adds (field `user`) or removes (field `remove`, a user id) a trainer of the course."""
    course = get_object_or_404(CoursePage, pk=page_id)
    report_url = reverse("course_report", args=[course.pk])
    if "remove" in request.POST:
        trainer = reports.trainer_of_course(course=course, user_id=request.POST["remove"])
        if trainer is None:
            messages.error(request, _("Akun itu bukan pelatih kursus ini."))
            return course_report_page(request, course, assign_form=AssignForm(), status=400)
        services.course_trainer_remove(course=course, user=trainer.user)
        messages.success(request, _("%(name)s bukan lagi pelatih kursus ini.") % {"name": trainer.user})
        return redirect(report_url)
    form = TrainerForm(request.POST, course=course)
    if form.is_valid():
        try:
            services.course_trainer_add(course=course, user=form.cleaned_data["user"])
        except ValidationError as error:
            form.add_error("user", error)
        else:
            messages.success(request, _("%(name)s kini pelatih kursus ini.") % {"name": form.cleaned_data["user"]})
            return redirect(report_url)
    return course_report_page(request, course, assign_form=AssignForm(), trainer_form=form, status=400)


def course_report_page(request, course, *, assign_form, trainer_form=None, status=200):
    """The report page: numbers, hardest questions, a page of learners, trainers and HR's forms."""
    hr = is_hr(request.user)
    learners = reports.course_learners(course=course)
    lessons = lessons_of(course)
    lesson_total = len(lessons)
    page = Paginator(learners, 50).get_page(request.GET.get("p"))
    page.object_list = reports.with_final_scores(page.object_list)
    has_scorm = any(lesson.scorm_package_id for lesson in lessons)
    scorm = reports.scorm_results(page.object_list) if has_scorm else {}
    for enrollment in page:
        enrollment.progress_percent = _percent(enrollment, lesson_total)
        enrollment.scorm_results = scorm.get(enrollment.pk, [])
    if hr and trainer_form is None:
        trainer_form = TrainerForm(course=course)
    return TemplateResponse(
        request,
        "courses/admin/course_report.html",
        {
            "course": course,
            "summary": reports.course_summary(course=course),
            "hardest": reports.hardest_questions(course=course),
            "learners": page,
            "lesson_total": lesson_total,
            "has_scorm": has_scorm,
            "trainers": reports.trainers_of(course=course),
            "assign_form": assign_form,
            "trainer_form": trainer_form if hr else None,
            "can_revoke": hr,
        },
        status=status,
    )


def _export(course, file_format: str):
    """The course's learners as CSV or XLSX (formulas neutralised by table_response)."""
    learners = list(reports.course_learners(course=course))
    scores = reports.final_scores(course=course)
    lessons = lessons_of(course)
    lesson_total = len(lessons)
    has_scorm = any(lesson.scorm_package_id for lesson in lessons)
    scorm = reports.scorm_results(learners) if has_scorm else {}
    header = [
        _("NIP"),
        _("Nama"),
        _("Unit kerja"),
        _("Asal"),
        _("Terdaftar"),
        _("Kemajuan (%)"),
        _("Nilai akhir kuis (terbaik tiap kuis)"),
        _("Jumlah percobaan kuis"),
        _("Selesai"),
        _("Sertifikat"),
        *([_("SCORM (pelajaran: status, nilai)")] if has_scorm else []),
    ]
    rows = (
        [
            e.employee.nip,
            e.employee.name,
            e.employee.unit.name,
            e.get_source_display(),
            timezone.localtime(e.enrolled_at).strftime("%Y-%m-%d"),
            _percent(e, lesson_total),
            scores.get(e.pk, ""),
            e.attempt_count,
            timezone.localtime(e.completed_at).strftime("%Y-%m-%d") if e.completed_at else "",
            getattr(getattr(e, "certificate", None), "code", ""),
            *([_scorm_text(scorm.get(e.pk, []))] if has_scorm else []),
        ]
        for e in learners
    )
    return table_response(filename=f"peserta-{course.slug}", header=header, rows=rows, file_format=file_format)


def _scorm_text(results: list[dict]) -> str:
    return "; ".join(
        f"{r['lesson']}: {r['status']}" + (f", {r['score']}" if r["score"] is not None else "") for r in results
    )


def _percent(enrollment: Enrollment, lesson_total: int) -> int:
    if enrollment.completed_at:
        return 100
    return round(100 * enrollment.lessons_done / lesson_total) if lesson_total else 0


@hr_required
def certificate_revoke_view(request, certificate_id: int):
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment"), pk=certificate_id)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.certificate_revoke(certificate=certificate, reason=form.cleaned_data["reason"])
        messages.success(request, _("Sertifikat %(code)s dicabut.") % {"code": certificate.code})
        return redirect(reverse("course_report", args=[certificate.enrollment.course_id]))
    return TemplateResponse(
        request,
        "courses/admin/certificate_revoke.html",
        {"certificate": certificate, "form": form},
        status=400 if request.method == "POST" else 200,
    )
