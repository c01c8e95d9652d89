"""A package's files, from the portal's own origin under /kursus/scorm/<package>/, to whoever may play
it: a learner enrolled in a course with a live lesson that plays it, or a trainer or HR. Each file
goes out with its own content type, nosniff, never cached by anyone else, and a policy of its own:
the package's scripts (inline ones too) run in a sandboxed frame of the portal's pages only."""

import json
import mimetypes
import posixpath

from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from portal.private_files import private_file_response
from portal.storage import private_storage

from .access import may_play
from .models import ScormPackage

# What browsers need to hear for the types packages carry (mimetypes does not know them all).
TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".eot": "application/vnd.ms-fontobject",
    ".vtt": "text/vtt",
    ".webp": "image/webp",
    ".mp4": "video/mp4",
    ".m4a": "audio/mp4",
    ".webm": "video/webm",
    ".swf": "application/x-shockwave-flash",
}
PACKAGE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "sandbox": ["allow-scripts", "allow-same-origin", "allow-forms", "allow-popups", "allow-downloads"],
}


class _Stored:
    """A file of the private storage, as private_file_response reads a FieldFile."""

    def __init__(self, name: str):
        self.storage, self.name = private_storage(), name

    def __bool__(self):
        return True

    def open(self, mode="rb"):
        return self.storage.open(self.name, mode)


def content_type(path: str) -> str:
    extension = posixpath.splitext(path)[1].lower()
    return TYPES.get(extension) or mimetypes.guess_type(path)[0] or "application/octet-stream"


@login_required
@xframe_options_sameorigin
@csp_replace(PACKAGE_POLICY)
def package_file_view(request, package_id, path: str):
    clean = posixpath.normpath(path)
    if clean.startswith(("/", "..")) or "\\" in path:
        raise Http404
    # A package is many files: who may play it is decided once a minute per person (a yes only, so
    # that someone who just enrolled is not turned away).
    key = f"scorm:play:{request.user.pk}:{package_id}"
    if not cache.get(key):
        package = ScormPackage.objects.filter(pk=package_id).first()
        if package is None or not may_play(request.user, package):
            raise Http404
        cache.set(key, True, 60)
    response = private_file_response(
        _Stored(f"scorm/{package_id}/{clean}"),
        filename=posixpath.basename(clean),
        as_attachment=False,
        content_type=content_type(clean),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


MAX_COMMIT_BYTES = 128 * 1024


def runtime_config(*, request, enrollment, lesson) -> dict:
    """What the lesson page gives its runtime (static/js/scorm-runtime.js), as JSON."""
    from django.middleware.csrf import get_token
    from django.urls import reverse

    from .runtime import scorm_state

    package = lesson.scorm_package
    return {
        "version": package.version,
        "learnerId": str(enrollment.employee_id),
        "learnerName": enrollment.employee.name,
        "masteryScore": package.mastery_score,
        "commitUrl": reverse("scorm_commit", args=[lesson.pk]),
        "csrfToken": get_token(request),
        "state": scorm_state(enrollment=enrollment, lesson=lesson),
        "messages": {
            "saved": _("Kemajuan di materi ini tersimpan."),
            "completed": _("Pelajaran ini selesai."),
            "failed": _("Kemajuan belum tersimpan:"),
            "next": _("Lanjut"),
        },
    }


@login_required
@require_POST
def scorm_commit_view(request, lesson_id: int):
    """The runtime's commit: JSON of the portal's CMI keys (see runtime.scorm_commit)."""
    from courses.selectors import lesson_and_enrollment_or_404

    from .runtime import CommitRefused, scorm_commit

    lesson, enrollment = lesson_and_enrollment_or_404(request.user, lesson_id)
    if not lesson.scorm_package_id:
        raise Http404
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_COMMIT_BYTES:
        return JsonResponse({"ok": False, "error": _("Data terlalu besar.")}, status=413)
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        return JsonResponse({"ok": False, "error": _("Data bukan objek JSON.")}, status=400)
    try:
        committed = scorm_commit(enrollment=enrollment, lesson=lesson, data=data)
    except CommitRefused as refused:
        return JsonResponse({"ok": False, "error": refused.message}, status=400)
    completed = committed.attempt.completed_at is not None
    next_url = _next_url(lesson, enrollment.course) if completed else None
    return JsonResponse({"ok": True, "completed": completed, "next_url": next_url})


def _next_url(lesson, course) -> str:
    """Where the learner goes once the package is done: the course's next live lesson, or the course."""
    from courses.structure import lessons_of

    lessons = lessons_of(course)
    index = next((n for n, each in enumerate(lessons) if each.pk == lesson.pk), None)
    if index is not None and index + 1 < len(lessons):
        return lessons[index + 1].url
    return course.url
