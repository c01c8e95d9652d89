"""The forms of competency development Peraturan LAN 10/2018 names: classical (face to face, in a
class) and non-classical. Hours convert to JP (jam pelajaran) at 45 minutes each."""

from django.utils.translation import gettext_lazy as _

MINUTES_PER_JP = 45

CLASSICAL = (
    ("pelatihan", _("Pelatihan (diklat teknis, fungsional, manajerial, kepemimpinan)")),
    ("bimtek", _("Bimbingan teknis (bimtek)")),
    ("workshop", _("Workshop atau lokakarya")),
    ("seminar", _("Seminar, konferensi atau sarasehan")),
    ("kursus", _("Kursus")),
    ("penataran", _("Penataran")),
    ("sosialisasi", _("Sosialisasi")),
)
NON_CLASSICAL = (
    ("e_learning", _("E-learning di luar portal")),
    ("jarak_jauh", _("Pelatihan jarak jauh")),
    ("coaching", _("Coaching")),
    ("mentoring", _("Mentoring")),
    ("magang", _("Magang atau praktik kerja")),
    ("detasering", _("Detasering (secondment)")),
    ("pertukaran", _("Pertukaran PNS dengan pegawai swasta/BUMN/BUMD")),
    ("patok_banding", _("Patok banding (benchmarking)")),
    ("alam_terbuka", _("Pembelajaran alam terbuka (outbound)")),
    ("belajar_mandiri", _("Belajar mandiri")),
    ("komunitas", _("Komunitas belajar")),
)
CHOICES = ((_("Klasikal"), CLASSICAL), (_("Nonklasikal"), NON_CLASSICAL))
CODES = frozenset(code for code, _label in CLASSICAL + NON_CLASSICAL)
LABELS = dict(CLASSICAL + NON_CLASSICAL)


def jp_from_minutes(minutes: int) -> int:
    """Whole JP in `minutes` of learning (a JP is 45 minutes; a part of one does not count)."""
    return minutes // MINUTES_PER_JP
