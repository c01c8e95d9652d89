"""The public satisfaction survey's fixed rules (SKM, PermenPANRB 14/2017): the nine elements and the
wording of their four answers, the respondent profile, the index and its quality grades, and the
Krejcie–Morgan sample size. Pure functions: no database."""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Element:
    code: str  # the response's field name: u1 … u9
    label: str
    question: str
    answers: tuple[str, str, str, str]  # the words for 1, 2, 3 and 4


ELEMENTS = (
    Element(
        "u1",
        _("Persyaratan"),
        _("Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    Element(
        "u2",
        _("Sistem, mekanisme dan prosedur"),
        _("Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan di unit ini?"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    Element(
        "u3",
        _("Waktu penyelesaian"),
        _("Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    Element(
        "u4",
        _("Biaya/tarif"),
        _("Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    Element(
        "u5",
        _("Produk spesifikasi jenis pelayanan"),
        _(
            "Bagaimana pendapat Anda tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
            "pelayanan dengan hasil yang diberikan?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    Element(
        "u6",
        _("Kompetensi pelaksana"),
        _("Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    Element(
        "u7",
        _("Perilaku pelaksana"),
        _("Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?"),
        (_("Tidak sopan dan ramah"), _("Kurang sopan dan ramah"), _("Sopan dan ramah"), _("Sangat sopan dan ramah")),
    ),
    Element(
        "u8",
        _("Penanganan pengaduan, saran dan masukan"),
        _("Bagaimana pendapat Anda tentang penanganan pengaduan, saran dan masukan di unit ini?"),
        (_("Tidak ada"), _("Ada tetapi tidak berfungsi"), _("Berfungsi kurang maksimal"), _("Dikelola dengan baik")),
    ),
    Element(
        "u9",
        _("Sarana dan prasarana"),
        _("Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
)
CODES = tuple(element.code for element in ELEMENTS)
# The elements that the people at the counter make: weak ones open gaps (the weak-area mapping's
# survey areas, appraisal_link.models.SURVEY_AREAS).
FRONT_LINE = {"u6": "skm_kompetensi", "u7": "skm_perilaku", "u8": "skm_pengaduan"}
POOR_GRADES = ("C", "D")
BY_CODE = {element.code: element for element in ELEMENTS}
WEIGHT = Decimal(1) / Decimal(len(ELEMENTS))  # each element weighs the same: 1/9

GENDERS = (("L", _("Laki-laki")), ("P", _("Perempuan")))
AGE_GROUPS = (
    ("lt20", _("Di bawah 20 tahun")),
    ("20-29", _("20–29 tahun")),
    ("30-39", _("30–39 tahun")),
    ("40-49", _("40–49 tahun")),
    ("50plus", _("50 tahun ke atas")),
)
EDUCATION = (
    ("sd", _("SD atau di bawahnya")),
    ("smp", _("SMP")),
    ("sma", _("SMA/SMK")),
    ("d3", _("D1–D3")),
    ("s1", _("D4/S1")),
    ("s2", _("S2 ke atas")),
)
OCCUPATIONS = (
    ("pns", _("PNS/ASN")),
    ("tni-polri", _("TNI/Polri")),
    ("swasta", _("Pegawai swasta")),
    ("wirausaha", _("Wirausaha")),
    ("pelajar", _("Pelajar/mahasiswa")),
    ("lainnya", pgettext_lazy("pekerjaan", "Lainnya")),
)

# Quality of service by IKM (the lower bound of each band, inclusive).
GRADES = (
    (Decimal("88.31"), "A", _("Sangat Baik")),
    (Decimal("76.61"), "B", _("Baik")),
    (Decimal("65.00"), "C", _("Kurang Baik")),
    (Decimal("25.00"), "D", _("Tidak Baik")),
)
TWO_PLACES = Decimal("0.01")


def ikm_of(nrr: dict[str, Decimal]) -> Decimal:
    """The index from the nine elements' averages (NRR): Σ(NRR × 1/9) × 25, to two places."""
    weighted = sum((nrr[code] * WEIGHT for code in CODES), Decimal(0))
    return (weighted * 25).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def grade_of(ikm: Decimal) -> tuple[str, str]:
    """The quality (letter, words) of an index; an index below 25 cannot occur (every answer ≥ 1)."""
    for lower, letter, words in GRADES:
        if ikm >= lower:
            return letter, str(words)
    return "D", str(GRADES[-1][2])


def sample_size(population: int) -> int:
    """The respondents needed for a population, by Krejcie and Morgan (1970): χ² = 3.841 (95%),
    P = 0.5, d = 0.05, rounded as their table is: 100 → 80, 500 → 217, 1,000 → 278, 1,000,000 → 384."""
    if population <= 0:
        return 0
    chi2, p, d = 3.841, 0.5, 0.05
    exact = chi2 * population * p * (1 - p) / (d * d * (population - 1) + chi2 * p * (1 - p))
    return math.floor(exact + 0.5)  # the published table rounds to the nearest person (500 → 217)
