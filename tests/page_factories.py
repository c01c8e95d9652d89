"""Factories for the portal's Wagtail pages (wagtail-factories), beside the factory_boy ones of
tests/factories.py: a page is created as a child of its `parent` (the catalog for a course, the
course for a lesson), in the tree, as an editor would add it."""

import factory
import wagtail_factories

from courses.models import CourseIndexPage, CoursePage, LessonPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kursus {n}")
    summary = "Ringkasan kursus."
    jp = 4
    pass_mark = 70
    parent = factory.LazyFunction(CourseIndexPage.objects.get)

    class Meta:
        model = CoursePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pelajaran {n}")
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Isi pelajaran.</p>"}])

    class Meta:
        model = LessonPage
