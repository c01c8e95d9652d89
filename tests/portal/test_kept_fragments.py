"""`{% kept_fragment %}`: Django's `{% cache %}` read and written with the request's other kept
values (portal.templatetags.kept_fragments, issue #15)."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.template import Context, Template, TemplateSyntaxError

from courses import services
from portal import reads_ahead
from portal.cache import prefetch, prefetch_end

from ..courses.conftest import make_course

pytestmark = pytest.mark.skipif(not settings.CACHE_URL, reason="needs Redis (CACHE_URL), as in CI")

TEMPLATE = Template("{% load kept_fragments %}{% kept_fragment 60 counted name %}{{ counter }}{% endkept_fragment %}")


class Counter:
    def __init__(self):
        self.count = 0

    def __str__(self):
        self.count += 1
        return str(self.count)


def _render(counter, name):
    return TEMPLATE.render(Context({"counter": counter, "name": name}))


@pytest.mark.django_db
def test_a_fragment_is_rendered_once_per_key_under_djangos_own_key():
    counter = Counter()
    assert _render(counter, "a") == "1"
    assert _render(counter, "a") == "1"
    assert _render(counter, "b") == "2"
    assert cache.get(make_template_fragment_key("counted", ["a"])) == "1"


@pytest.mark.django_db
def test_inside_reads_ahead_it_is_read_with_them_and_written_with_the_others(commands):
    key = make_template_fragment_key("counted", ["c"])
    prefetch([key])
    commands.clear()
    assert _render(Counter(), "c") == "1"
    assert commands == []  # read ahead (absent), and its write held back
    assert cache.get(key) is None
    prefetch_end()
    assert cache.get(key) == "1"


def test_a_fragment_needs_seconds_and_a_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load kept_fragments %}{% kept_fragment 60 %}x{% endkept_fragment %}")


@pytest.mark.django_db
def test_a_lesson_built_for_another_learner_reads_its_body_ahead(client, make_learner, commands):
    course = make_course()
    lesson = course.get_children().specific().first()
    first, second = make_learner("Sari"), make_learner("Budi")
    for learner in (first, second):
        services.enrollment_create(employee=learner.employee, course=course)
    client.force_login(first)
    assert client.get(lesson.url).status_code == 200  # built: its URL learns the body's key

    client.force_login(second)
    del client.cookies[reads_ahead.HINT_COOKIE]
    client.get("/dasbor/")
    commands.clear()
    html = client.get(lesson.url).content.decode()  # built for them: their progress is their own
    assert "Gunakan kata sandi yang kuat." in html
    body_reads = [command for command in commands if "template.cache.lesson_body" in str(command[1:])]
    assert len(body_reads) == 1 and body_reads[0] == commands[0], commands  # with the reads ahead
    assert not any(command[0] == "SET" for command in commands)
