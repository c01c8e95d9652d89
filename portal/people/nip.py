"""The NIP (Nomor Induk Pegawai): 18 digits that encode who a civil servant is.

Layout: birth date YYYYMMDD, CPNS start YYYYMM, sex (1 male, 2 female), sequence (3 digits).
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy, gettext_noop

NIP_LENGTH = 18
_DIGITS = re.compile(r"^[0-9]+$")

# The message of each refusal by code, untranslated: an import keeps it as a stored-text source.
NIP_MESSAGES = {
    "nip_digits": gettext_noop("NIP hanya boleh berisi angka."),
    "nip_length": gettext_noop("NIP harus terdiri dari 18 angka (yang dimasukkan: %(count)s)."),
    "nip_birth_date": gettext_noop("Tanggal lahir pada NIP (%(part)s) bukan tanggal yang sah."),
    "nip_start_month": gettext_noop("Bulan pengangkatan CPNS pada NIP (%(part)s) tidak sah."),
    "nip_start_year": gettext_noop("Tahun pengangkatan CPNS pada NIP (%(year)s) tidak sesuai dengan tanggal lahir."),
    "nip_sex": gettext_noop("Digit jenis kelamin pada NIP harus 1 (laki-laki) atau 2 (perempuan)."),
}


def _refusal(code: str, **params) -> ValidationError:
    return ValidationError(gettext_lazy(NIP_MESSAGES[code]), code=code, params=params or None)


def normalise_nip(value: str) -> str:
    """Strip the spaces and dots people type between the NIP's groups."""
    return re.sub(r"[\s.\-]", "", str(value or ""))


def validate_nip(value: str) -> None:
    """Raise ValidationError, in Indonesian, when the value is not a well-formed NIP."""
    plain = value.__class__ is str and len(value) == NIP_LENGTH and value.isascii() and value.isdigit()
    nip = value if plain else normalise_nip(value)  # 18 plain digits: nothing to strip
    if not _DIGITS.match(nip):
        raise _refusal("nip_digits")
    if len(nip) != NIP_LENGTH:
        raise _refusal("nip_length", count=len(nip))
    try:
        birth = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise _refusal("nip_birth_date", part=nip[0:8]) from None
    start_year, start_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= start_month <= 12:
        raise _refusal("nip_start_month", part=nip[8:14])
    if start_year < birth.year + 15 or start_year > datetime.date.today().year:
        raise _refusal("nip_start_year", year=start_year)
    if nip[14] not in "12":
        raise _refusal("nip_sex")


_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?e\+?\d+$", re.IGNORECASE)
_DECIMAL_TAIL = re.compile(r"^\d{15,}[.,]0+$")
EXCEL_MANGLED_MESSAGE = gettext_noop(
    "NIP tampaknya diubah Excel menjadi angka (notasi ilmiah, atau tiga angka terakhir menjadi 000), "
    "sehingga sebagian angkanya hilang. Di Excel, format kolom NIP sebagai Teks, ketik ulang NIP yang "
    "lengkap, lalu unggah lagi."
)


def excel_mangled(text: str) -> bool:
    """Whether a NIP as a spreadsheet gave it has been stored as a number and lost its last digits (a
    double holds 15 significant digits): scientific notation such as "1,99204E+17", a decimal tail,
    or 18 digits ending in 000 (the sequence number of a real NIP starts at 001)."""
    compact = "".join(str(text).split()).lstrip("'")
    if _SCIENTIFIC.match(compact) or _DECIMAL_TAIL.match(compact):
        return True
    nip = normalise_nip(compact)
    return len(nip) == NIP_LENGTH and _DIGITS.match(nip) is not None and nip.endswith("000")


def nip_birth_date(nip: str) -> datetime.date:
    return datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
