"""Demo organisation and accounts for `seed_demo`: the city's units, positions, employees."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .models import Employee, Grade, Position, Unit, User

DEMO_PASSWORD = "pangkalpinang"  # noqa: S105 - published demo password, DEBUG only
EMAIL_DOMAIN = "pangkalpinangkota.go.id"

UNITS = [
    ("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)", None),
    ("bkpsdm-pengembangan", "Bidang Pengembangan Kompetensi Aparatur", "bkpsdm"),
    ("diskominfo", "Dinas Komunikasi dan Informatika (Diskominfo)", None),
    ("diskominfo-aptika", "Bidang Aplikasi Informatika", "diskominfo"),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)", None),
    ("dinkes", "Dinas Kesehatan", None),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)", None),
    ("kec-bukit-intan", "Kecamatan Bukit Intan", None),
    ("kec-gabek", "Kecamatan Gabek", None),
    ("kec-gerunggang", "Kecamatan Gerunggang", None),
    ("kec-girimaya", "Kecamatan Girimaya", None),
    ("kec-pangkalbalam", "Kecamatan Pangkalbalam", None),
    ("kec-rangkui", "Kecamatan Rangkui", None),
    ("kec-taman-sari", "Kecamatan Taman Sari", None),
]

POSITIONS = [
    ("kepala-dinas", "Kepala Dinas", Position.Kind.STRUKTURAL),
    ("kepala-bidang", "Kepala Bidang", Position.Kind.STRUKTURAL),
    ("camat", "Camat", Position.Kind.STRUKTURAL),
    ("sekretaris-camat", "Sekretaris Camat", Position.Kind.STRUKTURAL),
    ("pranata-komputer-ahli-pertama", "Pranata Komputer Ahli Pertama", Position.Kind.FUNGSIONAL),
    ("pranata-komputer-terampil", "Pranata Komputer Terampil", Position.Kind.FUNGSIONAL),
    ("analis-sdm-aparatur", "Analis SDM Aparatur Ahli Muda", Position.Kind.FUNGSIONAL),
    ("widyaiswara", "Widyaiswara Ahli Muda", Position.Kind.FUNGSIONAL),
    ("administrator-database-kependudukan", "Administrator Database Kependudukan", Position.Kind.FUNGSIONAL),
    ("perawat-ahli-pertama", "Perawat Ahli Pertama", Position.Kind.FUNGSIONAL),
    ("pengadministrasi-perkantoran", "Pengadministrasi Perkantoran", Position.Kind.PELAKSANA),
    ("penata-layanan-operasional", "Penata Layanan Operasional", Position.Kind.PELAKSANA),
    ("pengolah-data-pelayanan", "Pengolah Data dan Informasi", Position.Kind.PELAKSANA),
]

# (username, name, NIP, unit, position, role, supervisor username)
ACCOUNTS = [
    ("admin", "Administrator Kompeten", None, None, None, None, None),
    ("hr", "Rina Marlina", "198503122010012004", "bkpsdm-pengembangan", "analis-sdm-aparatur", roles.HR, None),
    ("pelatih", "Hendra Gunawan", "198107042006041003", "bkpsdm-pengembangan", "widyaiswara", roles.PELATIH, None),
    ("atasan", "Agus Salim", "197808152003121002", "diskominfo-aptika", "kepala-bidang", roles.ATASAN, None),
    (
        "pegawai",
        "Siti Aminah",
        "199204202019032011",
        "diskominfo-aptika",
        "pranata-komputer-ahli-pertama",
        roles.PEGAWAI,
        "atasan",
    ),
]

FIRST_NAMES = [
    "Ahmad",
    "Budi",
    "Dewi",
    "Eka",
    "Fitri",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Mahmud",
    "Nurul",
    "Putri",
    "Rahmat",
    "Sari",
    "Taufik",
    "Wulan",
    "Yusuf",
    "Zainal",
    "Ayu",
]
LAST_NAMES = [
    "Saputra",
    "Wijaya",
    "Hidayat",
    "Pratama",
    "Lestari",
    "Kurniawan",
    "Susanti",
    "Rahman",
    "Setiawan",
    "Purnamasari",
    "Hakim",
    "Anggraini",
    "Firmansyah",
    "Yulianti",
    "Syahputra",
]


def demo_nip(rng: random.Random, sequence: int) -> str:
    """A NIP that passes validation: a birth date, a CPNS start after age 20, sex, sequence."""
    birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 28))
    start_year = birth.year + rng.randrange(21, 30)
    start_year = min(start_year, 2024)
    return f"{birth:%Y%m%d}{start_year}{rng.randrange(1, 13):02d}{rng.choice('12')}{sequence % 1000:03d}"


@transaction.atomic
def seed_organisation(*, employee_count: int = 45) -> dict:
    """Create or update the demo organisation; running it again changes nothing."""
    units: dict[str, Unit] = {}
    for code, name, parent in UNITS:
        units[code], _ = Unit.objects.update_or_create(
            code=code, defaults={"name": name, "parent": units.get(parent) if parent else None}
        )
    positions: dict[str, Position] = {}
    for code, name, kind in POSITIONS:
        positions[code], _ = Position.objects.update_or_create(code=code, defaults={"name": name, "kind": kind})

    groups = {group.name: group for group in Group.objects.filter(name__in=roles.ALL_ROLES)}
    employees: dict[str, Employee] = {}
    for username, name, nip, unit, position, role, supervisor in ACCOUNTS:
        user = _demo_user(username=username, name=name, is_superuser=username == "admin")
        if role:
            user.groups.add(groups[role])
            if role != roles.PEGAWAI:
                user.groups.add(groups[roles.PEGAWAI])
        if nip:
            employees[username], _ = Employee.objects.update_or_create(
                nip=nip,
                defaults={
                    "name": name,
                    "unit": units[unit],
                    "position": positions[position],
                    "grade": Grade.III_B,
                    "supervisor": employees.get(supervisor) if supervisor else None,
                    "user": user,
                },
            )

    rng = random.Random(2026)  # noqa: S311 - demo data, reproducible on purpose
    unit_codes = [code for code, _name, _parent in UNITS]
    staff_positions = [code for code, _name, kind in POSITIONS if kind != Position.Kind.STRUKTURAL]
    grades = [Grade.II_C, Grade.III_A, Grade.III_B, Grade.III_C, Grade.III_D, Grade.IV_A]
    for sequence in range(1, employee_count + 1):
        nip = demo_nip(rng, sequence)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        unit_code = rng.choice(unit_codes)
        Employee.objects.update_or_create(
            nip=nip,
            defaults={
                "name": name,
                "unit": units[unit_code],
                "position": positions[rng.choice(staff_positions)],
                "grade": rng.choice(grades),
                "supervisor": employees["atasan"] if unit_code.startswith("diskominfo") else None,
            },
        )
    return {"units": len(units), "positions": len(positions), "employees": Employee.objects.count()}


def _demo_user(*, username: str, name: str, is_superuser: bool) -> User:
    email = f"{username}@{EMAIL_DOMAIN}"
    user, _created = User.objects.update_or_create(
        username=username,
        defaults={
            "email": email,
            "first_name": name,
            "is_superuser": is_superuser,
            "is_staff": is_superuser,
            "is_active": True,
        },
    )
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user
