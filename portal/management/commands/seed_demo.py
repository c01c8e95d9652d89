"""`seed_demo`: the demo data of DESIGN.md. Idempotent; refuses to run with DEBUG off."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from appraisal_link.demo import seed_appraisals
from courses.demo import seed_courses
from portal.change import demo as change_demo
from portal.pages.demo import seed_pages
from portal.people.demo import seed_organisation


class Command(BaseCommand):
    help = "Isi data contoh (akun demo, unit kerja, jabatan, pegawai, kursus dan peserta). Hanya untuk DEBUG."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo menolak berjalan ketika DEBUG mati: data dan kata sandi demo "
                "tidak boleh masuk ke server produksi."
            )
        counts = seed_organisation()
        seed_pages()
        counts.update(seed_courses())
        counts.update(seed_appraisals())
        change_demo.seed()
        self.stdout.write(
            self.style.SUCCESS(
                "Data demo siap: {units} unit kerja, {positions} jabatan, {employees} pegawai; "
                "{courses} kursus, {lessons} pelajaran, {enrollments} peserta kursus, {certificates} sertifikat; "
                "{appraisals} penilaian SKP. "
                "Akun: admin, hr, pelatih, atasan, pegawai (kata sandi: pangkalpinang).".format(**counts)
            )
        )
