"""The sections data migrations create are in the admin's search (portal.pages.search_index)."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from courses.models import CourseIndexPage
from portal.change.models import ChangeHubPage

pytestmark = pytest.mark.django_db


def _found(query: str) -> list[int]:
    return [page.pk for page in Page.objects.search(query)]


def test_the_catalog_and_the_change_hub_made_by_migrations_are_found():
    assert CourseIndexPage.objects.get().pk in _found("Katalog Kursus")
    assert ChangeHubPage.objects.get().pk in _found(ChangeHubPage.objects.get().title)


def test_a_migrate_puts_a_section_missing_from_the_index_back():
    from wagtail.search.index import remove_object

    catalog = CourseIndexPage.objects.get()
    remove_object(catalog)
    assert catalog.pk not in _found("Katalog Kursus")
    call_command("migrate", verbosity=0)  # nothing left to apply: only the post_migrate receivers
    assert catalog.pk in _found("Katalog Kursus")
