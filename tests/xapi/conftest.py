import pytest

from ..courses.conftest import make_course
from .fake_lrs import PASSWORD, USERNAME, FakeLRS


@pytest.fixture
def lrs(settings):
    """A running fake LRS, configured as the portal's."""
    with FakeLRS() as server:
        settings.XAPI_LRS_ENDPOINT = server.url
        settings.XAPI_LRS_USERNAME = USERNAME
        settings.XAPI_LRS_PASSWORD = PASSWORD
        settings.XAPI_TIMEOUT_SECONDS = 5
        yield server


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def lessons(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.child_of(course).order_by("path"))
