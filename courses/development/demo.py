"""Demo learning outside the portal: the demo pegawai's verified bimtek and coaching and a workshop
still waiting for the demo atasan, and a few colleagues' verified activities. Idempotent."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from portal.people.models import Employee

from .models import ExternalActivity
from .services import folded

PROOF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PEGAWAI_NIP = "199204202019032011"
ATASAN_NIP = "197808152003121002"
# (NIP or None for the demo pegawai's colleagues, kind, title, organiser, days ago ended, days long, JP, verified)
ACTIVITIES = (
    (PEGAWAI_NIP, "bimtek", "Bimtek Keamanan Informasi Pemerintah", "BSSN", 70, 3, 16, True),
    (PEGAWAI_NIP, "coaching", "Coaching Dialog Kinerja", "BKPSDM Kota Pangkalpinang", 40, 1, 4, True),
    (PEGAWAI_NIP, "workshop", "Workshop Tanda Tangan Elektronik", "BSrE", 5, 1, 8, False),
    (None, "seminar", "Seminar SPBE Daerah", "Kementerian PANRB", 55, 1, 6, True),
)


def seed_external(today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    people = {e.nip: e for e in Employee.objects.filter(nip__in=[PEGAWAI_NIP, ATASAN_NIP]).select_related("user")}
    pegawai, atasan = people.get(PEGAWAI_NIP), people.get(ATASAN_NIP)
    if pegawai is None or atasan is None:
        return {"outside_activities": 0}
    colleagues = list(Employee.objects.filter(unit_id=pegawai.unit_id).exclude(pk=pegawai.pk).order_by("nip")[:3])
    for nip, kind, title, organiser, ago, days, jp, verified in ACTIVITIES:
        for employee in [pegawai] if nip else colleagues:
            # Within this year, so that the demo plan's progress shows even in January.
            ends = max(today - datetime.timedelta(days=ago), datetime.date(today.year, 1, days))
            activity, created = ExternalActivity.objects.get_or_create(
                employee=employee,
                title_key=folded(title),
                organiser_key=folded(organiser),
                starts_on=ends - datetime.timedelta(days=days - 1),
                ends_on=ends,
                defaults={
                    "kind": kind,
                    "title": title,
                    "organiser": organiser,
                    "jp": jp,
                    "status": ExternalActivity.Status.VERIFIED if verified else ExternalActivity.Status.PENDING,
                    "decided_by": atasan.user if verified else None,
                    "decided_at": timezone.now() if verified else None,
                },
            )
            if created:
                activity.proof.save("bukti.pdf", ContentFile(PROOF), save=True)
    return {"outside_activities": ExternalActivity.objects.count()}
