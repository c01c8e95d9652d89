"""The printable report of the public satisfaction survey for a period, of one unit or of them all,
laid out as the usual "Laporan Hasil Survei Kepuasan Masyarakat": introduction, method, results,
the respondents' profile, and the follow-up plan. Every number comes from the selectors (the index
is computed in SQL); this module only lays them out, in the active language."""

import datetime
import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import selectors, skm
from .periods import Period
from .profile import Profile, index_total, respondent_profile

BLUE = colors.HexColor("#0a4a7a")
LIGHT = colors.HexColor("#e8eef4")
RULE = colors.HexColor("#8a9aa8")
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN


@dataclass
class _Data:
    period: Period
    unit_name: str
    whole_city: bool
    by_point: list
    by_unit: list
    total: selectors.Index
    profile: Profile


def _gather(period: Period, unit) -> _Data:
    """Everything the report shows, read in a fixed number of queries (six), whatever the data."""
    unit_ids = [unit.pk] if unit is not None else None
    by_point = selectors.index_by_service_point(period, unit_ids=unit_ids)
    by_unit = selectors.index_by_unit(period, unit_ids=unit_ids, by_point=by_point)
    populations = [index.population for _point, index in by_point]
    # The pooled sample is only known when every service point's population is.
    population = sum(populations) if populations and all(populations) else None
    return _Data(
        period=period,
        unit_name=unit.name if unit is not None else _("Seluruh unit"),
        whole_city=unit is None,
        by_point=by_point,
        by_unit=by_unit,
        total=index_total(period, unit_ids=unit_ids, population=population),
        profile=respondent_profile(period, unit_ids=unit_ids),
    )


# ---- formatting ---------------------------------------------------------------------------------


def _number(value: Decimal | None, places: int = 2) -> str:
    """A figure in the active language's notation, rounded half up as the index itself is."""
    if value is None:
        return "—"
    return formats.number_format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), places)


def _grade(index: selectors.Index) -> str:
    return index.grade[0] if index.grade else "—"


def _percent(count: int, whole: int) -> str:
    return "—" if not whole else formats.number_format(Decimal(count * 100) / Decimal(whole), 1) + "%"


def _period_words(period: Period) -> str:
    last = period.end - datetime.timedelta(days=1)
    return _("%(key)s (%(start)s – %(end)s)") % {
        "key": period.key,
        "start": formats.date_format(period.start, "j F Y"),
        "end": formats.date_format(last, "j F Y"),
    }


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=10, leading=13.5)
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName="Helvetica-Bold", fontSize=16, leading=20, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11.5, leading=15, alignment=TA_CENTER),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=BLUE,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName="Helvetica-Bold", fontSize=10.5, spaceBefore=6, keepWithNext=1
        ),
        "body": body,
        # A paragraph that introduces a table stays on the page where the table starts.
        "lead": ParagraphStyle("lead", parent=body, spaceAfter=2 * mm, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9),
        "cellbold": ParagraphStyle("cellbold", parent=body, fontName="Helvetica-Bold", fontSize=7.5, leading=9),
    }


def _table(rows: list[list], widths: list[float], *, font_size: float = 8, totals: int = 0) -> Table:
    """A table that splits across pages with its heading row repeated; the last `totals` rows bold."""
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", font_size),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", font_size),
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if totals:
        style += [
            ("FONT", (0, -totals), (-1, -1), "Helvetica-Bold", font_size),
            ("BACKGROUND", (0, -totals), (-1, -1), LIGHT),
        ]
    table.setStyle(TableStyle(style))
    return table


# ---- sections -----------------------------------------------------------------------------------


def _cover(data: _Data, s) -> list:
    return [
        Paragraph(escape(_("PEMERINTAH KOTA PANGKALPINANG")), s["subtitle"]),
        Spacer(1, 3 * mm),
        Paragraph(escape(_("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT")), s["title"]),
        Spacer(1, 2 * mm),
        Paragraph(escape(data.unit_name), s["subtitle"]),
        Paragraph(escape(_("Periode %(period)s") % {"period": _period_words(data.period)}), s["subtitle"]),
        Spacer(1, 4 * mm),
    ]


