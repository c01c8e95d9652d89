"""The readable page of "my data": the export's sections turned into headed lists of facts.

The JSON keeps the machine keys; people read Indonesian labels and local dates. A key without a
label (an app added a field) is still shown, under its key, so nothing is ever left out.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from appraisal_link.models import BERAKHLAK

SECTIONS = [
    ("account", gettext_lazy("Akun")),
    ("employee", gettext_lazy("Data kepegawaian")),
    ("competency", gettext_lazy("Kompetensi")),
    ("courses", gettext_lazy("Pembelajaran")),
    ("development", gettext_lazy("Pengembangan di luar portal dan rencana pengembangan")),
    ("scorm", gettext_lazy("Materi SCORM")),
    ("xapi", gettext_lazy("Catatan belajar yang dikirim ke LRS (xAPI)")),
    ("appraisals", gettext_lazy("Penilaian SKP dan penugasan")),
    ("change", gettext_lazy("Perubahan: bacaan wajib, sosialisasi, survei")),
    ("notifications", gettext_lazy("Notifikasi")),
]

LABELS = {
    # development
    "outside_activities": gettext_lazy("Pengembangan di luar portal"),
    "development_plans": gettext_lazy("Rencana pengembangan"),
    "organiser": gettext_lazy("Penyelenggara"),
    "starts_on": gettext_lazy("Mulai"),
    "ends_on": gettext_lazy("Selesai"),
    "recorded_at": gettext_lazy("Dicatat"),
    "quarter": gettext_lazy("Triwulan"),
    "activity": gettext_lazy("Kegiatan"),
    "goal": gettext_lazy("Tujuan"),
    "items": gettext_lazy("Kegiatan rencana"),
    "competencies": gettext_lazy("Kompetensi"),
    # scorm
    "scorm_attempts": gettext_lazy("Materi SCORM yang Anda putar"),
    "lesson_status": gettext_lazy("Status"),
    "completion_status": gettext_lazy("Status penyelesaian"),
    "success_status": gettext_lazy("Status kelulusan"),
    "total_seconds": gettext_lazy("Total waktu (detik)"),
    "location": gettext_lazy("Posisi terakhir"),
    "suspend_data": gettext_lazy("Data yang disimpan materi"),
    # xapi
    "lrs_statements": gettext_lazy("Pernyataan xAPI"),
    "verb": gettext_lazy("Kata kerja"),
    "object": gettext_lazy("Objek"),
    "sent_at": gettext_lazy("Dikirim"),
    "statement_id": gettext_lazy("ID pernyataan"),
    # account and employee
    "username": gettext_lazy("Nama pengguna"),
    "first_name": gettext_lazy("Nama depan"),
    "last_name": gettext_lazy("Nama belakang"),
    "email": gettext_lazy("E-mail"),
    "email_addresses": gettext_lazy("Alamat e-mail"),
    "verified": gettext_lazy("Terverifikasi"),
    "primary": gettext_lazy("Utama"),
    "roles": gettext_lazy("Peran"),
    "second_factors": gettext_lazy("Faktor kedua"),
    "date_joined": gettext_lazy("Terdaftar sejak"),
    "last_login": gettext_lazy("Terakhir masuk"),
    "nip": gettext_lazy("NIP"),
    "name": gettext_lazy("Nama"),
    "grade": gettext_lazy("Golongan/ruang"),
    "unit": gettext_lazy("Unit kerja"),
    "position": gettext_lazy("Jabatan"),
    "supervisor": gettext_lazy("Atasan langsung"),
    "active": gettext_lazy("Aktif"),
    # competency
    "assessments": gettext_lazy("Asesmen kompetensi"),
    "competency": gettext_lazy("Kompetensi"),
    "level": gettext_lazy("Level"),
    "source": gettext_lazy("Asal"),
    "assessed_on": gettext_lazy("Tanggal asesmen"),
    "note": gettext_lazy("Catatan"),
    "gaps": gettext_lazy("Kesenjangan kompetensi"),
    "reason": gettext_lazy("Alasan"),
    "required_level": gettext_lazy("Level dibutuhkan"),
    "current_level": gettext_lazy("Level saat ini"),
    "status": gettext_lazy("Status"),
    "opened_at": gettext_lazy("Dibuka"),
    "closed_at": gettext_lazy("Ditutup"),
    # courses
    "enrollments": gettext_lazy("Kursus yang diikuti"),
    "course": gettext_lazy("Kursus"),
    "enrolled_at": gettext_lazy("Terdaftar"),
    "due_at": gettext_lazy("Tenggat"),
    "completed_at": gettext_lazy("Selesai"),
    "final_score": gettext_lazy("Nilai akhir"),
    "jp_awarded": gettext_lazy("JP diperoleh"),
    "jp_year": gettext_lazy("Tahun JP"),
    "lessons_done": gettext_lazy("Pelajaran selesai"),
    "lesson": gettext_lazy("Pelajaran"),
    "quiz_attempts": gettext_lazy("Percobaan kuis"),
    "number": gettext_lazy("Percobaan ke"),
    "score": gettext_lazy("Nilai"),
    "passed": gettext_lazy("Lulus"),
    "submitted_at": gettext_lazy("Dikirim"),
    "certificates": gettext_lazy("Sertifikat"),
    "code": gettext_lazy("Kode"),
    "holder_name": gettext_lazy("Nama pada sertifikat"),
    "holder_nip": gettext_lazy("NIP pada sertifikat"),
    "jp": gettext_lazy("JP"),
    "completed_on": gettext_lazy("Tanggal selesai"),
    "issued_at": gettext_lazy("Diterbitkan"),
    "revoked_at": gettext_lazy("Dicabut"),
    # appraisals
    "appraisals": gettext_lazy("Penilaian SKP"),
    "year": gettext_lazy("Tahun"),
    "period": gettext_lazy("Periode"),
    "hasil_kerja": gettext_lazy("Hasil kerja"),
    "perilaku_kerja": gettext_lazy("Perilaku kerja"),
    "predikat": gettext_lazy("Predikat kinerja"),
    **dict(BERAKHLAK),
    "notes": gettext_lazy("Catatan"),
    "imported_at": gettext_lazy("Diimpor"),
    "updated_at": gettext_lazy("Diperbarui"),
    "assignments": gettext_lazy("Penugasan pelatihan"),
    "due_date": gettext_lazy("Tenggat"),
    "assigned_at": gettext_lazy("Ditugaskan"),
    "cancelled_at": gettext_lazy("Dibatalkan"),
    # change hub
    "must_read_confirmations": gettext_lazy("Konfirmasi bacaan wajib"),
    "title": gettext_lazy("Judul"),
    "confirmed_at": gettext_lazy("Dikonfirmasi"),
    "event_registrations": gettext_lazy("Pendaftaran sosialisasi"),
    "starts_at": gettext_lazy("Mulai"),
    "registered_at": gettext_lazy("Mendaftar"),
    "attended": gettext_lazy("Hadir"),
    "survey_participations": gettext_lazy("Keikutsertaan survei denyut"),
    "round": gettext_lazy("Putaran survei"),
    "answered_on": gettext_lazy("Tanggal menjawab"),
    "survey_answers": gettext_lazy("Jawaban survei"),
    # notifications
    "notifications": gettext_lazy("Notifikasi"),
    "kind": gettext_lazy("Jenis"),
    "body": gettext_lazy("Isi"),
    "created_at": gettext_lazy("Dibuat"),
    "read_at": gettext_lazy("Dibaca"),
    "email_preferences": gettext_lazy("Pilihan e-mail"),
}


# Lists that are one fact of a section (shown on one line), not a list of records of their own.
FACT_LISTS = {"email_addresses", "roles", "second_factors"}


def label(key: str) -> str:
    return str(LABELS.get(key, key.replace("_", " ").capitalize()))


def _when(key: str, value: str) -> str | None:
    """A local date (and time, WIB) for an ISO value of a date or time key; None otherwise."""
    try:
        if key.endswith("_at") or key in {"date_joined", "last_login"}:
            moment = datetime.datetime.fromisoformat(value)
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return formats.date_format(moment, "j F Y, H.i") + " WIB"
        if key.endswith(("_on", "_date")):
            return formats.date_format(datetime.date.fromisoformat(value), "j F Y")
    except ValueError:
        return None
    return None


def show(key: str, value) -> str:
    """One value as a person reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, str):
        return _when(key, value) or value
    if isinstance(value, list):
        return "; ".join(_item(item) if isinstance(item, dict) else show(key, item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{label(k)}: {show(k, v)}" for k, v in value.items())
    return str(value)


def _item(record: dict) -> str:
    # A yes/no alone says nothing ("Ya · Ya"): it is named; other values speak for themselves.
    return " · ".join(f"{label(k)}: {show(k, v)}" if isinstance(v, bool) else show(k, v) for k, v in record.items())


def _facts(record: dict) -> list[tuple[str, str]]:
    return [(label(key), show(key, value)) for key, value in record.items()]


def _part(data: dict) -> dict:
    """A section's data: its plain facts, its lists of records (each a list of facts), its notes."""
    facts, lists, notes = [], [], []
    for key, value in data.items():
        if isinstance(value, list) and key not in FACT_LISTS and all(isinstance(item, dict) for item in value):
            lists.append({"key": key, "title": label(key), "records": [_facts(item) for item in value]})
        elif isinstance(value, str) and len(value) > 120:
            notes.append({"title": label(key), "text": value})
        else:
            facts.append((label(key), show(key, value)))
    return {"facts": facts, "lists": lists, "notes": notes}


def sections(data: dict) -> list[dict]:
    """The sections of the page, in order; a section without data (no employee record) is left out."""
    return [
        {"key": key, "title": str(title), **_part(data[key])} for key, title in SECTIONS if data.get(key) is not None
    ]
