import datetime

import pytest

from appraisal_link.feedback.models import PeerRound, ServicePoint


@pytest.fixture
def point(unit):
    return ServicePoint.objects.create(unit=unit, name="Perekaman KTP-el", code="ktp-el")


@pytest.fixture
def answers():
    """A complete, valid submission (every element "3")."""
    return {f"u{number}": "3" for number in range(1, 10)}


@pytest.fixture
def hr_client(client, hr_with_mfa):
    client.force_login(hr_with_mfa)
    return client


@pytest.fixture
def respond():
    """Store responses with given scores in a period (the services' path, as a citizen's would be)."""
    from django.utils import timezone

    from appraisal_link.feedback.services import survey_response_submit

    def make(point, scores: dict | int, *, on: datetime.date, count: int = 1, **extra):
        values = scores if isinstance(scores, dict) else dict.fromkeys(range(1, 10), scores)
        answers = {f"u{n}": values.get(n, 3) for n in range(1, 10)} | extra
        moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
        return [survey_response_submit(service_point=point, answers=answers, now=moment) for _ in range(count)]

    return make


@pytest.fixture
def peer_round(unit):
    """A peer round of the test unit, opened three days ago and closing in ten."""
    today = datetime.date.today()
    round_ = PeerRound.objects.create(
        name="2026-1", opens_on=today - datetime.timedelta(days=3), closes_on=today + datetime.timedelta(days=10)
    )
    round_.units.add(unit)
    return round_
