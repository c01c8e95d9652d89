"""`retention [--dry-run]`: remove the personal data whose retention period has passed."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.retention import retention_run


class Command(BaseCommand):
    help = _(
        "Hapus data pribadi yang melewati masa simpan (KOMPETEN_RETENTION_DAYS): berkas dan daftar kesalahan "
        "impor, notifikasi, jawaban bebas survei, catatan audit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Hanya hitung yang akan dihapus; tidak ada yang diubah.")
        )

    def handle(self, *args, dry_run: bool = False, **options):
        results = retention_run(dry_run=dry_run)
        for result in results:
            values = {
                "label": result.label,
                "count": result.count,
                "days": result.days,
                "before": timezone.localtime(result.before).strftime("%Y-%m-%d %H:%M"),
            }
            line = (
                _("%(label)s: %(count)s akan dihapus (lebih lama dari %(days)s hari, sebelum %(before)s WIB)")
                if dry_run
                else _("%(label)s: %(count)s dihapus (lebih lama dari %(days)s hari, sebelum %(before)s WIB)")
            )
            self.stdout.write(line % values)
        total = sum(result.count for result in results)
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Uji coba: %(total)s data akan dihapus; tidak ada yang diubah.") % {"total": total}
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("Selesai: %(total)s data dihapus.") % {"total": total}))
