import pytest
import redis.client

from portal.people import roles

from ..factories import EmployeeFactory, UserFactory


@pytest.fixture
def commands(monkeypatch):
    """Every command sent to Redis, by name and first key."""
    sent = []
    original = redis.client.Redis.execute_command

    def counted(self, *args, **kwargs):
        sent.append((args[0], *args[1:]))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(redis.client.Redis, "execute_command", counted)
    return sent


@pytest.fixture
def make_learner(db, unit):
    """An employee with an account whose pk is not their employee record's (`portal.keys_learned`
    learns nothing from a page whose two are the same)."""

    def make(name="Sari"):
        user = UserFactory(roles=[roles.PEGAWAI], first_name=name)
        EmployeeFactory(pk=user.pk + 100_000, user=user, unit=unit, name=name)
        return user

    return make
