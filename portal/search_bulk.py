"""The search index of many new objects at once, as one INSERT ... SELECT on PostgreSQL.

Wagtail's PostgreSQL search backend builds an ORM expression per object and field and compiles each
(about 1.3 ms an employee here): most of a 100,000-row import that creates the register. For a model
whose search fields are plain text fields (no related fields), `index_bulk` writes the same index
entries, byte for byte (tests compare them with the backend's own), from one array of texts per field:
to_tsvector and setweight run in the database. Every other case goes to the backend's `add_bulk`.
"""

from collections.abc import Sequence

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backends

_EMPTY = "''::tsvector"


def index_bulk(model, objects: Sequence) -> None:
    """Add `objects` (saved instances of `model`) to every auto-updated search backend."""
    if not objects:
        return
    for backend in get_search_backends(with_auto_update=True):
        fields = _plain_fields(model)
        if isinstance(backend, PostgresSearchBackend) and fields is not None:
            _postgres_add(backend, model, fields, objects)
        else:
            backend.add_bulk(model, objects)


def _plain_fields(model) -> list | None:
    """The model's text fields (filter fields are not indexed as text), or None when one is related."""
    fields = model.get_search_fields()
    if any(isinstance(f, RelatedFields) for f in fields):
        return None
    return [f for f in fields if isinstance(f, SearchField | AutocompleteField)] or None


def _text(field, obj) -> str:
    """The field's text as the backend indexes it (ObjectIndexer.prepare_value, then stripped)."""
    value = field.get_value(obj)
    if isinstance(value, list):
        value = ", ".join(force_str(item) for item in value)
    elif isinstance(value, dict):
        value = ", ".join(force_str(item) for item in value.values())
    return force_str(value).strip()


# Model fields whose indexed value is the attribute itself (modelsearch's get_value adds nothing).
_PLAIN_TYPES = (models.CharField, models.TextField, models.EmailField, models.SlugField)


def _reader(field, model):
    """A function of an object giving `_text(field, obj)`: for a plain text field, the attribute read
    directly (get_value costs about 10 µs a call, 300,000 calls for 100,000 employees)."""
    try:
        model_field = field.get_field(model)
    except FieldDoesNotExist:
        model_field = None
    if type(model_field) not in _PLAIN_TYPES or hasattr(model_field, "get_searchable_content"):
        return lambda obj: _text(field, obj)
    attname = model_field.attname

    def read(obj):
        value = getattr(obj, attname)
        return (value if value.__class__ is str else force_str(value)).strip()

    return read


def _vector(columns: list[tuple[int, str, str]], params: list) -> str:
    """SQL for the concatenated, weighted vectors of (column, weight, config), adding its parameters to
    `params`; an empty text (or none) gives an empty vector, as the backend's own, which leaves empty
    texts out."""
    if not columns:
        return _EMPTY
    parts = []
    for n, weight, config in columns:
        parts.append(f"setweight(to_tsvector(%s::regconfig, t.f{n}), %s)")
        params += [config, weight]
    return "(" + " || ".join(parts) + ")"


def _postgres_add(backend, model, fields: list, objects: Sequence) -> None:
    index = backend.get_index_for_model(model)
    config, autocomplete_config = backend.config, backend.autocomplete_config
    title, body, autocomplete = [], [], []
    for n, field in enumerate(fields):
        if isinstance(field, AutocompleteField):
            autocomplete.append((n, "D", autocomplete_config))
        elif field.field_name == "title":
            title.append((n, get_weight(field.boost), config))
        else:
            body.append((n, get_weight(field.boost), config))
    if any(c is None for _n, _w, c in title + body):
        backend.add_bulk(model, objects)  # no configuration: the backend's default, which differs per call
        return
    texts = [list(map(_reader(field, model), objects)) for field in fields]

    def joined(group):
        return [" ".join(t for t in row if t) for row in zip(*(texts[n] for n, _w, _c in group), strict=True)]

    names = ", ".join(f"f{n}" for n in range(len(fields)))
    arrays = ", ".join("%s::text[]" for _field in fields)
    table = IndexEntry._meta.db_table
    params = [get_content_type_pk(model)]
    vectors = ", ".join(_vector(group, params) for group in (title, autocomplete, body))
    sql = f"""
        INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
        SELECT %s, t.object_id, {vectors}, 1.0, t.title_text, t.body_text
        FROM unnest(%s::text[], %s::text[], %s::text[], {arrays}) AS t(object_id, title_text, body_text, {names})
        ON CONFLICT (content_type_id, object_id)
        DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                      body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
    """  # noqa: S608 (the table and the column numbers come from the code, never from input)
    params += [
        [force_str(obj.pk) for obj in objects],
        joined(title) if title else [""] * len(objects),
        joined(body) if body else [""] * len(objects),
        *texts,
    ]
    with index.write_connection.cursor() as cursor:
        cursor.execute(sql, params)
    index._refresh_title_norms()