def _introduction(data: _Data, s) -> list:
    return [
        Paragraph(escape(_("I. Pendahuluan")), s["h1"]),
        Paragraph(escape(_("Dasar hukum")), s["h2"]),
        Paragraph(
            escape(
                _(
                    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik, dan Peraturan Menteri Pendayagunaan "
                    "Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei "
                    "Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik."
                )
            ),
            s["body"],
        ),
        Paragraph(escape(_("Maksud dan tujuan")), s["h2"]),
        Paragraph(
            escape(
                _(
                    "Survei mengukur kepuasan masyarakat atas pelayanan yang diterimanya, untuk menemukan unsur "
                    "pelayanan yang perlu diperbaiki, menilai kinerja penyelenggara pelayanan, dan menjadi dasar "
                    "rencana tindak lanjut. Hasilnya diumumkan kepada masyarakat."
                )
            ),
            s["body"],
        ),
    ]


def _grade_bands() -> list[list[str]]:
    rows, upper = [], Decimal("100.00")
    for lower, letter, words in skm.GRADES:
        rows.append([f"{_number(lower)} – {_number(upper)}", letter, str(words)])
        upper = lower - skm.TWO_PLACES
    return rows


def _method(data: _Data, s) -> list:
    elements = [[_("Kode"), _("Unsur pelayanan")]] + [[e.code.upper(), str(e.label)] for e in skm.ELEMENTS]
    bands = [[_("Nilai IKM"), _("Mutu"), _("Kinerja unit pelayanan")], *_grade_bands()]
    sample = [[_("Layanan"), _("Populasi"), _("Sampel minimal"), _("Responden"), _("Keterangan")]]
    for point, index in data.by_point:
        if index.population is None:
            status = _("Populasi belum diisi")
        else:
            status = _("Memadai") if index.representative else _("Belum memadai")
        sample.append(
            [
                Paragraph(escape(point.name), s["cell"]),
                _count(index.population),
                _count(index.sample_needed),
                str(index.responses),
                status,
            ]
        )
    return [
        Paragraph(escape(_("II. Metode")), s["h1"]),
        Paragraph(
            escape(
                _(
                    "Responden menjawab sembilan pertanyaan, satu untuk setiap unsur pelayanan, dengan skala empat: "
                    "1 (tidak baik), 2 (kurang baik), 3 (baik) dan 4 (sangat baik). Survei tanpa nama; profil "
                    "responden boleh tidak diisi."
                )
            ),
            s["lead"],
        ),
        _table(elements, [18 * mm, WIDTH - 18 * mm], font_size=8.5),
        Paragraph(escape(_("Perhitungan indeks")), s["h2"]),
        Paragraph(
            escape(
                _(
                    "Nilai rata-rata (NRR) setiap unsur = jumlah nilai unsur dibagi jumlah responden. Setiap unsur "
                    "berbobot sama, 1/9. IKM = (NRR U1 + NRR U2 + … + NRR U9) × 1/9 × 25, sehingga berada "
                    "antara 25 dan 100."
                )
            ),
            s["lead"],
        ),
        _table(bands, [40 * mm, 20 * mm, 50 * mm], font_size=8.5),
        Paragraph(escape(_("Sampel")), s["h2"]),
        Paragraph(
            escape(
                _(
                    "Jumlah responden minimal setiap layanan ditentukan dengan tabel Krejcie dan Morgan dari jumlah "
                    "orang yang dilayani (populasi) pada periode ini."
                )
            ),
            s["lead"],
        ),
        _table(sample, [WIDTH - 118 * mm, 22 * mm, 26 * mm, 22 * mm, 48 * mm], font_size=8),
    ]


