"""Demo sosialisasi events for `seed_demo`: two coming up (one in person for the kecamatan, one online
for everyone) and one that is over, with attendance recorded, so the adoption dashboard has data.

Idempotent: an event whose slug already exists under the hub is left as it is (an editor's later
changes are kept), and registrations go through the services, which take a seat only once. The
demo `pegawai` is left unregistered for the online event so that they can try registering.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from portal.people.demo import ACCOUNTS
from portal.people.models import Employee, Unit, User

from ..models import ChangeEventPage, ChangeHubPage, EventRegistration
from ..services import events as services

PEGAWAI_NIP = next(nip for username, _name, nip, *_rest in ACCOUNTS if username == "pegawai")

KECAMATAN = {
    "slug": "sosialisasi-skp-baru-kecamatan",
    "title": "Sosialisasi SKP Baru untuk Kecamatan",
    "intro": (
        "Tatap muka bersama BKPSDM bagi camat, sekretaris camat dan staf kecamatan: cara menyusun SKP baru, "
        "dialog kinerja dengan atasan, dan contoh bukti dukung dari pelayanan di kecamatan."
    ),
    "days": 10,
    "start": (9, 0),
    "end": (12, 0),
    "location": "Aula Lantai 3 Kantor Wali Kota Pangkalpinang, Jl. Merdeka No. 4, Pangkalpinang",
    "online_url": "",
    "capacity": 40,
    "kecamatan_only": True,
    "registrants": 14,
    "body": [
        {"type": "heading", "value": {"text": "Agenda", "size": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<ol><li>08.30 Registrasi dan tanda tangan daftar hadir</li>"
                "<li>09.00 Mengapa SKP berubah (Kepala BKPSDM)</li>"
                "<li>09.45 Menyusun rencana hasil kerja dan indikatornya</li>"
                "<li>10.45 Praktik: dialog kinerja dan bukti dukung</li>"
                "<li>11.30 Tanya jawab</li></ol>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "kind": "tip",
                "title": "Yang perlu dibawa",
                "text": "<p>Laptop atau ponsel, dan draf SKP Anda tahun ini bila sudah ada.</p>",
            },
        },
    ],
}

DARING = {
    "slug": "sosialisasi-daring-tanya-jawab-skp",
    "title": "Sosialisasi Daring: Tanya Jawab SKP Baru",
    "intro": (
        "Sesi daring terbuka untuk semua pegawai: BKPSDM menjawab pertanyaan tentang penilaian kinerja baru, "
        "predikat kinerja, dan kaitannya dengan pelatihan dan JP."
    ),
    "days": 3,
    "start": (13, 30),
    "end": (15, 0),
    "location": "",
    "online_url": "https://zoom.us/j/86120264017?pwd=c29zaWFsaXNhc2k",
    "capacity": 200,
    "kecamatan_only": False,
    "registrants": 22,
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Tautan rapat dikirim di halaman ini setelah Anda mendaftar. Masuk 10 menit lebih awal "
                "dan gunakan nama lengkap sesuai data kepegawaian agar kehadiran Anda tercatat.</p>"
            ),
        },
    ],
}

PAST = {
    "slug": "sosialisasi-awal-manajemen-kinerja",
    "title": "Sosialisasi Awal Manajemen Kinerja ASN",
    "intro": "Pengenalan manajemen kinerja berdasarkan PermenPANRB 6/2022 bagi perwakilan setiap perangkat daerah.",
    "days": -14,
    "start": (9, 0),
    "end": (11, 30),
    "location": "Ruang Rapat BKPSDM Kota Pangkalpinang, Jl. Rasakunda, Pangkalpinang",
    "online_url": "",
    "capacity": 60,
    "kecamatan_only": False,
    "registrants": 30,
    "body": [
        {
            "type": "paragraph",
            "value": "<p>Materi paparan dapat diunduh di halaman panduan pusat perubahan.</p>",
        },
    ],
}


def _at(days: int, hour_minute: tuple[int, int]) -> datetime.datetime:
    """`days` from today at `hour_minute` WIB, moved off the weekend (later if ahead, earlier if past)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    step = datetime.timedelta(days=1 if days >= 0 else -1)
    while day.weekday() >= 5:
        day += step
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(*hour_minute)))


def _event(hub: ChangeHubPage, spec: dict, kecamatan: list[Unit]) -> tuple[ChangeEventPage, bool]:
    existing = ChangeEventPage.objects.child_of(hub).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific, False
    event = ChangeEventPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        starts_at=_at(spec["days"], spec["start"]),
        ends_at=_at(spec["days"], spec["end"]),
        location=spec["location"],
        online_url=spec["online_url"],
        capacity=spec["capacity"],
        body=spec["body"],
    )
    hub.add_child(instance=event)
    if spec["kecamatan_only"]:
        event.target_units.set(kecamatan)
    event.save_revision().publish()
    return ChangeEventPage.objects.get(pk=event.pk), True


def _register(event: ChangeEventPage, employees) -> None:
    for employee in employees:
        try:
            services.registration_create(employee=employee, event=event)
        except ValidationError:
            continue  # the demo was seeded a while ago and the event has started since


@transaction.atomic
def seed() -> None:
    """Create the demo events under the hub and the demo employees' seats and attendance (idempotent)."""
    hub = ChangeHubPage.objects.first()
    if hub is None:
        return
    kecamatan = list(Unit.objects.filter(code__startswith="kec-"))
    staff = Employee.objects.filter(is_active=True).order_by("nip")

    event, _created = _event(hub, KECAMATAN, kecamatan)
    _register(event, staff.filter(unit__in=kecamatan)[: KECAMATAN["registrants"]])

    event, _created = _event(hub, DARING, kecamatan)
    _register(event, staff.exclude(nip=PEGAWAI_NIP)[: DARING["registrants"]])

    event, created = _event(hub, PAST, kecamatan)
    if created:
        # Seats at an event that is over cannot be taken through the service, so they are written
        # directly, as they would have been before it started; attendance then goes through the service.
        registrants = list(staff[: PAST["registrants"] - 1]) + list(staff.filter(nip=PEGAWAI_NIP))
        registered_at = event.starts_at - datetime.timedelta(days=5)
        EventRegistration.objects.bulk_create(
            [
                EventRegistration(event=event, employee=employee, registered_at=registered_at)
                for employee in registrants
            ],
            ignore_conflicts=True,
        )
        registrations = (
            EventRegistration.objects.filter(event=event).select_related("employee").order_by("employee__nip")
        )
        # About four in five came; the demo `pegawai` did.
        present = {r.pk for i, r in enumerate(registrations) if i % 5 != 3 or r.employee.nip == PEGAWAI_NIP}
        services.attendance_mark(
            event=event, registration_ids=present, by_user=User.objects.filter(username="hr").first()
        )
