"""Demo pulse surveys for `seed_demo`: two closed rounds (about six and three months ago) and an open
round, all copied from the ADKAR template and answered by demo employees, so that the adoption
dashboard has results and a trend in the latest closed round, with one unit (Kecamatan Girimaya)
low and falling, and response counts only in the open round.

Results are published only for closed rounds and for units of at least five respondents: every unit
shown in the closed rounds has five or more; two small groups (three each) stay hidden and together
keep the "all units" figure visible (see the selector). The demo `pegawai` answers the closed rounds
but not the open one, where exactly four colleagues of their unit have answered: their own answer
is the fifth, which shows in the counts (the figures wait for the round to close).

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
FIRST_TITLE = "Survei Kesiapan Perubahan — Putaran 1"
CLOSED_TITLE = "Survei Kesiapan Perubahan — Putaran 2"
OPEN_TITLE = "Survei Kesiapan Perubahan — Putaran 3"
# title → (opens, closes) in days from today
ROUNDS = {FIRST_TITLE: (-190, -176), CLOSED_TITLE: (-100, -86), OPEN_TITLE: (-7, 14)}

# unit code → per round: (mean per ADKAR dimension, how many answer (None: all))
PROFILES = {
    "kec-bukit-intan": (
        ((3.4, 3.3, 2.9, 3.0, 2.8), None),
        ((4.0, 3.9, 3.5, 3.6, 3.3), None),
        ((4.1, 4.0, 3.7, 3.7, 3.5), None),
    ),
    "kec-girimaya": (
        ((3.6, 3.4, 3.3, 3.2, 3.1), None),
        ((3.0, 2.6, 2.7, 2.5, 2.3), None),
        ((3.2, 2.9, 2.9, 2.8, 2.6), 3),
    ),
    "bkpsdm-pengembangan": (
        ((4.2, 4.0, 3.6, 3.7, 3.4), None),
        ((4.4, 4.2, 4.0, 4.0, 3.7), None),
        ((4.4, 4.3, 4.1, 4.0, 3.9), None),
    ),
    "diskominfo-aptika": (
        ((3.5, 3.6, 3.0, 3.2, 2.9), None),
        ((3.8, 3.9, 3.4, 3.5, 3.1), None),
        ((3.9, 3.9, 3.5, 3.6, 3.3), 4),
    ),
    "kec-gerunggang": (
        ((3.2, 3.1, 2.8, 2.9, 2.7), 3),
        ((3.5, 3.3, 3.1, 3.0, 2.9), 3),
        ((3.6, 3.4, 3.2, 3.1, 3.0), 2),
    ),
    "dinkes": (
        ((3.6, 3.5, 3.2, 3.3, 3.0), 3),
        ((3.7, 3.6, 3.4, 3.4, 3.2), 3),
        ((3.8, 3.7, 3.5, 3.5, 3.3), 1),
    ),
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
# Girimaya's worries share their words, so that the unit's own concern words reach five writers.
GIRIMAYA_CONCERNS = [
    "Target terlalu tinggi dan tunjangan kinerja bisa berkurang.",
    "Penilaian atasan terasa subjektif, target belum ada contoh bukti dukung.",
    "Tidak ada waktu untuk pelatihan aplikasi, target pelayanan kecamatan ramai.",
    "Target kelurahan berbeda-beda, format SKP membingungkan, tunjangan tidak pasti.",
    "Khawatir tunjangan dipotong karena target belum jelas.",
    "Target dan tunjangan kinerja belum dijelaskan kepada staf kelurahan.",
]


def seed() -> None:
    """Create the three rounds (once) and the demo employees' answers to them."""
    now = timezone.now()
    template = _template()
    rounds = [
        PulseSurvey.objects.filter(title=title).first()
        or survey_copy(
            survey=template,
            title=title,
            opens_at=now + datetime.timedelta(days=opens),
            closes_at=now + datetime.timedelta(days=closes),
        )
        for title, (opens, closes) in ROUNDS.items()
    ]
    employees = list(
        Employee.objects.filter(is_active=True, unit__code__in=PROFILES).select_related("unit").order_by("nip")
    )
    for code, profile in PROFILES.items():
        staff = [employee for employee in employees if employee.unit.code == code]
        for survey, (means, answering) in zip(rounds, profile, strict=True):
            if survey.title == OPEN_TITLE:
                # The demo pegawai is left out of the open round, so they can answer it themselves.
                staff = [employee for employee in staff if employee.nip != PEGAWAI_NIP]
            _answer(survey, staff[:answering] if answering else staff, means, code)


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
    concerns = GIRIMAYA_CONCERNS if code == "kec-girimaya" and survey.title == CLOSED_TITLE else CONCERNS
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
