"""Demo service points and citizens' answers of the satisfaction survey, for `seed_demo` (after the
organisation): four services of Disdukcapil and DPMPTSP, the people they served, and a few hundred
answers over the last eight months. Kartu Keluarga is the weak one: its officers' behaviour
(perilaku pelaksana) averages about 2.3, so the demo shows a service that needs attention."""

import datetime
import random

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.people.models import Employee, Position, Unit

from . import periods, selectors, skm
from .development import survey_gaps_refresh
from .models import (
    PeerBallot,
    PeerRater,
    PeerRound,
    ServiceOfficer,
    ServicePoint,
    ServicePopulation,
    SurveyResponse,
)
from .peer import MIN_RATERS, VALUE_CODES, peer_round_open, peer_round_publish

SEED = 2026_05
DAYS_BACK = 240  # about eight months before today

# (unit code, code, name, description, front-line position codes, answers, officer codes)
POINTS = [
    (
        "disdukcapil",
        "ktp-el",
        "Perekaman KTP-el",
        "Perekaman data dan foto untuk KTP elektronik.",
        ["pengolah-data-pelayanan", "administrator-database-kependudukan"],
        150,
        ["DK-01", "DK-02", "DK-03", "DK-04"],
    ),
    (
        "disdukcapil",
        "kartu-keluarga",
        "Kartu Keluarga",
        "Penerbitan dan perubahan Kartu Keluarga.",
        ["pengolah-data-pelayanan"],
        150,
        ["DK-05", "DK-06", "DK-07", "DK-07", "DK-08"],
    ),
    (
        "disdukcapil",
        "akta-kelahiran",
        "Akta Kelahiran",
        "Penerbitan akta kelahiran.",
        ["pengolah-data-pelayanan"],
        150,
        ["DK-09", "DK-10", "DK-11"],
    ),
    (
        "dpmptsp",
        "perizinan",
        "Perizinan Berusaha",
        "Pendampingan perizinan berusaha berbasis risiko (OSS).",
        ["penata-layanan-operasional"],
        100,
        ["PTSP-01", "PTSP-02", "PTSP-03"],
    ),
]
WEAK = ("kartu-keluarga", "u7")
# People served in a semester; a month is about a sixth of it.
POPULATION = {"ktp-el": 2400, "kartu-keluarga": 1800, "akta-kelahiran": 1200, "perizinan": 600}

# The answers come in shuffled decks, so that any few dozen answers in a row average close to the
# deck's average, whatever the day the demo is seeded: good elements about 3.2 (quality B), the weak
# one 2.3.
GOOD_DECK = [1] + [2] * 3 + [3] * 22 + [4] * 14
WEAK_DECK = [1, 1, 2, 2, 2, 2, 3, 3, 3, 4]

SUGGESTIONS = [
    ("kartu-keluarga", "pending", "Petugas loket sebaiknya lebih ramah dan menjelaskan syarat dengan sabar."),
    ("kartu-keluarga", "pending", "Saya dibentak ketika bertanya tentang berkas yang kurang. Mohon diperbaiki."),
    ("kartu-keluarga", "published", "Mohon nomor antrean ditampilkan di layar agar tidak berebut."),
    ("ktp-el", "published", "Pelayanan perekaman cepat, terima kasih. Ruang tunggu perlu kipas tambahan."),
    ("ktp-el", "pending", "Jadwal perekaman pada hari Sabtu akan sangat membantu pekerja."),
    ("akta-kelahiran", "published", "Syarat akta kelahiran sudah jelas di papan informasi. Pertahankan."),
    ("akta-kelahiran", "hidden", "Tolong layani saya lebih dulu karena saya kenal kepala dinas."),
    ("perizinan", "published", "Petugas membantu mengisi OSS sampai selesai. Sangat membantu pelaku usaha kecil."),
    ("perizinan", "pending", "Tempat parkir kantor sempit, mohon dipikirkan."),
]


class _Deck:
    """Draws from shuffled copies of a list of answers, one copy after another."""

    def __init__(self, cards: list[int], rng: random.Random):
        self.cards, self.rng, self.hand = cards, rng, []

    def draw(self) -> int:
        if not self.hand:
            self.hand = self.cards[:]
            self.rng.shuffle(self.hand)
        return self.hand.pop()


