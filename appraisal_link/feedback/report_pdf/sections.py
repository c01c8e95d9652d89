"""The report's sections, in the order of the usual SKM report."""

from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, TableStyle

from .. import selectors, skm
from .layout import WIDTH, _count, _Data, _grade, _number, _percent, _period_words, _table, _tall_rows


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
