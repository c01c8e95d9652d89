"""Fixtures of the change hub tests (each part appends its own, with distinct names)."""

import datetime

import pytest
from django.utils import timezone

from portal.change.models import ChangeEventPage, ChangeHubPage
from portal.pages.models import HomePage

# --- Sosialisasi events ---------------------------------------------------------------------------


def event_hub_page():
    """The hub at /perubahan/ (made by a data migration; created here when a test database lacks it)."""
    hub = ChangeHubPage.objects.first()
    if hub is None:
        hub = HomePage.objects.get().add_child(instance=ChangeHubPage(title="Pusat Perubahan", slug="perubahan"))
    return hub


def make_change_event(title="Sosialisasi SKP Baru", *, starts_in=None, hours=2, units=(), positions=(), **fields):
    """A published event under the hub, starting `starts_in` from now (default three days)."""
    starts_at = timezone.now() + (starts_in if starts_in is not None else datetime.timedelta(days=3))
    fields = {
        "intro": "Penjelasan SKP baru bagi pegawai.",
        "location": "Aula Kantor Wali Kota Pangkalpinang",
        "capacity": 40,
        "body": [{"type": "paragraph", "value": "<p>Agenda: paparan dan tanya jawab.</p>"}],
        **fields,
    }
    event = ChangeEventPage(
        title=title, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=hours), **fields
    )
    event_hub_page().add_child(instance=event)
    if units or positions:
        event.target_units.set(units)
        event.target_positions.set(positions)
        event.save()
    return ChangeEventPage.objects.get(pk=event.pk)


@pytest.fixture
def event_hub(db):
    return event_hub_page()


@pytest.fixture
def make_event(event_hub):
    return make_change_event


@pytest.fixture
def event_page(make_event):
    return make_event()


# --- Hub material and must-read articles -------------------------------------------------------------

ARTICLE_BODY = [
    {"type": "paragraph", "value": "<p>SKP kini disusun bersama atasan dan dibicarakan sepanjang tahun.</p>"}
]


def make_hub_page(model, title, *, units=(), positions=(), live=True, **fields):
    """A page of `model` under the hub, aimed at `units` and `positions` (none: everyone)."""
    page = model(title=title, live=live, **fields)
    page.target_units = list(units)
    page.target_positions = list(positions)
    event_hub_page().add_child(instance=page)
    return model.objects.get(pk=page.pk)


def make_change_article(title="Mengapa SKP berubah?", *, must_read=False, deadline=None, **kwargs):
    """An article under the hub; a must-read when asked, with an optional deadline (a date)."""
    from portal.change.models import ChangeArticlePage

    kwargs.setdefault("intro", "Ringkasan artikel.")
    kwargs.setdefault("body", ARTICLE_BODY)
    return make_hub_page(ChangeArticlePage, title, must_read=must_read, must_read_deadline=deadline, **kwargs)


@pytest.fixture
def change_hub(db):
    return event_hub_page()


@pytest.fixture
def make_article(change_hub):
    return make_change_article


@pytest.fixture
def must_read_article(make_article, unit):
    """A must-read for the unit of the `pegawai` fixture, due in a week."""
    return make_article(
        "Dialog kinerja di unit Anda",
        must_read=True,
        deadline=timezone.localdate() + datetime.timedelta(days=7),
        units=[unit],
    )


# --- Pulse surveys and the adoption dashboard -----------------------------------------------------


def make_pulse_survey(title="Survei Kesiapan Putaran Uji", *, opened=None, closes_in=None, ask_concerns=True):
    """A round with the ten ADKAR statements, opened `opened` ago (default a day) and closing
    `closes_in` from now (default a week); negative values give past or future rounds."""
    from portal.change.adkar import STATEMENTS
    from portal.change.models import PulseSurvey, SurveyQuestion

    now = timezone.now()
    survey = PulseSurvey.objects.create(
        title=title,
        intro="Survei uji.",
        opens_at=now - (opened if opened is not None else datetime.timedelta(days=1)),
        closes_at=now + (closes_in if closes_in is not None else datetime.timedelta(days=7)),
        ask_concerns=ask_concerns,
    )
    SurveyQuestion.objects.bulk_create(
        SurveyQuestion(survey=survey, text=text, dimension=dimension, sort_order=order)
        for order, (dimension, text) in enumerate(STATEMENTS)
    )
    return survey


def survey_answers(survey, value=4, **by_dimension):
    """Answers to every question of `survey`: `value`, or a score per dimension (awareness=2, ...)."""
    return {question.pk: by_dimension.get(question.dimension, value) for question in survey.questions.all()}


def survey_respond(employee, survey, value=4, *, concern="", **by_dimension):
    """Record `employee`'s response through the service, at a moment the round is (or was) open;
    returns their participation."""
    from portal.change.services.surveys import survey_response_submit

    participation, _created = survey_response_submit(
        employee=employee,
        survey=survey,
        answers=survey_answers(survey, value, **by_dimension),
        concern=concern,
        now=survey.opens_at + datetime.timedelta(minutes=1),
    )
    return participation


def make_closed_pulse_survey(title="Survei Kesiapan Putaran Uji", **kwargs):
    """A round that opened ten days ago and closed yesterday: its results are published."""
    return make_pulse_survey(title, opened=datetime.timedelta(days=10), closes_in=-datetime.timedelta(days=1), **kwargs)


def close_pulse_survey(survey):
    """Close `survey` now, as HR does by moving its closing time."""
    survey.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    survey.save(update_fields=["closes_at"])
    return survey


def survey_staff(unit, count):
    """`count` employees (without accounts) in `unit`."""
    from ..factories import EmployeeFactory

    return [EmployeeFactory(unit=unit) for _ in range(count)]


@pytest.fixture
def pulse_survey(db):
    return make_pulse_survey()
