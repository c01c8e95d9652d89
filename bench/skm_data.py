"""The satisfaction survey benchmark's data set (bench/skm.py): the extra service points, and one
`INSERT … SELECT … generate_series` that writes the answers of a whole year in PostgreSQL."""

import datetime
import io
import time

SEED = 0.2026
YEAR = 2026
TODAY = datetime.date(2027, 1, 15)  # fixed, so the last closed semester and year are 2026's

# Five units with four service points each; the demo (seed_demo) brings the first four.
POINTS = {
    "disdukcapil": [("pindah-datang", "Pindah Datang Penduduk")],
    "dpmptsp": [
        ("pbg", "Persetujuan Bangunan Gedung"),
        ("sip-nakes", "Surat Izin Praktik Tenaga Kesehatan"),
        ("reklame", "Izin Reklame"),
    ],
    "dinkes": [
        ("sertifikat-laik-higiene", "Sertifikat Laik Higiene"),
        ("izin-apotek", "Izin Apotek"),
        ("rujukan", "Layanan Rujukan"),
        ("vaksinasi", "Vaksinasi"),
    ],
    "kec-bukit-intan": [
        ("bi-domisili", "Surat Keterangan Domisili"),
        ("bi-sktm", "Surat Keterangan Tidak Mampu"),
        ("bi-ahli-waris", "Surat Keterangan Ahli Waris"),
        ("bi-usaha", "Surat Keterangan Usaha"),
    ],
    "kec-taman-sari": [
        ("ts-domisili", "Surat Keterangan Domisili"),
        ("ts-sktm", "Surat Keterangan Tidak Mampu"),
        ("ts-ahli-waris", "Surat Keterangan Ahli Waris"),
        ("ts-usaha", "Surat Keterangan Usaha"),
    ],
}


WEAK_POINT = "kartu-keluarga"


# A deck of 40 answers per element (mostly 3, some 4 and 2, a rare 1: about 3.2) and the weak one's
# (about 2.3), indexed in SQL by floor(random() * 40).
GOOD = [1] + [2] * 3 + [3] * 22 + [4] * 14


WEAK = [1] * 8 + [2] * 16 + [3] * 12 + [4] * 4


INSERT = """
INSERT INTO feedback_surveyresponse (
    service_point_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9,
    gender, age_group, education, occupation, officer_code, suggestion, suggestion_status
)
SELECT point, moment, s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
       CASE WHEN profile THEN (ARRAY['L', 'P'])[1 + floor(random() * 2)::int] ELSE '' END,
       CASE WHEN profile THEN (ARRAY['lt20', '20-29', '30-39', '40-49', '50plus'])[1 + floor(random() * 5)::int]
            ELSE '' END,
       CASE WHEN profile THEN (ARRAY['sd', 'smp', 'sma', 'sma', 'd3', 's1', 's1', 's2'])[1 + floor(random() * 8)::int]
            ELSE '' END,
       CASE WHEN profile THEN
            (ARRAY['pns', 'tni-polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'])[1 + floor(random() * 6)::int]
            ELSE '' END,
       CASE WHEN random() < 0.6 THEN 'P-' || lpad((1 + floor(random() * 40))::text, 2, '0') ELSE '' END,
       CASE WHEN mod(n, 500) = 0 THEN 'Antrean perlu ditata lebih baik.' ELSE '' END,
       CASE WHEN mod(n, 1000) = 0 THEN 'published' WHEN mod(n, 500) = 0 THEN 'pending' ELSE 'none' END
FROM (
    SELECT n, point, moment, random() < 0.85 AS profile,
           ARRAY(
               SELECT (CASE WHEN point = %(weak)s AND e = 7 THEN %(weak_deck)s::int[] ELSE %(good_deck)s::int[] END)
                      [1 + floor(random() * 40)::int]
               FROM generate_series(1, 9) AS e WHERE n > 0
           ) AS s
    FROM (
        SELECT n,
               (%(points)s::bigint[])[1 + floor(random() * %(point_count)s)::int] AS point,
               %(start)s::timestamptz + floor(random() * 365) * interval '1 day'
                   + interval '8 hours' + random() * interval '7 hours' AS moment
        FROM generate_series(1, %(count)s) AS n
    ) AS base
) AS answers
"""


def generate(responses: int) -> dict:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    from appraisal_link.feedback import periods
    from appraisal_link.feedback.models import ServicePoint, ServicePopulation, SurveyResponse
    from portal.people.models import Unit

    timings = {}
    started = time.perf_counter()
    debug, settings.DEBUG = settings.DEBUG, True  # seed_demo runs only with DEBUG on
    try:
        call_command("seed_demo", stdout=io.StringIO())
    finally:
        settings.DEBUG = debug
    timings["seed_demo"] = time.perf_counter() - started

    started = time.perf_counter()
    with transaction.atomic():
        units = {unit.code: unit for unit in Unit.objects.filter(code__in=POINTS)}
        for unit_code, points in POINTS.items():
            for code, name in points:
                ServicePoint.objects.get_or_create(code=code, defaults={"unit": units[unit_code], "name": name})
        points = list(ServicePoint.objects.filter(unit__code__in=POINTS).order_by("pk"))
        assert len(points) == 20, len(points)
        semester, year = periods.last_closed("semester", TODAY), periods.last_closed("tahun", TODAY)
        months = periods.recent("bulan", year.end - datetime.timedelta(days=1), 12)
        ServicePopulation.objects.filter(service_point__in=points).delete()
        ServicePopulation.objects.bulk_create(
            [
                ServicePopulation(service_point=point, period=period.key, population=population)
                for point in points
                for period, population in [(semester, 30_000), (year, 60_000)] + [(m, 5_000) for m in months]
            ]
        )
        weak = next(point.pk for point in points if point.code == WEAK_POINT)
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE feedback_surveyresponse")
            cursor.execute("SELECT setseed(%s)", [SEED])
            cursor.execute(
                INSERT,
                {
                    "points": [point.pk for point in points],
                    "point_count": len(points),
                    "weak": weak,
                    "good_deck": GOOD,
                    "weak_deck": WEAK,
                    "start": f"{YEAR}-01-01 00:00:00+07",
                    "count": responses,
                },
            )
    timings["answers"] = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE feedback_surveyresponse")
    timings["vacuum analyze"] = time.perf_counter() - started
    assert SurveyResponse.objects.count() == responses
    return timings


def counts() -> dict:
    from django.db import connection

    from appraisal_link.feedback.models import ServicePoint, SurveyResponse

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('feedback_surveyresponse'))")
        size = cursor.fetchone()[0]
    return {
        "service points": ServicePoint.objects.count(),
        "units": ServicePoint.objects.values("unit").distinct().count(),
        "answers": SurveyResponse.objects.count(),
        "table with indexes": size,
    }
