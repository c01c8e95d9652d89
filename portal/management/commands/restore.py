"""`restore ARCHIVE`: an archive of `backup` back into an empty installation, checked against its
manifest (rows per table, every file's SHA-256)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Pulihkan arsip `backup` ke instalasi kosong (basis data baru yang belum dimigrasi), lalu periksa "
        "jumlah baris dan sidik setiap berkas terhadap manifesnya."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, **options):
        try:
            manifest = restore(archive=options["archive"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["database"]["rows"].values())
        self.stdout.write(self.style.SUCCESS(f"Dipulihkan dan diperiksa: {rows} baris, sesuai cadangan."))
