"""portal.search_bulk writes the same search index entries as Wagtail's own backend, set-based."""

import pytest
from django.db import connection
from modelsearch.backends.database.postgres.postgres import IndexEntry
from wagtail.search.backends import get_search_backend

from competency.models import Competency
from portal.people.models import Employee, Position, Unit
from portal.search_bulk import index_bulk

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the set-based index is PostgreSQL's"),
]

NAMES = [
    "Siti Rahmawati",
    "  Ahmad  Fauzi, S.Kom. ",
    "Ni Luh Putu Ayu Widyaningsih",
    "Muhammad Iqbal bin Abdullah",
    "Rosé D'Souza-Hutapea",
    "Budi",
]


def entries(model) -> list[tuple]:
    """Each entry of `model`'s objects, its vectors as text (a tsvector compares by its text)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT object_id, title::text, autocomplete::text, body::text, title_norm, title_text, body_text
                FROM {IndexEntry._meta.db_table} WHERE content_type_id = %s ORDER BY object_id""",  # noqa: S608
            [IndexEntry._meta.get_field("content_type").related_model.objects.get_for_model(model).pk],
        )
        return cursor.fetchall()


def employees() -> list[Employee]:
    unit = Unit.objects.create(code="opd-cari", name="Dinas Pencarian")
    position = Position.objects.create(code="jab-cari", name="Penata", kind=Position.Kind.PELAKSANA)
    rows = [
        Employee(nip=f"19800101200501100{n}", name=name, unit=unit, position=position) for n, name in enumerate(NAMES)
    ]
    return Employee.objects.bulk_create(rows)


def test_employees_are_indexed_as_the_backend_indexes_them():
    people = employees()
    IndexEntry.objects.all().delete()
    get_search_backend().add_bulk(Employee, people)
    expected = entries(Employee)
    assert len(expected) == len(NAMES) and all(row[3] for row in expected)
    IndexEntry.objects.all().delete()

    index_bulk(Employee, people)

    assert entries(Employee) == expected


def test_an_entry_already_there_is_replaced():
    people = employees()
    index_bulk(Employee, people)
    Employee.objects.filter(pk=people[0].pk).update(name="Nama Baru Sekali")
    people[0].name = "Nama Baru Sekali"
    get_search_backend().add_bulk(Employee, people)
    expected = entries(Employee)

    index_bulk(Employee, people)

    assert entries(Employee) == expected
    assert [e.name for e in get_search_backend().search("Baru", Employee)] == ["Nama Baru Sekali"]


def test_search_and_autocomplete_find_the_new_employees():
    people = employees()
    IndexEntry.objects.all().delete()

    index_bulk(Employee, people)

    assert {e.name for e in get_search_backend().search("Widyaningsih", Employee)} == {NAMES[2]}
    assert {e.name for e in get_search_backend().search("198001012005011005", Employee)} == {NAMES[5]}
    assert {e.name for e in get_search_backend().autocomplete("Fau", Employee)} == {NAMES[1]}


def test_competencies_too():
    created = Competency.objects.bulk_create(
        [Competency(code=f"K-{n}", name=name, kind="teknis") for n, name in enumerate(["Analisis Data", "Keamanan"])]
    )
    IndexEntry.objects.all().delete()
    get_search_backend().add_bulk(Competency, created)
    expected = entries(Competency)
    IndexEntry.objects.all().delete()

    index_bulk(Competency, created)

    assert entries(Competency) == expected
