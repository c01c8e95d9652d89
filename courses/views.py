"""Thin views of the learning flow: enrol, study, submit a quiz, get and verify a certificate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.people.access import employee_for, is_hr

from . import selectors, services
from .models import Certificate, CoursePage, Enrollment, LessonPage, QuizAttempt


def _employee_or_message(request):
    employee = employee_for(request.user)
    if employee is None:
        messages.error(
            request, _("Akun Anda belum terhubung dengan data pegawai, sehingga belum dapat mengikuti kursus.")
        )
    return employee


def _own_enrollment(request, course) -> Enrollment | None:
    employee = employee_for(request.user)
    if employee is None:
        return None
    return Enrollment.objects.select_related("course").filter(employee=employee, course=course).first()


@login_required
@require_POST
def enroll_view(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    employee = _employee_or_message(request)
    if employee is not None:
        try:
            services.enrollment_create(employee=employee, course=course)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("Anda terdaftar di kursus %(title)s. Selamat belajar!") % {"title": course.title}
            )
    return redirect(course.url)


def lesson_serve(request, lesson: LessonPage, *args, **kwargs):
    """A lesson is for its enrolled learners, in order; anyone else is sent to the course page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = lesson.get_parent().specific
    enrollment = _own_enrollment(request, course)
    if enrollment is None:
        messages.info(request, _("Daftar di kursus ini terlebih dahulu untuk membuka pelajarannya."))
        return redirect(course.url)
    context = selectors.lesson_context(lesson=lesson, course=course, enrollment=enrollment)
    if context["state"] == "locked":
        messages.info(request, _("Selesaikan pelajaran sebelumnya terlebih dahulu."))
        return redirect(course.url)
    context.update({"page": lesson, "self": lesson, "request": request})
    return TemplateResponse(request, lesson.get_template(request), context)


def _lesson_and_enrollment(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.get_parent().specific
    enrollment = _own_enrollment(request, course)
    if enrollment is None:
        raise Http404
    return lesson, enrollment


@login_required
@require_POST
def lesson_done_view(request, lesson_id: int):
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    try:
        services.lesson_mark_done(enrollment=enrollment, lesson=lesson)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(lesson.url)
    return _after_progress(request, enrollment, lesson)


@login_required
@require_POST
def quiz_submit_view(request, lesson_id: int):
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    answers = {child.id: request.POST.getlist(f"q-{child.id}") for child in lesson.questions}
    forged = {key[2:] for key in request.POST if key.startswith("q-")} - set(answers)
    answers.update({key: ["0"] for key in forged})  # unknown questions make the service refuse it
    try:
        number = int(request.POST.get("attempt", ""))
        attempt = services.quiz_submit(enrollment=enrollment, lesson=lesson, answers=answers, number=number)
    except ValueError:
        messages.error(request, _("Formulir kuis tidak lengkap. Muat ulang halaman dan coba lagi."))
        return redirect(lesson.url)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(lesson.url)
    if attempt.passed:
        messages.success(request, _("Selamat, Anda lulus dengan nilai %(score)s.") % {"score": attempt.score})
        return _after_progress(request, enrollment, lesson)
    messages.warning(
        request,
        _("Nilai Anda %(score)s, belum mencapai nilai lulus %(mark)s. Pelajari umpan baliknya dan coba lagi.")
        % {"score": attempt.score, "mark": enrollment.course.pass_mark},
    )
    return redirect(lesson.url)


def _after_progress(request, enrollment, lesson):
    enrollment.refresh_from_db()
    if enrollment.is_completed:
        messages.success(request, _("Kursus selesai! Sertifikat Anda sedang diterbitkan."))
        return redirect(enrollment.course.url)
    following = lesson.get_next_siblings().live().first()
    return redirect(following.url if following else enrollment.course.url)


@login_required
@require_GET
def attempt_detail_view(request, attempt_id: int):
    employee = employee_for(request.user)
    attempt = (
        get_object_or_404(
            QuizAttempt.objects.select_related("enrollment__course", "lesson"),
            pk=attempt_id,
            enrollment__employee=employee,
        )
        if employee
        else None
    )
    if attempt is None:
        raise Http404
    return TemplateResponse(request, "courses/attempt_detail.html", {"attempt": attempt})


@login_required
@require_GET
def certificate_download_view(request, certificate_id: int):
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment__employee"), pk=certificate_id)
    if certificate.enrollment.employee.user_id != request.user.pk and not is_hr(request.user):
        raise Http404
    if not certificate.pdf:
        raise Http404
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"sertifikat-{certificate.code}.pdf",
        content_type="application/pdf",
    )


@require_GET
def certificate_verify_view(request, code: str):
    certificate = Certificate.objects.filter(code=code.strip().upper()[:16]).first()
    status = 200 if certificate else 404
    return TemplateResponse(
        request, "courses/certificate_verify.html", {"certificate": certificate, "code": code}, status=status
    )
