"""Reading competency files: our own template (CSV or XLSX) and Moodle's framework export.

Parsing and validation only; nothing here writes. `competency.services.competencies_import`
reads a file with these and writes the dictionary in one transaction.
"""

from .formats import MOODLE, OWN, ParsedFile, parse
from .reading import MAX_BYTES, FileRefused, check_upload, read_table
from .template import CONTENT_TYPES, HEADER, template_file
from .validation import UNSET, Existing, PlannedRow, RowError, validate

__all__ = [
    "CONTENT_TYPES",
    "HEADER",
    "MAX_BYTES",
    "MOODLE",
    "OWN",
    "UNSET",
    "Existing",
    "FileRefused",
    "ParsedFile",
    "PlannedRow",
    "RowError",
    "check_upload",
    "parse",
    "read_table",
    "template_file",
    "validate",
]