def _count(value: int | None) -> str:
    return "—" if value is None else formats.number_format(value)


def _results_row(number: str, name, index: selectors.Index) -> list:
    nrr = [_number(index.nrr.get(code)) for code in skm.CODES]
    return [number, name, str(index.responses), *nrr, _number(index.ikm), _grade(index)]


def _results(data: _Data, s) -> list:
    heading = ["No", _("Layanan"), "n", *(code.upper() for code in skm.CODES), "IKM", _("Mutu")]
    rows = [heading]
    for number, (point, index) in enumerate(data.by_point, start=1):
        name = escape(point.name)
        if data.whole_city:
            name += f"<br/><font size=6.5>{escape(point.unit.name)}</font>"
        rows.append(_results_row(str(number), Paragraph(name, s["cell"]), index))
    totals = 1
    if data.whole_city:
        for unit, index in data.by_unit:
            label = _("Total %(unit)s") % {"unit": unit.name}
            rows.append(_results_row("", Paragraph(escape(label), s["cellbold"]), index))
        totals += len(data.by_unit)
        label = _("Total seluruh unit")
    else:
        label = _("Total %(unit)s") % {"unit": data.unit_name}
    rows.append(_results_row("", Paragraph(escape(label), s["cellbold"]), data.total))
    figure = 9.4 * mm
    widths = [7 * mm, WIDTH - 35 * mm - 9 * figure, 8 * mm, *[figure] * 9, 11 * mm, 9 * mm]
    table = _table(rows, widths, font_size=7.5, totals=totals)
    table.setStyle(TableStyle([("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("ALIGN", (-1, 0), (-1, -1), "CENTER")]))

    story = [
        Paragraph(escape(_("III. Hasil")), s["h1"]),
        Paragraph(
            escape(_("Nilai rata-rata (NRR) setiap unsur, IKM dan mutu pelayanan setiap layanan (n = responden).")),
            s["lead"],
        ),
        table,
    ]
    total = data.total
    if not total.responses:
        return [*story, Paragraph(escape(_("Belum ada tanggapan pada periode ini.")), s["body"])]
    letter, words = total.grade
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(
            escape(
                _("IKM %(unit)s: %(ikm)s dari %(responses)s responden; mutu pelayanan %(letter)s (%(words)s).")
                % {
                    "unit": data.unit_name,
                    "ikm": _number(total.ikm),
                    "responses": _count(total.responses),
                    "letter": letter,
                    "words": words,
                }
            ),
            s["body"],
        )
    )
    weakest = [[_("Peringkat"), _("Unsur"), "NRR", _("Nilai konversi (NRR × 25)")]]
    for rank, (element, nrr) in enumerate(total.weakest(3), start=1):
        weakest.append([str(rank), f"{element.code.upper()} {element.label}", _number(nrr), _number(nrr * 25)])
    story += [
        Paragraph(escape(_("Tiga unsur dengan nilai terendah")), s["h2"]),
        _table(weakest, [20 * mm, WIDTH - 90 * mm, 20 * mm, 50 * mm], font_size=8.5),
    ]
    return story


def _profile(data: _Data, s) -> list:
    respondents = data.profile.responses
    rows = [[_("Karakteristik"), _("Jumlah"), _("Persentase")]]
    headings = []
    for dimension in data.profile.dimensions:
        headings.append(len(rows))
        rows.append([dimension.label, "", ""])
        for _code, label, count in dimension.counts:
            rows.append([f"    {label}", _count(count), _percent(count, respondents)])
        rows.append(
            [f"    {_('Tidak diisi')}", _count(dimension.unanswered), _percent(dimension.unanswered, respondents)]
        )
    rows.append([_("Jumlah responden"), _count(respondents), _percent(respondents, respondents)])
    table = _table(rows, [WIDTH - 70 * mm, 30 * mm, 40 * mm], font_size=8.5, totals=1)
    table.setStyle(
        TableStyle(
            [("ALIGN", (1, 0), (-1, -1), "RIGHT")]
            + [("FONT", (0, row), (-1, row), "Helvetica-Bold", 8.5) for row in headings]
            + [("SPAN", (0, row), (-1, row)) for row in headings]
        )
    )
    return [Paragraph(escape(_("IV. Profil responden")), s["h1"]), table]


def _follow_up(data: _Data, s) -> list:
    story = [Paragraph(escape(_("V. Rencana tindak lanjut")), s["h1"])]
    weakest = data.total.weakest(3)
    if weakest:
        story.append(
            Paragraph(
                escape(
                    _(
                        "Unsur dengan nilai terendah menjadi prioritas perbaikan. Isi kegiatan, penanggung jawab "
                        "dan target waktu untuk setiap unsur, lalu umumkan bersama hasil survei."
                    )
                ),
                s["lead"],
            )
        )
        rows = [["No", _("Unsur prioritas"), _("Rencana kegiatan"), _("Penanggung jawab"), _("Target waktu")]]
        for number, (element, nrr) in enumerate(weakest, start=1):
            element_words = _("%(code)s %(label)s (NRR %(nrr)s)") % {
                "code": element.code.upper(),
                "label": element.label,
                "nrr": _number(nrr),
            }
            rows.append([str(number), Paragraph(escape(element_words), s["cell"]), "", "", ""])
        table = _table(rows, [8 * mm, 52 * mm, WIDTH - 128 * mm, 38 * mm, 30 * mm], font_size=8)
        table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white])] + _tall_rows(len(rows))))
        story.append(table)
    else:
        story.append(Paragraph(escape(_("Belum ada tanggapan pada periode ini.")), s["body"]))
    suggestions = _(
        "Saran dan masukan: %(count)s saran masyarakat pada periode ini telah diperiksa dan diterbitkan."
    ) % {"count": _count(data.profile.published_suggestions)}
    story += [Spacer(1, 3 * mm), Paragraph(escape(suggestions), s["body"])]
    return story


