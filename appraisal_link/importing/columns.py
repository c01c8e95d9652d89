"""The columns of an appraisal file (and the keys of an API record), and how a header is matched to them.

Headers are matched case-insensitively, with spaces, underscores and hyphens alike: "Unit Kerja",
"unit_kerja" and "UNIT-KERJA" are the same column.
"""

import re

from ..models import BERAKHLAK

REQUIRED = (
    "nip",
    "nama",
    "unit_kerja",
    "jabatan",
    "tahun",
    "periode",
    "hasil_kerja",
    "perilaku_kerja",
    "predikat",
)
VALUES = tuple(code for code, _label in BERAKHLAK)
# "email": the address BKPSDM holds for the employee, with which they prove themselves at sign-up.
OPTIONAL = (*VALUES, "catatan", "email")
COLUMNS = REQUIRED + OPTIONAL

# The appraisal fields a record carries, in the order of `Record` and of the comparison with the database.
APPRAISAL_FIELDS = ("hasil_kerja", "perilaku_kerja", "predikat", *VALUES, "notes")

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise_header(name) -> str:
    """The canonical form of a column name: lower case, words joined by one underscore."""
    text = str(name if name is not None else "").replace("\ufeff", "").strip().lower()
    return _SEPARATORS.sub("_", text).strip("_")


# An example row for the template files: a valid (fictional) NIP, and every accepted form spelled out.
EXAMPLE_ROW = {
    "nip": "199204202019032001",
    "nama": "Siti Aminah",
    "unit_kerja": "BKPSDM",
    "jabatan": "Analis SDM Aparatur",
    "tahun": 2025,
    "periode": "Tahunan",
    "hasil_kerja": "Sesuai ekspektasi",
    "perilaku_kerja": "Di atas ekspektasi",
    "predikat": "Baik",
    "berorientasi_pelayanan": "Di atas ekspektasi",
    "akuntabel": "Sesuai ekspektasi",
    "kompeten": "Sesuai ekspektasi",
    "harmonis": "Sesuai ekspektasi",
    "loyal": "Sesuai ekspektasi",
    "adaptif": "Di bawah ekspektasi",
    "kolaboratif": "Sesuai ekspektasi",
    "catatan": "",
    "email": "siti.aminah@pangkalpinangkota.go.id",
}
