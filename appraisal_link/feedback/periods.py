"""Reporting periods of the survey: a month (2026-05), a semester (2026-S1) or a year (2026)."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KINDS = (("bulan", _("Bulan")), ("semester", _("Semester")), ("tahun", _("Tahun")))


@dataclass(frozen=True)
class Period:
    key: str  # 2026-05, 2026-S1 or 2026
    start: datetime.date  # first day
    end: datetime.date  # the day after the last

    @property
    def kind(self) -> str:
        if len(self.key) == 4:
            return "tahun"
        return "semester" if "S" in self.key else "bulan"

    def previous(self) -> "Period":
        return containing(self.kind, self.start - datetime.timedelta(days=1))


def containing(kind: str, day: datetime.date) -> Period:
    """The period of `kind` that holds `day`."""
    if kind == "tahun":
        return Period(f"{day.year}", datetime.date(day.year, 1, 1), datetime.date(day.year + 1, 1, 1))
    if kind == "semester":
        first = day.month <= 6
        start = datetime.date(day.year, 1 if first else 7, 1)
        end = datetime.date(day.year, 7, 1) if first else datetime.date(day.year + 1, 1, 1)
        return Period(f"{day.year}-S{1 if first else 2}", start, end)
    start = day.replace(day=1)
    end = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return Period(f"{day:%Y-%m}", start, end)


def parse(key: str) -> Period | None:
    """The period a key names, or None for anything else."""
    try:
        if len(key) == 4:
            return containing("tahun", datetime.date(int(key), 1, 1))
        year, rest = key.split("-")
        if rest in ("S1", "S2"):
            return containing("semester", datetime.date(int(year), 1 if rest == "S1" else 7, 1))
        return containing("bulan", datetime.date(int(year), int(rest), 1)) if len(rest) == 2 else None
    except ValueError:
        return None


def last_closed(kind: str, today: datetime.date) -> Period:
    """The newest period of `kind` that has ended: its results are final and are published."""
    return containing(kind, today).previous()


def recent(kind: str, today: datetime.date, count: int) -> list[Period]:
    """The `count` periods of `kind` up to and including the current one, oldest first (a trend)."""
    periods = [containing(kind, today)]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods[::-1]
