"""`seed_demo`: the demo data of DESIGN.md. Idempotent; only on a dev/test demo database.

The demo accounts share a published password, so an accident must be impossible. It refuses:
- unless the settings allow demo data (KOMPETEN_DEMO_DATA_ALLOWED: dev and test settings only,
  fixed to False in production.py),
- with DEBUG off,
- on a database that has people in it but was not itself filled by seed_demo (portal.DemoDatabase).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from appraisal_link.demo import seed_appraisals
from appraisal_link.feedback.demo import seed_feedback
from courses.demo import seed_courses
from courses.development.demo import seed_external
from courses.development.plan_demo import seed_plans
from portal.change import demo as change_demo
from portal.models import DemoDatabase
from portal.pages.demo import seed_pages
from portal.people.demo import seed_organisation
from portal.people.models import Employee, User


def refusal() -> str | None:
    """Why seed_demo must not run here (a message for the operator), or None when it may."""
    if not getattr(settings, "KOMPETEN_DEMO_DATA_ALLOWED", False):
        return _(
            "seed_demo menolak berjalan: pengaturan %(settings)s tidak mengizinkan data demo. Kata sandi "
            "akun demo dipublikasikan, jadi data demo hanya untuk pengaturan pengembangan dan pengujian "
            "(portal.settings.dev, portal.settings.test), tidak pernah untuk produksi."
        ) % {"settings": settings.SETTINGS_MODULE}
    if not settings.DEBUG:
        return _(
            "seed_demo menolak berjalan ketika DEBUG mati: data dan kata sandi demo tidak boleh masuk "
            "ke server produksi."
        )
    if not DemoDatabase.objects.exists():
        people = User.objects.count() + Employee.objects.count()
        if people:
            return _(
                "seed_demo menolak berjalan: basis data ini sudah berisi akun atau pegawai yang tidak "
                "dibuat oleh seed_demo. Data demo hanya diisikan ke basis data kosong (untuk memulai "
                "ulang demo di laptop: `make clean`, lalu `make run`)."
            )
    return None


class Command(BaseCommand):
    help = (
        "Isi data contoh (akun demo, unit kerja, jabatan, pegawai, kursus dan peserta). Hanya dengan "
        "pengaturan dev/test, DEBUG menyala, dan pada basis data kosong atau yang diisi seed_demo."
    )

    def handle(self, *args, **options):
        reason = refusal()
        if reason:
            raise CommandError(reason)
        # Marked first: a run that stops half-way may be run again to finish.
        DemoDatabase.objects.get_or_create(pk=1)
        counts = seed_organisation()
        seed_pages()
        counts.update(seed_courses())
        counts.update(seed_appraisals())
        counts.update(seed_feedback())
        counts.update(seed_external())
        counts.update(seed_plans())
        change_demo.seed()
        self.stdout.write(
            self.style.SUCCESS(
                "Data demo siap: {units} unit kerja, {positions} jabatan, {employees} pegawai; "
                "{courses} kursus, {lessons} pelajaran, {enrollments} peserta kursus, {certificates} sertifikat; "
                "{appraisals} penilaian SKP. "
                "Akun: admin, hr, pelatih, atasan, pegawai (kata sandi: pangkalpinang).".format(**counts)
            )
        )
