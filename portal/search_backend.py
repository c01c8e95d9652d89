"""The search backend: the database backend of Wagtail's search, repaired for SQLite.

On SQLite (the zero-set-up run) the library turns a search limited to some fields (`fields=`, which
every admin listing with `search_fields` asks for) into an FTS5 match on columns of those names,
which its index table does not have: each such search failed ("no such column: name"). There a
limited search searches the whole index entry instead (all the model's indexed fields: a wider net,
never an error). On PostgreSQL (production, CI) the library's own backend is used untouched.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail's search settings look up in a module
    backend = database.SearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    from modelsearch.backends.database.sqlite import sqlite  # defines a model: SQLite only

    if type(backend) is sqlite.SQLiteSearchBackend:
        backend.query_compiler_class = _whole_entry(sqlite.SQLiteSearchQueryCompiler)
        # A word's beginning in any indexed field (a NIP typed in part), as on PostgreSQL.
        backend.autocomplete_query_compiler_class = _whole_entry(
            sqlite.SQLiteAutocompleteQueryCompiler, columns=["title", "body", "autocomplete"]
        )
    return backend


def _whole_entry(compiler_class, columns=None):
    class WholeEntry(compiler_class):
        FTS_TABLE_FIELDS = columns or compiler_class.FTS_TABLE_FIELDS  # the index table's own columns

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields = None  # so the match is on FTS_TABLE_FIELDS

    return WholeEntry
