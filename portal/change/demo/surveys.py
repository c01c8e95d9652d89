"""Demo pulse surveys for `seed_demo`: a closed round of about three months ago and an open round,
both copied from the ADKAR template, answered by demo employees so that the adoption dashboard has
numbers and a trend, with one unit (Kecamatan Girimaya) low and falling.

The demo `pegawai` answers the earlier round but not the open one, and exactly four colleagues of
their unit answer it: their own answer is the fifth, which makes the unit's figures appear. Small
groups in two other units keep the "all units" figure visible before and after (see the selector).

Idempotent: rounds are found by title and responses go through the service, which records one per
employee per round.
"""

import datetime
import random

from django.utils import timezone

from portal.people.demo import ACCOUNTS
from portal.people.models import Employee

from .. import adkar
from ..models import PulseSurvey, SurveyQuestion
from ..services.surveys import survey_copy, survey_response_submit

PEGAWAI_NIP = next(nip for username, _name, nip, *_rest in ACCOUNTS if username == "pegawai")
EARLIER_TITLE = "Survei Kesiapan Perubahan — Putaran 1"
OPEN_TITLE = "Survei Kesiapan Perubahan — Putaran 2"

# unit code → (mean per ADKAR dimension in round 1, in round 2, how many answer round 2 (None: all))
PROFILES = {
    "kec-bukit-intan": ((3.4, 3.3, 2.9, 3.0, 2.8), (4.0, 3.9, 3.5, 3.6, 3.3), None),
    "kec-girimaya": ((3.6, 3.4, 3.3, 3.2, 3.1), (3.0, 2.6, 2.7, 2.5, 2.3), None),
    "bkpsdm-pengembangan": ((4.2, 4.0, 3.6, 3.7, 3.4), (4.4, 4.2, 4.0, 4.0, 3.7), None),
    "diskominfo-aptika": ((3.5, 3.6, 3.0, 3.2, 2.9), (3.8, 3.9, 3.4, 3.5, 3.1), 4),
    "kec-gerunggang": ((3.2, 3.1, 2.8, 2.9, 2.7), (3.5, 3.3, 3.1, 3.0, 2.9), 3),
    "dinkes": ((3.6, 3.5, 3.2, 3.3, 3.0), (3.7, 3.6, 3.4, 3.4, 3.2), 3),
}
DIMENSIONS = ["awareness", "desire", "knowledge", "ability", "reinforcement"]

CONCERNS = [
    "Target SKP baru sulit diukur untuk pekerjaan pelayanan langsung kepada warga.",
    "Khawatir penilaian menjadi subjektif karena sangat bergantung pada atasan.",
    "Aplikasi e-kinerja sering lambat dan pelatihannya belum cukup.",
    "Waktu untuk dialog kinerja dengan atasan hampir tidak ada karena pelayanan ramai.",
    "Belum paham cara menyusun rencana hasil kerja yang selaras dengan atasan.",
    "Takut tunjangan kinerja berkurang kalau target tidak tercapai.",
    "Sosialisasi baru sekali; perlu pendampingan lanjutan saat menyusun SKP.",
    "Beban administrasi bertambah, padahal pegawai di kantor terbatas.",
    "",
    "",
]
GIRIMAYA_CONCERNS = [
    "Target terlalu tinggi dan tunjangan kinerja bisa berkurang.",
    "Penilaian atasan terasa subjektif, belum ada contoh bukti dukung.",
    "Tidak ada waktu untuk pelatihan aplikasi e-kinerja, pelayanan kecamatan ramai.",
    "Target kelurahan berbeda-beda, format SKP membingungkan.",
    "Khawatir tunjangan dipotong karena target belum jelas.",
]


def seed() -> None:
    """Create the two rounds (once) and the demo employees' answers to them."""
    now = timezone.now()
    template = _template()
    earlier = PulseSurvey.objects.filter(title=EARLIER_TITLE).first() or survey_copy(
        survey=template,
        title=EARLIER_TITLE,
        opens_at=now - datetime.timedelta(days=100),
        closes_at=now - datetime.timedelta(days=86),
    )
    current = PulseSurvey.objects.filter(title=OPEN_TITLE).first() or survey_copy(
        survey=template,
        title=OPEN_TITLE,
        opens_at=now - datetime.timedelta(days=7),
        closes_at=now + datetime.timedelta(days=14),
    )
    employees = list(
        Employee.objects.filter(is_active=True, unit__code__in=PROFILES).select_related("unit").order_by("nip")
    )
    for code, (before, after, answering) in PROFILES.items():
        staff = [employee for employee in employees if employee.unit.code == code]
        _answer(earlier, staff, before, code)
        # The demo pegawai is left out of the open round, so they can answer it themselves.
        others = [employee for employee in staff if employee.nip != PEGAWAI_NIP]
        _answer(current, others[:answering] if answering else others, after, code)


def _template() -> PulseSurvey:
    """The ADKAR template the migration made (made again if HR deleted it)."""
    template = PulseSurvey.objects.filter(title=adkar.TEMPLATE_TITLE).order_by("pk").first()
    if template is None:
        template = PulseSurvey.objects.create(
            title=adkar.TEMPLATE_TITLE,
            intro=adkar.TEMPLATE_INTRO,
            opens_at=adkar.TEMPLATE_OPENS_AT,
            closes_at=adkar.TEMPLATE_CLOSES_AT,
        )
        SurveyQuestion.objects.bulk_create(
            SurveyQuestion(survey=template, text=text, dimension=dimension, sort_order=order)
            for order, (dimension, text) in enumerate(adkar.STATEMENTS)
        )
    return template


def _answer(survey: PulseSurvey, staff: list[Employee], means: tuple[float, ...], code: str) -> None:
    """Each employee's answers scattered around the unit's means, reproducibly (seeded by NIP)."""
    questions = list(survey.questions.order_by("sort_order"))
    concerns = GIRIMAYA_CONCERNS if code == "kec-girimaya" and survey.title == OPEN_TITLE else CONCERNS
    for index, employee in enumerate(staff):
        rng = random.Random(f"{survey.title}:{employee.nip}")  # noqa: S311 - demo data, reproducible on purpose
        target = dict(zip(DIMENSIONS, means, strict=True))
        answers = {q.pk: min(5, max(1, round(rng.gauss(target[q.dimension], 0.6)))) for q in questions}
        survey_response_submit(
            employee=employee,
            survey=survey,
            answers=answers,
            concern=concerns[index % len(concerns)],
            now=survey.opens_at + datetime.timedelta(hours=3 + 7 * index),
        )
