"""The default mapping from weak appraisal areas to the competencies that develop them (DESIGN.md).

(area, competency codes, also the position's technical competencies)
"""

DEFAULT_MAPPING = [
    ("hasil_kerja", ["orientasi-pada-hasil"], True),
    ("berorientasi_pelayanan", ["pelayanan-publik"], False),
    ("akuntabel", ["integritas", "orientasi-pada-hasil"], False),
    ("kompeten", ["pengembangan-diri-dan-orang-lain"], True),
    ("harmonis", ["perekat-bangsa", "kerjasama"], False),
    ("loyal", ["integritas"], False),
    ("adaptif", ["mengelola-perubahan"], False),
    ("kolaboratif", ["kerjasama", "komunikasi"], False),
]
