"""Inserting many rows with PostgreSQL's COPY instead of bulk_create's INSERT.

bulk_create compiles a placeholder and an adapted value per field and row (about 0.1 ms a row of a
dozen fields here); COPY sends the rows as a stream. The new keys come first from the table's own
sequence (one `nextval` over a series), so each object has its pk afterwards, as after bulk_create.
Like bulk_create, it sends no signals and sets auto_now/auto_now_add fields; elsewhere (SQLite) it is
bulk_create. `copy_insert_new` is bulk_create(ignore_conflicts=True): COPY into a temporary table,
then one INSERT … SELECT … ON CONFLICT DO NOTHING. `copy_create_rows` takes the rows as tuples of
stored values, for a caller that has them already: no model instance is built, nothing is prepared.
"""

from collections.abc import Sequence

from django.db import connections, models, router, transaction

BATCH = 2000
# Fields whose stored value is the attribute itself (psycopg adapts it): no per-value preparation.
_AS_IS = (
    models.CharField,
    models.TextField,
    models.SlugField,
    models.EmailField,
    models.BooleanField,
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
    models.ForeignKey,
    models.OneToOneField,
)


def _value_getters(fields: list, connection) -> list:
    getters = []
    for field in fields:
        if type(field) in _AS_IS:
            getters.append(lambda obj, name=field.attname: getattr(obj, name))
        else:
            getters.append(lambda obj, f=field: f.get_db_prep_save(f.pre_save(obj, True), connection=connection))
    return getters


def copy_create(model, objects: Sequence) -> Sequence:
    """Insert `objects` (new instances of `model`, pks unset) and give each its pk."""
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "postgresql" or not objects:
        return model.objects.bulk_create(objects, batch_size=BATCH)
    opts = model._meta
    fields = [f for f in opts.concrete_fields if f is not opts.pk]
    getters = _value_getters(fields, connection)
    rows = [tuple(get(obj) for get in getters) for obj in objects]
    for obj, pk in zip(objects, copy_create_rows(model, [f.attname for f in fields], rows), strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, using
    return objects


def _new_keys(cursor, opts, count: int) -> list[int]:
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
        [opts.db_table, opts.pk.column, count],
    )
    return [pk for (pk,) in cursor.fetchall()]


def copy_create_rows(model, columns: Sequence[str], rows: Sequence[tuple]) -> list[int | None]:
    """Insert `rows`, each a tuple of the values of the fields named in `columns` (attnames), as the
    database stores them, every non-null column included (COPY fills in nothing); return the new keys
    in order. Elsewhere than on PostgreSQL: bulk_create of instances, which stamps auto_now fields
    with its own time (and a key is None where the database cannot return it)."""
    using = router.db_for_write(model)
    connection = connections[using]
    if not rows:
        return []
    if connection.vendor != "postgresql":
        objects = [model(**dict(zip(columns, row, strict=True))) for row in rows]
        return [obj.pk for obj in model.objects.bulk_create(objects, batch_size=BATCH)]
    opts = model._meta
    names = [opts.get_field(name).column for name in columns]
    with connection.cursor() as cursor:
        pks = _new_keys(cursor, opts, len(rows))
        quoted = ", ".join(connection.ops.quote_name(c) for c in [opts.pk.column, *names])
        with cursor.cursor.copy(f"COPY {connection.ops.quote_name(opts.db_table)} ({quoted}) FROM STDIN") as copy:
            for pk, row in zip(pks, rows, strict=True):
                copy.write_row((pk, *row))
    return pks


def copy_insert_new(model, objects: Sequence) -> None:
    """Insert `objects` (new instances of `model`), skipping each that a unique constraint already
    holds, as bulk_create(ignore_conflicts=True) does; the objects get no pk."""
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "postgresql" or not objects:
        model.objects.bulk_create(objects, batch_size=BATCH, ignore_conflicts=True)
        return
    opts = model._meta
    fields = [f for f in opts.concrete_fields if f is not opts.pk]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(opts.db_table)
    staging = connection.ops.quote_name(f"copy_{opts.db_table}")
    getters = _value_getters(fields, connection)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        # The columns' types, no constraint (the key is left to the table's own sequence).
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS SELECT {columns} FROM {table} WITH NO DATA"  # noqa: S608
        )
        with cursor.cursor.copy(f"COPY {staging} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row([get(obj) for get in getters])
        # The model's own table and columns, quoted: nothing here comes from a user.
        insert = f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging} ON CONFLICT DO NOTHING"  # noqa: S608
        cursor.execute(insert)
        cursor.execute(f"DROP TABLE {staging}")
