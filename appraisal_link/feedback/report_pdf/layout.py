"""The report's data (gathered once, in a constant number of queries), its page and table styles,
and the formatting of its numbers."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from .. import selectors
from ..periods import Period
from ..profile import Profile, index_total, respondent_profile

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


def _count(value: int | None) -> str:
    return "—" if value is None else formats.number_format(value)


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