def _tall_rows(count: int) -> list:
    """Room to write the plan by hand on the printed report."""
    return [("BOTTOMPADDING", (0, row), (-1, row), 16) for row in range(1, count)]


def _page(data: _Data):
    header = _("Laporan Hasil SKM · %(unit)s") % {"unit": data.unit_name}
    period = _("Periode %(period)s") % {"period": data.period.key}

    def draw(pdf, doc) -> None:
        width, height = A4
        pdf.saveState()
        pdf.setFont("Helvetica", 8)
        pdf.setFillColor(colors.HexColor("#333333"))
        pdf.drawString(MARGIN, height - 11 * mm, header[:110])
        pdf.drawRightString(width - MARGIN, height - 11 * mm, period)
        pdf.setStrokeColor(RULE)
        pdf.setLineWidth(0.5)
        pdf.line(MARGIN, height - 12.5 * mm, width - MARGIN, height - 12.5 * mm)
        pdf.drawRightString(width - MARGIN, 10 * mm, _("Halaman %(page)s") % {"page": doc.page})
        pdf.restoreState()

    return draw


def skm_report_pdf(*, period: Period, unit=None) -> bytes:
    """The survey's report for a period, of one unit (a people.Unit) or, with none, of every unit:
    A4 portrait, each page headed with the period and the unit. A constant number of queries."""
    data = _gather(period, unit)
    s = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=_("Laporan Hasil Survei Kepuasan Masyarakat %(period)s") % {"period": period.key},
        author=_("Pemerintah Kota Pangkalpinang"),
        invariant=1,
    )
    story = [
        *_cover(data, s),
        *_introduction(data, s),
        *_method(data, s),
        *_results(data, s),
        *_profile(data, s),
        *_follow_up(data, s),
    ]
    draw = _page(data)
    doc.build(story, onFirstPage=draw, onLaterPages=draw)
    return buffer.getvalue()
