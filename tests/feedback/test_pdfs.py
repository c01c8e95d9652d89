"""The counter poster and the survey report as PDFs: read back from the bytes the user prints (page
size, the words on the page, the QR code's modules), against answers with known results."""

import base64
import datetime
import re
import zlib
from collections.abc import Callable

import pytest
import segno
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from appraisal_link.feedback import periods
from appraisal_link.feedback.models import ServicePoint, ServicePopulation, SurveyResponse
from appraisal_link.feedback.poster import form_address, service_point_poster_pdf, short_address
from appraisal_link.feedback.report_pdf import skm_report_pdf

pytestmark = pytest.mark.django_db
BASE_URL = "https://kompeten.pangkalpinangkota.go.id"
S1 = periods.parse("2026-S1")
MAY = timezone.make_aware(datetime.datetime(2026, 5, 12, 9, 30))


# ---- reading a PDF back ------------------------------------------------------------------------


def _streams(pdf: bytes) -> list[tuple[bytes, bytes]]:
    """Every stream of the file: (its dictionary, its decoded bytes)."""
    found = []
    for match in re.finditer(rb"<<((?:(?!<<|>>).)*?)>>\s*stream\r?\n(.*?)\s*endstream", pdf, re.S):
        dictionary, data = match.groups()
        if b"/ASCII85Decode" in dictionary:
            data = base64.a85decode(data.strip(), adobe=True)
        if b"/FlateDecode" in dictionary:
            data = zlib.decompress(data)
        found.append((dictionary, data))
    return found


def _literal(raw: bytes) -> str:
    escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

    def unescape(match: re.Match) -> bytes:
        code = match.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8)])
        return escapes.get(code, code)

    return re.sub(rb"\\([0-7]{1,3}|.)", unescape, raw, flags=re.S).decode("cp1252")


