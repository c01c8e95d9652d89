"""The default readiness questionnaire: two Likert statements per ADKAR dimension.

Seeded once by a data migration as a template round that HR copies ("Salin sebagai putaran baru")
to open a new round; kept here so that the migration and the demo share one wording.
"""

import datetime

# The template's period lies in the past on purpose: it is never open to employees by itself.
TEMPLATE_TITLE = "Survei Kesiapan Perubahan (ADKAR)"
TEMPLATE_OPENS_AT = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
TEMPLATE_CLOSES_AT = datetime.datetime(2000, 1, 2, tzinfo=datetime.UTC)
TEMPLATE_INTRO = (
    "Survei singkat (sekitar 3 menit) tentang kesiapan Anda menjalankan sistem manajemen kinerja yang baru. "
    "Tidak ada jawaban benar atau salah: pilihlah yang paling sesuai dengan keadaan Anda saat ini."
)

# (dimension, statement), in the order employees read them.
STATEMENTS = [
    ("awareness", "Saya memahami mengapa sistem manajemen kinerja berubah."),
    ("awareness", "Saya tahu kelemahan cara penilaian kinerja yang lama yang ingin diperbaiki."),
    ("desire", "Saya ingin ikut berperan dalam penerapan sistem manajemen kinerja yang baru."),
    ("desire", "Saya melihat manfaat sistem kinerja yang baru bagi pekerjaan dan pengembangan diri saya."),
    ("knowledge", "Saya tahu cara menyusun SKP dan rencana hasil kerja menurut ketentuan yang baru."),
    ("knowledge", "Saya tahu ke mana mencari informasi atau bantuan tentang sistem kinerja yang baru."),
    ("ability", "Saya mampu menerapkan sistem kinerja yang baru dalam pekerjaan sehari-hari."),
    ("ability", "Saya mempunyai waktu, sarana dan dukungan yang cukup untuk bekerja dengan cara yang baru."),
    ("reinforcement", "Atasan saya memberi umpan balik dan pengakuan ketika saya menerapkan cara kerja yang baru."),
    ("reinforcement", "Saya yakin perubahan ini akan dipertahankan dan tidak kembali ke cara lama."),
]
