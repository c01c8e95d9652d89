"""Deleting a SCORM package: only one no lesson (nor a draft or an old revision of one) plays and no
learner has played; its files go with it. HR deletes any package, a trainer only their own."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import LessonPage
from courses.scorm.models import ScormAttempt, ScormPackage
from courses.scorm.services import PackageInUse, package_create, package_delete

from ..courses.conftest import make_course
from .test_packages import minimal, package
from .test_services import stored_files

pytestmark = pytest.mark.django_db


def kept(by, title="mulai.html"):
    return package_create(
        file=package({"imsmanifest.xml": minimal(title), title: "<html></html>"}), name="p.zip", by=by
    )


def test_an_unused_package_goes_with_its_files(hr, django_capture_on_commit_callbacks):
    unused, other = kept(hr), kept(hr)
    assert stored_files(unused.folder)
    with django_capture_on_commit_callbacks(execute=True):
        package_delete(package=unused)
    assert not ScormPackage.objects.filter(pk=unused.pk).exists()
    assert not stored_files(unused.folder)
    assert stored_files(other.folder)


def test_a_package_a_lesson_plays_stays(hr):
    played = kept(hr)
    lesson = LessonPage.objects.child_of(make_course("Etika Digital")).order_by("path").first()
    lesson.scorm_package = played
    lesson.save_revision().publish()
    with pytest.raises(PackageInUse, match="dipakai pelajaran Kata sandi"):
        package_delete(package=played)
    # Taken out of the lesson, it still stays while an old revision names it (reverting would need it).
    lesson.scorm_package = None
    lesson.save_revision().publish()
    with pytest.raises(PackageInUse, match="Kata sandi"):
        package_delete(package=played)
    assert stored_files(played.folder) and ScormPackage.objects.filter(pk=played.pk).exists()


def test_a_package_learners_played_stays(hr, pegawai):
    played = kept(hr)
    course = make_course("Etika Digital")
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    enrollment = services.enrollment_create(employee=pegawai.employee, course=course)
    ScormAttempt.objects.create(enrollment=enrollment, lesson=lesson, package=played)
    with pytest.raises(PackageInUse, match="1 percobaan peserta"):
        package_delete(package=played)


def test_hr_deletes_from_the_list_after_confirming(client, hr_with_mfa, django_capture_on_commit_callbacks):
    unused = kept(hr_with_mfa)
    client.force_login(hr_with_mfa)
    listing = client.get(reverse("scorm_packages")).content.decode()
    address = reverse("scorm_package_delete", args=[unused.pk])
    assert address in listing
    assert "tidak dapat dibatalkan" in client.get(address).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(address, follow=True)
    assert "dihapus beserta berkasnya" in response.content.decode()
    assert not ScormPackage.objects.exists() and not stored_files(unused.folder)


def test_a_refusal_is_a_400_with_the_reason(client, hr_with_mfa, pegawai):
    played = kept(hr_with_mfa)
    course = make_course("Etika Digital")
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    ScormAttempt.objects.create(
        enrollment=services.enrollment_create(employee=pegawai.employee, course=course), lesson=lesson, package=played
    )
    client.force_login(hr_with_mfa)
    response = client.post(reverse("scorm_package_delete", args=[played.pk]))
    assert response.status_code == 400
    assert "Paket tidak dapat dihapus" in response.content.decode()
    assert ScormPackage.objects.filter(pk=played.pk).exists()


def test_a_trainer_deletes_their_own_package_only(client, pelatih_with_mfa, hr):
    own, others = kept(pelatih_with_mfa), kept(hr)
    client.force_login(pelatih_with_mfa)
    listing = client.get(reverse("scorm_packages")).content.decode()
    assert reverse("scorm_package_delete", args=[own.pk]) in listing
    assert reverse("scorm_package_delete", args=[others.pk]) not in listing
    assert client.post(reverse("scorm_package_delete", args=[others.pk])).status_code == 403
    assert ScormPackage.objects.filter(pk=others.pk).exists()
    assert client.post(reverse("scorm_package_delete", args=[own.pk])).status_code == 302
    assert not ScormPackage.objects.filter(pk=own.pk).exists()


def test_an_unknown_package_is_not_found(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    response = client.get(reverse("scorm_package_delete", args=["00000000-0000-0000-0000-000000000000"]))
    assert response.status_code == 404
