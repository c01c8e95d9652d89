"""A lesson plays its SCORM package from the portal's own origin, in a sandboxed frame, to whoever may."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import LessonPage
from courses.scorm.services import package_create
from portal.people import roles

from ..courses.conftest import make_course
from .test_packages import minimal, package

pytestmark = pytest.mark.django_db


@pytest.fixture
def played(hr):
    """A course whose first lesson plays a SCORM 1.2 package."""
    files = {
        "imsmanifest.xml": minimal("mulai.html"),
        "mulai.html": "<html><script>var API = window.parent.API;</script></html>",
        "js/kursus.js": "console.log('halo')",
        "media/intro.mp4": b"\0\0\0\x18ftypmp42",
    }
    kept = package_create(file=package(files), name="etika.zip", by=hr)
    course = make_course("Etika Digital")
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    lesson.scorm_package = kept
    lesson.save_revision().publish()
    return kept, course, lesson


def file_url(kept, path):
    return reverse("scorm_file", args=[kept.pk, path])


def test_an_enrolled_learner_plays_the_package_in_the_lesson(client, pegawai, played):
    kept, course, lesson = played
    services.enrollment_create(employee=pegawai.employee, course=course)
    client.force_login(pegawai)
    page = client.get(lesson.url).content.decode()
    assert f'src="{file_url(kept, "mulai.html")}"' in page
    assert 'sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"' in page

    launch = client.get(file_url(kept, "mulai.html"))
    assert launch.status_code == 200 and launch["Content-Type"].startswith("text/html")
    assert b"window.parent.API" in b"".join(launch.streaming_content)
    assert launch["X-Content-Type-Options"] == "nosniff" and launch["X-Frame-Options"] == "SAMEORIGIN"
    policy = launch["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "sandbox allow-scripts allow-same-origin" in policy
    assert "'unsafe-inline'" in policy and "private" in launch["Cache-Control"]
    assert client.get(file_url(kept, "js/kursus.js"))["Content-Type"] == "text/javascript"
    assert client.get(file_url(kept, "media/intro.mp4"))["Content-Type"] == "video/mp4"


def test_who_may_play_it(client, played, make_person, pelatih, pelatih_with_mfa, hr_with_mfa):
    kept, course, _lesson = played
    url = file_url(kept, "mulai.html")
    assert client.get(url).status_code == 302  # to the login
    outsider = make_person(roles.PEGAWAI)
    client.force_login(outsider)
    assert client.get(url).status_code == 404  # not enrolled
    services.enrollment_create(employee=outsider.employee, course=course)
    assert client.get(url).status_code == 200  # enrolled a moment later: not turned away
    for staff in (pelatih_with_mfa, hr_with_mfa):
        client.force_login(staff)
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("path", ["../../settings.py", "tidak-ada.html", "js/../../x.js", "..%2Fx"])
def test_nothing_outside_the_package(client, hr_with_mfa, played, path):
    kept, _course, _lesson = played
    client.force_login(hr_with_mfa)
    assert client.get(f"/kursus/scorm/{kept.pk}/{path}").status_code == 404


def test_another_package_or_none(client, hr_with_mfa, played):
    client.force_login(hr_with_mfa)
    assert client.get("/kursus/scorm/00000000-0000-0000-0000-000000000000/mulai.html").status_code == 404
