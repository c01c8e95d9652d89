"""`outbox_relay`: publish the background tasks that wait in the outbox (after a broker outage)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.outbox.services import outbox_relay


class Command(BaseCommand):
    help = _("Kirim ke antrean tugas latar yang tertunda atau terputus (setelah Redis atau pekerja mati).")

    def handle(self, *args, **options):
        self.stdout.write(_("%(count)s tugas dikirim ke antrean.") % {"count": outbox_relay()})
