"""The printable report of the public satisfaction survey for a period, of one unit or of them all,
laid out as the usual "Laporan Hasil Survei Kepuasan Masyarakat": introduction, method, results,
the respondents' profile, and the follow-up plan. Every number comes from the selectors (the index
is computed in SQL); this module only lays them out, in the active language."""

import io

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from ..periods import Period
from .layout import MARGIN, _gather, _page, _styles
from .sections import _cover, _follow_up, _introduction, _method, _profile, _results


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
