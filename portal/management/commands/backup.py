"""`backup [--output PATH]`: the database and both media folders in one consistent archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Cadangkan basis data PostgreSQL dan kedua folder media ke satu arsip tar yang konsisten."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="berkas arsip (bawaan: backups/kompeten-<waktu>.tar)")

    def handle(self, *args, **options):
        output = options["output"] or Path("backups") / f"kompeten-{timezone.now():%Y%m%d-%H%M%S}.tar"
        try:
            manifest = backup(output=output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["database"]["rows"].values())
        files = sum(len(files) for files in manifest["files"].values())
        self.stdout.write(self.style.SUCCESS(f"Cadangan ditulis ke {output}: {rows} baris, {files} berkas."))
