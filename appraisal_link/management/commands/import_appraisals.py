"""`python manage.py import_appraisals FILE [--dry-run]`: import SKP appraisals from a CSV or XLSX file.

All or nothing, like the admin upload: one bad row and nothing is written; every problem is printed
with its row (header = row 1) and column. Progress is shown every --progress-every rows.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from appraisal_link.importing.readers import FileRejected
from appraisal_link.importing.report import problems_write_csv
from appraisal_link.importing.validation import problem_message
from appraisal_link.services.imports import appraisals_import_file

SHOWN_PROBLEMS = 50


def _n(number: int) -> str:
    """A count as Indonesians write it: 100.000."""
    return f"{number:,}".replace(",", ".")


class Command(BaseCommand):
    help = gettext_lazy(
        "Impor penilaian SKP dari berkas CSV atau XLSX; semua baris tersimpan atau tidak ada sama sekali."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("berkas .csv (UTF-8, koma atau titik koma) atau .xlsx"))
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("periksa saja, tanpa menyimpan apa pun")
        )
        parser.add_argument(
            "--new-nips-checked",
            action="store_true",
            help=gettext_lazy("NIP baru yang mirip pegawai terdaftar sudah diperiksa: buat sebagai pegawai baru"),
        )
        parser.add_argument(
            "--progress-every",
            type=int,
            default=5000,
            metavar="N",
            help=gettext_lazy("tampilkan kemajuan setiap N baris"),
        )
        parser.add_argument(
            "--error-file", metavar="CSV", help=gettext_lazy("tulis semua kesalahan dan peringatan ke berkas ini")
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Berkas tidak ditemukan: %(path)s") % {"path": path})

        def progress(processed: int, total: int) -> None:
            if processed:
                self.stdout.write(
                    _("  %(done)s / %(total)s baris diperiksa") % {"done": _n(processed), "total": _n(total)}
                )

        with open(path, "rb") as file:
            try:
                result = appraisals_import_file(
                    file=file,
                    name=path.name,
                    dry_run=options["dry_run"],
                    new_nips_confirmed=options["new_nips_checked"],
                    progress=progress,
                    progress_every=max(options["progress_every"], 1),
                )
            except FileRejected as rejected:
                raise CommandError(rejected.message) from None

        problems = result.problems.as_list()
        for problem in problems[:SHOWN_PROBLEMS]:
            where = _("baris %(row)s") % {"row": problem["row"]} if problem["row"] is not None else _("berkas")
            column = _(", kolom %(column)s") % {"column": problem["column"]} if problem["column"] else ""
            value = f" [{problem['value']}]" if problem["value"] else ""
            kind = _("KESALAHAN") if problem["level"] == "error" else _("peringatan")
            self.stderr.write(f"{kind} {where}{column}{value}: {problem_message(problem)}")
        if len(problems) > SHOWN_PROBLEMS:
            self.stderr.write(
                _("... %(count)s lagi (lihat --error-file).") % {"count": _n(len(problems) - SHOWN_PROBLEMS)}
            )
        if options["error_file"] and problems:
            problems_write_csv(problems, Path(options["error_file"]))
            self.stderr.write(_("Daftar lengkap ditulis ke %(path)s.") % {"path": options["error_file"]})
        if not result.ok:
            raise CommandError(
                _("Tidak ada yang disimpan: %(errors)s kesalahan di %(rows)s baris.")
                % {"errors": _n(result.problems.error_count), "rows": _n(result.total)}
            )
        summary = _(
            "%(rows)s baris: %(created)s dibuat, %(updated)s diperbarui, %(unchanged)s tidak berubah; "
            "%(employees)s pegawai baru."
        ) % {
            "rows": _n(result.total),
            "created": _n(result.created),
            "updated": _n(result.updated),
            "unchanged": _n(result.unchanged),
            "employees": _n(result.employees_created),
        }
        if result.dry_run:
            message = _("Uji coba, tidak ada yang disimpan. Jika diimpor: %(summary)s") % {"summary": summary}
            self.stdout.write(self.style.WARNING(message))
        else:
            self.stdout.write(self.style.SUCCESS(_("Selesai. %(summary)s") % {"summary": summary}))