def _moments(rng: random.Random, count: int, today: datetime.date) -> list[datetime.datetime]:
    """`count` moments in office hours on working days of the last DAYS_BACK days, oldest first."""
    moments = []
    for _ in range(count):
        day = today - datetime.timedelta(days=rng.randint(1, DAYS_BACK))
        if day.weekday() >= 5:  # Saturday or Sunday: the Friday before
            day -= datetime.timedelta(days=day.weekday() - 4)
        clock = datetime.time(rng.randint(8, 14), rng.randint(0, 59), rng.randint(0, 59))
        moments.append(timezone.make_aware(datetime.datetime.combine(day, clock)))
    return sorted(moments)


def _profile(rng: random.Random) -> dict:
    if rng.random() < 0.15:  # the profile is optional; some leave it empty
        return {}
    return {
        "gender": rng.choice([code for code, _label in skm.GENDERS]),
        "age_group": rng.choices([code for code, _label in skm.AGE_GROUPS], weights=[4, 30, 30, 22, 14])[0],
        "education": rng.choices([code for code, _label in skm.EDUCATION], weights=[5, 10, 45, 12, 24, 4])[0],
        "occupation": rng.choices([code for code, _label in skm.OCCUPATIONS], weights=[12, 3, 30, 25, 15, 15])[0],
    }


def _responses(point: ServicePoint, count: int, officers: list[str], rng: random.Random, today) -> list:
    decks = {code: _Deck(WEAK_DECK if (point.code, code) == WEAK else GOOD_DECK, rng) for code in skm.CODES}
    return [
        SurveyResponse(
            service_point=point,
            submitted_at=moment,
            officer_code=rng.choice(officers) if rng.random() < 0.6 else "",
            **{code: decks[code].draw() for code in skm.CODES},
            **_profile(rng),
        )
        for moment in _moments(rng, count, today)
    ]


def _populations(point: ServicePoint, today: datetime.date) -> None:
    semester = periods.last_closed("semester", today)
    population = POPULATION[point.code]
    if point.code == WEAK[0]:
        # The weak service served few people that semester, so its answers are a representative
        # sample: the demo then shows the whole loop, from the public's verdict to gaps and training.
        population = max(selectors.index_of(semester, service_point=point).responses, 1)
    keys = {semester.key: population}
    month = periods.last_closed("bulan", today)
    for _ in range(6):
        keys[month.key] = POPULATION[point.code] // 6
        month = month.previous()
    for key, population in keys.items():
        ServicePopulation.objects.get_or_create(service_point=point, period=key, defaults={"population": population})


def _suggestions(points: dict[str, ServicePoint], rng: random.Random) -> None:
    """Put the suggestions on answers that have none yet: the older ones published, the newer pending."""
    for code, status, text in SUGGESTIONS:
        point = points[code]
        if SurveyResponse.objects.filter(service_point=point, suggestion=text).exists():
            continue
        recent = status == "pending"
        candidates = SurveyResponse.objects.filter(service_point=point, suggestion="").order_by(
            "-submitted_at" if recent else "submitted_at"
        )
        if (point.code, status) == ("kartu-keluarga", "pending"):
            candidates = candidates.filter(u7__lte=2)  # the complaints match the answers
        answer = candidates[rng.randint(0, 9) :].first()
        if answer:
            answer.suggestion, answer.suggestion_status = text, status
            answer.save(update_fields=["suggestion", "suggestion_status"])


@transaction.atomic
def seed_feedback(today: datetime.date | None = None) -> dict:
    """Create the demo service points with their populations and answers. Idempotent: the answers
    are generated only for a service point that has none."""
    today = today or timezone.localdate()
    rng = random.Random(SEED)  # noqa: S311 - demo data, reproducible on purpose
    units = {unit.code: unit for unit in Unit.objects.filter(code__in={point[0] for point in POINTS})}
    positions = {position.code: position for position in Position.objects.all()}
    points: dict[str, ServicePoint] = {}
    for unit_code, code, name, description, position_codes, count, officers in POINTS:
        if unit_code not in units:
            continue
        point, _created = ServicePoint.objects.get_or_create(
            code=code, defaults={"unit": units[unit_code], "name": name, "description": description}
        )
        point.positions.add(*[positions[p] for p in position_codes if p in positions])
        _officers(point, officers)
        if not point.responses.exists():
            SurveyResponse.objects.bulk_create(_responses(point, count, officers, rng, today), batch_size=500)
        _populations(point, today)
        points[code] = point
    _suggestions(points, rng)
    gaps = survey_gaps_refresh(period=periods.last_closed("semester", today))
    return {
        "service_points": len(points),
        "survey_responses": SurveyResponse.objects.filter(service_point__in=points.values()).count(),
        "survey_gaps": gaps["opened"],
        **seed_peer_round(today=today),
    }