def _texts(pdf: bytes) -> list[str]:
    """The strings drawn on the pages, in drawing order (a wrapped paragraph gives one per line)."""
    texts = []
    for dictionary, data in _streams(pdf):
        if b"/Subtype /Image" not in dictionary:
            texts += [_literal(raw) for raw in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", data, re.S)]
    return texts


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size of every page, from its MediaBox."""
    return [
        (float(width), float(height))
        for width, height in re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    ]


def _drawn_qr(pdf: bytes) -> Callable[[int], list[list[bool]]]:
    """The modules of the QR code drawn as an image: its dark bounding box cut into squares, each
    read at its centre (a QR code's finder patterns reach three of its four edges)."""
    [(dictionary, data)] = [(d, data) for d, data in _streams(pdf) if b"/Subtype /Image" in d]
    width = int(re.search(rb"/Width (\d+)", dictionary).group(1))
    channels = 3 if b"/DeviceRGB" in dictionary else 1
    dark = [
        [data[(y * width + x) * channels] < 128 for x in range(width)] for y in range(len(data) // width // channels)
    ]
    rows = [y for y, row in enumerate(dark) if any(row)]
    columns = [x for x in range(width) if any(row[x] for row in dark)]
    top, left, side = rows[0], columns[0], rows[-1] - rows[0] + 1
    assert columns[-1] - left + 1 == side  # a square

    def modules(count: int) -> list[list[bool]]:
        step = side / count
        return [
            [dark[int(top + (y + 0.5) * step)][int(left + (x + 0.5) * step)] for x in range(count)]
            for y in range(count)
        ]

    return modules


def _qr_matches(pdf: bytes, address: str) -> bool:
    """Whether the drawn code is segno's QR code of `address`, at any error-correction level."""
    read = _drawn_qr(pdf)
    for error in "lmqh":
        expected = [[bool(module) for module in row] for row in segno.make(address, error=error, micro=False).matrix]
        if read(len(expected)) == expected:
            return True
    return False


def _response(point, score: int = 3, *, at=MAY, **extra) -> SurveyResponse:
    return SurveyResponse(
        service_point=point, submitted_at=at, **{f"u{number}": score for number in range(1, 10)}, **extra
    )


def _row_after(texts: list[str], label: str) -> list[str]:
    """The results table's row of `label`: n, U1–U9, IKM and grade (the last time the label shows;
    a long label may wrap onto a few lines of its cell)."""
    for at in range(len(texts) - 1, -1, -1):
        for lines in (1, 2, 3):
            if " ".join(texts[at : at + lines]) == label:
                return texts[at + lines : at + lines + 12]
    raise AssertionError(f"{label!r} is not in the report")


# ---- the poster ---------------------------------------------------------------------------------


def test_the_poster_is_one_a4_page_with_the_service_and_its_short_address(point):
    with translation.override("id"):
        pdf = service_point_poster_pdf(point, base_url=BASE_URL + "/")
    assert pdf.startswith(b"%PDF-")
    [(width, height)] = _pages(pdf)
    assert (round(width), round(height)) == (595, 842)
    texts = _texts(pdf)
    assert "Bagaimana layanan kami hari ini?" in " ".join(texts)
    assert "Perekaman KTP-el" in texts and point.unit.name in texts
    assert "kompeten.pangkalpinangkota.go.id/survei-kepuasan/ktp-el" in texts
    assert any("NIK" in text and "anonim" in text for text in texts)


def test_the_posters_qr_code_holds_the_forms_absolute_address(point):
    address = form_address(point, base_url=BASE_URL + "/")
    assert address == "https://kompeten.pangkalpinangkota.go.id/survei-kepuasan/ktp-el/"
    pdf = service_point_poster_pdf(point, base_url=BASE_URL)
    assert _qr_matches(pdf, address)
    assert not _qr_matches(pdf, "https://kompeten.pangkalpinangkota.go.id/survei-kepuasan/kk/")


def test_the_short_address_drops_the_scheme_and_the_trailing_slash(point, client):
    assert short_address(point, base_url="http://127.0.0.1:8000/") == "127.0.0.1:8000/survei-kepuasan/ktp-el"
    # What a citizen types (without the slash) still reaches the form.
    assert client.get("/survei-kepuasan/ktp-el", follow=True).redirect_chain[-1][0].endswith("/ktp-el/")


def test_a_long_address_breaks_after_a_slash_and_stays_on_one_page(unit):
    point = ServicePoint.objects.create(
        unit=unit,
        name="Penerbitan Persetujuan Bangunan Gedung untuk rumah tinggal sederhana di seluruh kecamatan kota",
        code="pbg-rumah-tinggal-baru",
    )
    pdf = service_point_poster_pdf(point, base_url="https://kompeten.pangkalpinangkota.go.id:8443")
    assert len(_pages(pdf)) == 1
    texts = _texts(pdf)
    assert "kompeten.pangkalpinangkota.go.id:8443/survei-kepuasan/" in texts and "pbg-rumah-tinggal-baru" in texts


# ---- the report ---------------------------------------------------------------------------------


def test_the_report_shows_the_index_and_grade_the_selectors_compute(point, unit):
    SurveyResponse.objects.bulk_create(
        [_response(point, gender="L", age_group="30-39") for _ in range(3)]
        + [
            _response(
                point, gender="P", education="s1", suggestion="Antrean lebih tertib", suggestion_status="published"
            )
        ]
        + [_response(point)]  # no profile given
        + [_response(point, 1, at=MAY.replace(month=8))]  # the next semester: not in the report
    )
    ServicePopulation.objects.create(service_point=point, period="2026-S1", population=5)
    with translation.override("id"):
        pdf = skm_report_pdf(period=S1, unit=unit)
    assert pdf.startswith(b"%PDF-") and all(round(w) == 595 and round(h) == 842 for w, h in _pages(pdf))
    texts = _texts(pdf)
    joined = "\n".join(texts)
    assert "Laporan Hasil SKM · Dinas Komunikasi dan Informatika" in texts and "Periode 2026-S1" in texts
    # Every answer 3: every NRR 3,00, IKM 75,00, grade C (Kurang Baik), for the point and the unit.
    for label, count in (("Perekaman KTP-el", "5"), ("Total Dinas Komunikasi dan Informatika", "5")):
        assert _row_after(texts, label) == [count, *["3,00"] * 9, "75,00", "C"]
    assert "mutu pelayanan C (Kurang Baik)" in joined.replace("\n", " ")
    assert "Memadai" in texts  # 5 answers for 5 people served: the sample is enough

    def row(label: str) -> list[str]:
        at = [text.strip() for text in texts].index(label)
        return texts[at + 1 : at + 3]

    assert row("Laki-laki") == ["3", "60,0%"]
    assert row("Perempuan") == ["1", "20,0%"]
    assert row("30–39 tahun") == ["3", "60,0%"]
    assert row("D4/S1") == ["1", "20,0%"]
    assert row("Jumlah responden") == ["5", "100,0%"]
    assert "Saran dan masukan: 1 saran" in joined


def test_the_report_lists_the_weakest_elements_as_the_follow_up(point, unit):
    weak = {"u7": 1, "u3": 2, "u9": 2}  # perilaku pelaksana weakest, then waktu and sarana
    SurveyResponse.objects.bulk_create(
        [SurveyResponse(service_point=point, submitted_at=MAY, **({f"u{n}": 4 for n in range(1, 10)} | weak))]
    )
    with translation.override("id"):
        texts = _texts(skm_report_pdf(period=S1, unit=unit))
    plan = texts[[text.strip() for text in texts].index("V. Rencana tindak lanjut") :]
    priorities = [text for text in plan if "(NRR" in text]
    assert priorities == [
        "U7 Perilaku pelaksana (NRR 1,00)",
        "U3 Waktu penyelesaian (NRR 2,00)",
        "U9 Sarana dan prasarana (NRR 2,00)",
    ]


def test_the_whole_city_report_totals_every_unit(point, unit, other_unit):
    other = ServicePoint.objects.create(unit=other_unit, name="Surat Keterangan Usaha", code="sku")
    SurveyResponse.objects.bulk_create([_response(point, 4), _response(other, 2)])
    with translation.override("id"):
        texts = _texts(skm_report_pdf(period=S1))
    assert "Laporan Hasil SKM · Seluruh unit" in texts
    # Each unit alone: 100,00 (A) and 50,00 (D); the two answers pooled: every NRR 3 → 75,00 (C).
    assert _row_after(texts, "Total Dinas Komunikasi dan Informatika") == ["1", *["4,00"] * 9, "100,00", "A"]
    assert _row_after(texts, "Total Kecamatan Gabek") == ["1", *["2,00"] * 9, "50,00", "D"]
    assert _row_after(texts, "Total seluruh unit") == ["2", *["3,00"] * 9, "75,00", "C"]


def test_an_empty_period_still_gives_a_report(point, unit):
    with translation.override("id"):
        texts = _texts(skm_report_pdf(period=periods.parse("2025-S2"), unit=unit))
    assert "Belum ada tanggapan pada periode ini." in texts


def _data(unit, other_unit, *, points: int, responses: int) -> None:
    made = [
        ServicePoint.objects.create(
            unit=unit if number % 2 else other_unit, name=f"Layanan {number}", code=f"l{number}"
        )
        for number in range(points)
    ]
    ServicePopulation.objects.bulk_create(
        [ServicePopulation(service_point=made_point, period="2026-S1", population=100) for made_point in made]
    )
    SurveyResponse.objects.bulk_create(
        [_response(made[number % points], 1 + number % 4, gender="LP"[number % 2]) for number in range(responses)]
    )


@pytest.mark.parametrize("unit_given", [False, True])
def test_the_reports_queries_do_not_grow_with_the_data(unit, other_unit, unit_given):
    counts = []
    for points, responses in ((2, 10), (6, 200)):
        SurveyResponse.objects.all().delete()
        ServicePoint.objects.all().delete()
        _data(unit, other_unit, points=points, responses=responses)
        with CaptureQueriesContext(connection) as queries:
            skm_report_pdf(period=S1, unit=unit if unit_given else None)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 6
