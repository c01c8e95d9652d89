"""One cell at a time: each cleaner turns what a person typed (or a spreadsheet stored) into the value
the database keeps, or raises CellError with the reason (a stored-text source, shown in the reader's
language).

The tolerated forms are deliberate: people type "diatas ekspektasi", "TW I" or "Kurang/misconduct",
and a spreadsheet hands over numbers (2025, 1.0) where text was meant. Cleaners of values that repeat
on every row (ratings, predikat, period) are memoised, so 100,000 rows cost a few dictionary lookups.
"""

import datetime
import math
import re
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_noop

from portal import stored_text
from portal.people.nip import EXCEL_MANGLED_MESSAGE, NIP_MESSAGES, excel_mangled, normalise_nip, validate_nip
from portal.stored_text import Source, source

from ..models import Appraisal, Predikat, Rating

MIN_YEAR = 2000
MAX_TEXT = {"nama": 200, "unit_kerja": 200, "jabatan": 200, "catatan": 2000}


class CellError(Exception):
    """A cell's value is not acceptable: `message` says why in the active language, `source` keeps it
    as a stored-text source (for the job's report, read later in the reader's language), `code` names
    the kind of problem in words that do not change with the language or the wording."""

    def __init__(self, source: Source, *, code: str = ""):
        self.source = source
        self.message = stored_text.render(source)
        self.code = code
        super().__init__(self.message)


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value) -> str:
    """A cell as text: spreadsheets store 2025 as 2025.0 and 1 as 1.0; show those as people typed them."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def display(value) -> str:
    """The value as an error report shows it (a float NIP keeps its scientific notation)."""
    text = repr(value) if isinstance(value, float) else as_text(value)
    return text if len(text) <= 200 else text[:199] + "…"


def _words(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").split())


def _cached_text(cleaner):
    """Call `cleaner` on the text of a cell; cell texts repeat on every row, so the answers are cached."""
    cached = lru_cache(maxsize=4096)(cleaner)

    def clean(value):
        return cached(value if value.__class__ is str else as_text(value))

    return clean


# --- Ratings and predikat ---------------------------------------------------------------------
_RATINGS = {
    "di atas ekspektasi": Rating.ABOVE.value,
    "sesuai ekspektasi": Rating.MEETS.value,
    "di bawah ekspektasi": Rating.BELOW.value,
    # The stored codes (di_atas, sesuai, di_bawah), which an API client may send.
    "di atas": Rating.ABOVE.value,
    "sesuai": Rating.MEETS.value,
    "di bawah": Rating.BELOW.value,
}
_JOINED_DI = re.compile(r"\bdi(atas|bawah)\b")


@_cached_text
def _rating(text: str) -> str | None:
    """The rating code; "" for a blank cell; None for an unknown value."""
    words = _words(text)
    return _RATINGS.get(_JOINED_DI.sub(r"di \1", words)) if words else ""


def clean_rating(value, *, required: bool = True) -> str:
    """ "Di atas ekspektasi", "Sesuai ekspektasi", "Di bawah ekspektasi", in any case and spacing,
    also "diatas"/"dibawah"; blank is allowed for the optional BerAKHLAK values."""
    rating = _rating(value)
    if rating:
        return rating
    if rating is None:
        raise CellError(
            source(
                gettext_noop(
                    "Nilai tidak dikenal. Gunakan salah satu: Di atas ekspektasi, Sesuai ekspektasi, "
                    "Di bawah ekspektasi."
                )
            ),
            code="unknown",
        )
    if required:
        raise CellError(
            source(gettext_noop("Wajib diisi: Di atas ekspektasi, Sesuai ekspektasi atau Di bawah ekspektasi.")),
            code="required",
        )
    return ""


_PREDIKAT = {
    "sangat baik": Predikat.SANGAT_BAIK.value,
    "baik": Predikat.BAIK.value,
    "butuh perbaikan": Predikat.BUTUH_PERBAIKAN.value,
    "kurang": Predikat.KURANG.value,
    "kurang/misconduct": Predikat.KURANG.value,
    "sangat kurang": Predikat.SANGAT_KURANG.value,
}


@_cached_text
def _predikat(text: str) -> str | None:
    words = _words(text)
    return _PREDIKAT.get(re.sub(r"\s*/\s*", "/", words)) if words else ""


def clean_predikat(value) -> str:
    """Sangat Baik, Baik, Butuh Perbaikan, Kurang (also "Kurang/misconduct") or Sangat Kurang."""
    predikat = _predikat(value)
    if predikat:
        return predikat
    if predikat is None:
        raise CellError(
            source(
                gettext_noop(
                    "Predikat tidak dikenal. Gunakan salah satu: Sangat Baik, Baik, Butuh Perbaikan, Kurang, "
                    "Sangat Kurang."
                )
            ),
            code="unknown",
        )
    raise CellError(
        source(gettext_noop("Wajib diisi: Sangat Baik, Baik, Butuh Perbaikan, Kurang atau Sangat Kurang.")),
        code="required",
    )


# --- Period and year --------------------------------------------------------------------------
_QUARTERS = {
    "i": Appraisal.Period.Q1.value,
    "ii": Appraisal.Period.Q2.value,
    "iii": Appraisal.Period.Q3.value,
    "iv": Appraisal.Period.Q4.value,
    "1": Appraisal.Period.Q1.value,
    "2": Appraisal.Period.Q2.value,
    "3": Appraisal.Period.Q3.value,
    "4": Appraisal.Period.Q4.value,
}
_QUARTER_PREFIX = re.compile(r"^(?:triwulan|tw)[\s.\-]*")


@_cached_text
def _period(text: str) -> str | None:
    words = _words(text)
    if not words:
        return ""
    if words in ("tahunan", "annual"):
        return Appraisal.Period.ANNUAL.value
    return _QUARTERS.get(_QUARTER_PREFIX.sub("", words))


def clean_period(value) -> str:
    """ "Tahunan" (or "annual"), or a quarter: I–IV, 1–4, "Triwulan I", "TW I"."""
    period = _period(value)
    if period:
        return period
    if period is None:
        raise CellError(
            source(
                gettext_noop("Periode tidak dikenal. Gunakan Tahunan, atau triwulan I, II, III, IV (juga 1–4, TW I).")
            ),
            code="unknown",
        )
    raise CellError(source(gettext_noop("Wajib diisi: Tahunan, atau triwulan I, II, III, IV.")), code="required")


@_cached_text
def _year(text: str) -> int | str:
    """The year, or why it is refused: "blank", "format" or "range"."""
    text = text.strip()
    if not text:
        return "blank"
    if not re.fullmatch(r"\d{4}", text):
        return "format"
    return int(text) if MIN_YEAR <= int(text) <= 2100 else "range"


def clean_year(value) -> int:
    """A year from 2000 up to next year (an appraisal is never further ahead)."""
    year = "format" if isinstance(value, bool) else _year(value)
    latest = datetime.date.today().year + 1
    if year.__class__ is int and year <= latest:
        return year
    if year == "blank":
        raise CellError(source(gettext_noop("Tahun wajib diisi.")), code="required")
    if year == "format":
        raise CellError(source(gettext_noop("Tahun harus berupa empat angka, misalnya 2025.")), code="year_format")
    raise CellError(
        source(gettext_noop("Tahun harus antara %(min)s dan %(max)s."), min=MIN_YEAR, max=latest), code="year_range"
    )


# --- NIP ---------------------------------------------------------------------------------------
def excel_mangled_message() -> Source:
    return source(EXCEL_MANGLED_MESSAGE)


_PLAIN_NIP = re.compile(r"[0-9]{18}")


def clean_nip(value) -> str:
    """An 18-digit NIP, validated with `validate_nip`.

    A NIP that a spreadsheet stored as a number has lost its last digits (a double holds 15 significant
    digits): a float cell, scientific notation such as "1,99204E+17", or 18 digits ending in 000 (the
    sequence number of a real NIP starts at 001) is explained as that, not as a wrong NIP.
    """
    if value.__class__ is str and _PLAIN_NIP.fullmatch(value) and not value.endswith("000"):
        # Nearly every cell: 18 digits as typed, nothing to strip or explain.
        try:
            validate_nip(value)
        except ValidationError:
            pass  # explained below, as any other refused NIP
        else:
            return value
    if is_blank(value):
        raise CellError(source(gettext_noop("NIP wajib diisi.")), code="required")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise CellError(source(gettext_noop("NIP harus berupa teks berisi 18 angka.")), code="nip_type")
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) >= 1e14:
            raise CellError(excel_mangled_message(), code="excel_number")
        value = as_text(value)
    text = str(value).strip().lstrip("'")
    if excel_mangled(text):
        raise CellError(excel_mangled_message(), code="excel_number")
    nip = normalise_nip("".join(text.split()))
    try:
        validate_nip(nip)
    except ValidationError as error:
        raise CellError(source(NIP_MESSAGES[error.code], **(error.params or {})), code=error.code) from None
    return nip


def clean_email(value) -> str:
    """The address BKPSDM holds for the employee (optional): lower case, or "" when the cell is empty."""
    if is_blank(value):
        return ""
    text = as_text(value).lower()
    try:
        if len(text) > 254:
            raise ValidationError("too long", code="too_long")
        validate_email(text)
    except ValidationError:
        raise CellError(source(gettext_noop("Alamat e-mail tidak sah.")), code="email") from None
    return text


def clean_text(value, *, column: str, required: bool) -> str:
    """Free text, trimmed and with inner runs of spaces collapsed (names are compared that way)."""
    if is_blank(value):
        if required:
            raise CellError(source(gettext_noop("Wajib diisi.")), code="required")
        return ""
    text = as_text(value)
    if column != "catatan":
        text = " ".join(text.split())
    limit = MAX_TEXT[column]
    if len(text) > limit:
        raise CellError(
            source(gettext_noop("Terlalu panjang: paling banyak %(limit)s karakter."), limit=limit), code="too_long"
        )
    return text
