"""The error report of an import as a table: on the job page, in the downloadable error file, from the command."""

import csv
from pathlib import Path

from django.utils.translation import gettext as _

from portal.spreadsheets import safe_cell

from .validation import ERROR, problem_message


def problem_header() -> list[str]:
    return [_("Baris"), _("Kolom"), _("Nilai"), _("Keterangan"), _("Jenis")]


def problem_rows(problems: list[dict]):
    """One row per problem (as stored on a job: dicts with row, column, value, message, level)."""
    for problem in problems:
        level = _("Kesalahan") if problem.get("level", ERROR) == ERROR else _("Peringatan")
        row = problem.get("row")
        yield [
            row if row is not None else "",
            problem.get("column", ""),
            problem.get("value", ""),
            problem_message(problem),
            level,
        ]


def problems_write_csv(problems: list[dict], path: Path) -> None:
    """The error file the admin page offers, written to a path (UTF-8 with BOM, which Excel reads)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(problem_header())
        for row in problem_rows(problems):
            writer.writerow([safe_cell(value) for value in row])
