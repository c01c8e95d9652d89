import pytest

from appraisal_link.feedback.models import ServicePoint


@pytest.fixture
def point(unit):
    return ServicePoint.objects.create(unit=unit, name="Perekaman KTP-el", code="ktp-el")


@pytest.fixture
def answers():
    """A complete, valid submission (every element "3")."""
    return {f"u{number}": "3" for number in range(1, 10)}
