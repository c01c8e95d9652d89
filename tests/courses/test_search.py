"""The catalog finds what people type: case, punctuation and Indonesian word forms don't matter."""

import pytest

from courses import selectors
from courses.search import matches, normalise

from ..conftest import cache_empty
from .conftest import make_course


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("wifi", "Jaringan Wi-Fi kantor"),
        ("WI-FI", "jaringan wifi"),
        ("aman", "Keamanan Digital"),
        ("keamanan", "Aman berinternet"),
        ("pelatih", "Pelatihan dasar"),
        ("layanan", "Melayani warga"),
        ("kelola", "Mengelola arsip"),
        ("sapu", "Menyapu halaman"),
        ("tulis", "Penulisan naskah dinas"),
        ("ktp", "Layanan e-KTP"),
        ("excel", "Microsoft Excel"),
        ("phish", "Waspada phishing"),
        ("aman digital", "Keamanan Digital"),
    ],
)
def test_a_query_finds_the_forms_people_write(query, text):
    assert matches(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [("aman data", "Keamanan Digital"), ("excel", "Pelayanan publik"), ("keuangan", "Keamanan Digital")],
)
def test_every_word_of_the_query_must_match(query, text):
    assert not matches(query, text)


def test_normalise_joins_hyphenated_words_and_drops_accents_and_case():
    assert normalise("Wi-Fi  Kantor, e-KTP & Café") == ["wifi", "kantor", "ektp", "cafe"]


@pytest.mark.django_db
def test_the_catalog_search_finds_word_forms_titles_first():
    security = make_course("Keamanan Digital", summary="Kata sandi dan phishing.")
    wifi = make_course("Jaringan Wi-Fi Kantor", summary="Menjaga jaringan tetap aman.")
    make_course("Pelayanan Publik", summary="Melayani warga dengan ramah.")

    def found(query):
        return [course.pk for course in selectors.catalog_context(params={"q": query})["courses"]]

    assert found("wifi") == [wifi.pk]
    assert found("aman") == [security.pk, wifi.pk]  # in the title first, then in the summary
    assert found("pelayan") == [found("layanan")[0]]
    assert found("tidak ada") == []


def _search_built(client, django_assert_max_num_queries, most: int):
    """The search's queries when nothing is kept: the process warmed first (content types, as every
    running process is), then the cache emptied, so that each count starts from the same state."""
    client.get("/kursus/?q=aman")
    cache_empty()
    with django_assert_max_num_queries(most) as counted:
        response = client.get("/kursus/?q=aman")
    assert response.status_code == 200
    return len(counted.captured_queries)


@pytest.mark.django_db
def test_catalog_search_queries_do_not_grow_with_the_catalog(client, django_assert_max_num_queries):
    make_course("Keamanan Digital")
    few = _search_built(client, django_assert_max_num_queries, 40)
    for number in range(20):
        make_course(f"Keamanan {number}")
    _search_built(client, django_assert_max_num_queries, few)
