"""`python manage.py import_competencies FILE [--dry-run]`: the dictionary from a CSV/XLSX file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from competency import importing, services


class Command(BaseCommand):
    help = (
        "Impor kamus kompetensi dari templat Kompeten (CSV/XLSX) atau ekspor kerangka kompetensi Moodle (CSV). "
        "Semua baris diperiksa dulu: satu baris salah, tidak ada yang ditulis."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas .csv atau .xlsx")
        parser.add_argument("--dry-run", action="store_true", help="hanya periksa; jangan tulis apa pun")

    def handle(self, *args, file: str, dry_run: bool = False, **options):
        path = Path(file)
        try:
            size = path.stat().st_size
            importing.check_upload(name=path.name, size=size)
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(_("Berkas tidak dapat dibaca: %(error)s") % {"error": error}) from None
        except importing.FileRefused as refused:
            raise CommandError(str(refused)) from None
        try:
            result = services.competencies_import(data=data, name=path.name, dry_run=dry_run)
        except importing.FileRefused as refused:
            raise CommandError(str(refused)) from None
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(
                ngettext(
                    "%(count)s kesalahan; tidak ada yang diimpor.",
                    "%(count)s kesalahan; tidak ada yang diimpor.",
                    len(result.errors),
                )
                % {"count": len(result.errors)}
            )
        source = _("ekspor Moodle") if result.format == importing.MOODLE else _("templat Kompeten")
        if result.framework:
            source += f" ({result.framework})"
        summary = _(
            "%(rows)s baris dari %(source)s: %(created)s baru, %(updated)s diperbarui, %(unchanged)s tetap."
        ) % {
            "rows": result.rows,
            "source": source,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        }
        summary += result.related_text()
        if dry_run:
            summary = _("Uji coba, tidak ada yang ditulis. ") + summary
        self.stdout.write(self.style.SUCCESS(summary))
