"""Thin views of the learning flow: enrol, study, submit a quiz, get and verify a certificate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.page_cache import versions_now
from portal.people.access import employee_for
from portal.private_files import private_file_response

from . import kept_pages, selectors, services
from .models import Certificate, CoursePage, LessonPage, QuizAttempt
from .reports import can_see_course_report, certificate_for_viewer_or_404
from .services.certificates import certificate_version_key


def _employee_or_message(request):
    employee = employee_for(request.user)
    if employee is None:
        messages.error(
            request, _("Akun Anda belum terhubung dengan data pegawai, sehingga belum dapat mengikuti kursus.")
        )
    return employee


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
    if lesson.scorm_package_id:  # its player is configured per request: never kept
        context = _scorm_lesson_context(request, lesson, course)
    else:
        kept = kept_pages.lesson_content(request, lesson=lesson, course=course)
        context = {"state": kept["state"], "kept_content": kept["html"]}
    if context["state"] == kept_pages.NOT_ENROLLED:
        messages.info(request, _("Daftar di kursus ini terlebih dahulu untuk membuka pelajarannya."))
        return redirect(course.url)
    if context["state"] == "locked":
        messages.info(request, _("Selesaikan pelajaran sebelumnya terlebih dahulu."))
        return redirect(course.url)
    context.update({"page": lesson, "self": lesson, "request": request})
    return TemplateResponse(request, lesson.get_template(request), context)


def _scorm_lesson_context(request, lesson: LessonPage, course: CoursePage) -> dict:
    from .scorm.views import runtime_config

    enrollment = selectors.own_enrollment(request.user, course)
    if enrollment is None:
        return {"state": kept_pages.NOT_ENROLLED}
    context = selectors.lesson_context(lesson=lesson, course=course, enrollment=enrollment)
    context["scorm_config"] = runtime_config(request=request, enrollment=enrollment, lesson=lesson)
    return context


@login_required
@require_POST
def lesson_done_view(request, lesson_id: int):
    lesson, enrollment = selectors.lesson_and_enrollment_or_404(request.user, lesson_id)
    try:
        services.lesson_mark_done(enrollment=enrollment, lesson=lesson)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(lesson.url)
    return _after_progress(request, enrollment, lesson)


@login_required
@require_POST
def quiz_submit_view(request, lesson_id: int):
    lesson, enrollment = selectors.lesson_and_enrollment_or_404(request.user, lesson_id)
    answers = {child.id: request.POST.getlist(f"q-{child.id}") for child in lesson.questions}
    forged = {key[2:] for key in request.POST if key.startswith("q-")} - set(answers)
    answers.update({key: ["0"] for key in forged})  # unknown questions make the service refuse it
    try:
        number = int(request.POST.get("attempt", ""))
        services.quiz_submit(enrollment=enrollment, lesson=lesson, answers=answers, number=number)
    except ValueError:
        messages.error(request, _("Formulir kuis tidak lengkap. Muat ulang halaman dan coba lagi."))
        return redirect(lesson.url)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(lesson.url)
    # The result, each answer beside the learner's choice, is at the top of the quiz (#hasil): on a
    # phone the eye lands on it, not on the lesson's first paragraph.
    return redirect(f"{lesson.url}#hasil")


def _after_progress(request, enrollment, lesson):
    if enrollment.is_completed:  # the service sets what it records on the enrolment
        messages.success(request, _("Kursus selesai! Sertifikat Anda sedang diterbitkan."))
        return redirect(enrollment.course.url)
    following = selectors.lesson_after(enrollment.course, lesson)
    return redirect(following.url if following else enrollment.course.url)


@login_required
@require_GET
def attempt_detail_view(request, attempt_id: int):
    """One quiz attempt, for the learner who made it, HR and the course's trainers; anyone else a 404."""
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("enrollment__course", "enrollment__employee", "lesson"), pk=attempt_id
    )
    enrollment = attempt.enrollment
    own = enrollment.employee.user_id is not None and enrollment.employee.user_id == request.user.pk
    if not own and not can_see_course_report(request.user, enrollment.course_id):
        raise Http404
    return TemplateResponse(
        request, "courses/attempt_detail.html", {"attempt": attempt, "learner": None if own else enrollment.employee}
    )


@login_required
@require_GET
def certificate_download_view(request, certificate_id: int):
    """The PDF, from private storage, for its holder, HR and the course's trainers."""
    certificate = certificate_for_viewer_or_404(request.user, certificate_id)
    return private_file_response(
        certificate.pdf, filename=f"sertifikat-{certificate.code}.pdf", content_type="application/pdf"
    )


@require_GET
def certificate_verify_view(request, code: str):
    """The public verification page (/sertifikat/<code>/), kept out of search engines. A visitor's
    copy is kept (portal.page_cache) under the certificate's own version, read before the
    certificate: a revocation shows at the next request."""
    normalised = code.strip().upper()[:16]
    versions = versions_now(certificate_version_key(normalised))
    certificate = Certificate.objects.filter(code=normalised).first()
    response = TemplateResponse(
        request,
        "courses/certificate_verify.html",
        {"certificate": selectors.certificate_public_facts(certificate) if certificate else None, "code": code[:32]},
        status=200 if certificate else 404,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    if certificate is None:
        response["Cache-Control"] = "no-cache"
    response.kept_under = versions
    return response