def _officers(point: ServicePoint, codes: list[str]) -> None:
    """The unit's first employees serve at the counter: their positions are the point's front line,
    and each wears one of the point's officer codes."""
    staff = Employee.objects.filter(Q(unit=point.unit) | Q(unit__parent=point.unit), is_active=True).order_by("nip")[
        : len(set(codes))
    ]
    for code, employee in zip(dict.fromkeys(codes), staff, strict=False):
        point.positions.add(employee.position_id)
        ServiceOfficer.objects.get_or_create(service_point=point, code=code, defaults={"employee": employee})


# --- peer (360°) feedback -------------------------------------------------------------------------

PEER_ROUND = "2026-1"
PEER_UNIT = "diskominfo-aptika"  # the unit of the demo accounts pegawai and atasan
PEER_FOCUS_NIP = "199204202019032011"  # Siti Aminah (pegawai): colleagues find her slow to adapt
PEER_MAX_RATERS = 4
PEER_FOCUS_COMMENTS = [
    "Sangat membantu ketika aplikasi bermasalah dan selalu menjelaskan dengan sabar.",
    "Perlu lebih terbuka mencoba cara kerja dan aplikasi baru; sering menunggu semuanya pasti dulu.",
]
PEER_COMMENTS = [
    "Rapi dan tepat waktu dalam menyelesaikan tugas.",
    "Mudah diajak bekerja sama lintas seksi.",
]


def seed_peer_round(today: datetime.date | None = None) -> dict:
    """A closed and published peer round for the demo pegawai's unit, opened about four months ago:
    every colleague there rated by up to four others, the demo pegawai put below expectation on
    "adaptif" by most (so a gap with source "rekan" opens) and given two comments. Idempotent: a
    review that has raters is left as it is, and publishing twice changes nothing."""
    today = today or timezone.localdate()
    unit = Unit.objects.filter(code=PEER_UNIT).first()
    if unit is None:
        return {"peer_answers": 0}
    round_, created = PeerRound.objects.get_or_create(
        name=PEER_ROUND,
        defaults={"opens_on": today - datetime.timedelta(days=120), "closes_on": today - datetime.timedelta(days=90)},
    )
    if created:
        round_.units.add(unit)
    if round_.results_published_at is None:
        peer_round_open(round_=round_)
        _peer_answers(round_, random.Random(SEED))  # noqa: S311 - demo data, reproducible on purpose
        peer_round_publish(round_=round_)
    return {"peer_answers": PeerBallot.objects.filter(review__round=round_).count()}


def _peer_answers(round_: PeerRound, rng: random.Random) -> None:
    """Raters and their answers for each review that has none, answered inside the round."""
    reviews = list(round_.reviews.select_related("employee").order_by("employee__nip"))
    people = [review.employee_id for review in reviews]
    for review in reviews:
        if review.raters.exists():
            continue
        pool = [pk for pk in people if pk != review.employee_id]
        if len(pool) < MIN_RATERS:
            continue
        raters = rng.sample(pool, min(PEER_MAX_RATERS, len(pool)))
        focus = review.employee.nip == PEER_FOCUS_NIP
        PeerRater.objects.bulk_create(
            [PeerRater(review=review, rater_id=pk, answered_at=_peer_moment(round_, rng)) for pk in raters]
        )
        comments = PEER_FOCUS_COMMENTS if focus else [rng.choice(PEER_COMMENTS)]
        PeerBallot.objects.bulk_create(
            [
                PeerBallot(
                    review=review,
                    ratings=_peer_ratings(rng, adaptif_below=focus and number < len(raters) - 1),
                    comment=comments[number] if number < len(comments) else "",
                )
                for number in range(len(raters))
            ]
        )


def _peer_ratings(rng: random.Random, *, adaptif_below: bool) -> dict[str, str]:
    """Mostly "as expected", some "above"; "adaptif" below when asked (one rater short of all, a
    majority from three raters)."""
    ratings = {code: rng.choice(["sesuai", "sesuai", "sesuai", "di_atas"]) for code in VALUE_CODES}
    if adaptif_below:
        ratings["adaptif"] = "di_bawah"
    return ratings


def _peer_moment(round_: PeerRound, rng: random.Random) -> datetime.datetime:
    days = (round_.closes_on - round_.opens_on).days
    day = round_.opens_on + datetime.timedelta(days=rng.randint(0, days))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randint(8, 15), rng.randint(0, 59))))
