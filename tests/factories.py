"""Factories for the test suite, one per model."""

import itertools

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from portal.people.models import Employee, Position, Unit, User

PASSWORD = "rahasia-Uji-2026"  # noqa: S105
_sequence = itertools.count(1)


def valid_nip(n: int | None = None) -> str:
    """A well-formed NIP, unique per call: born 1990-01-01 + n days, CPNS 2015-03, sequence n."""
    import datetime

    n = next(_sequence) if n is None else n
    birth = datetime.date(1980, 1, 1) + datetime.timedelta(days=n % 5000)
    return f"{birth:%Y%m%d}201503{1 + n % 2}{n % 1000:03d}"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"unit-{n}")
    name = factory.Sequence(lambda n: f"Unit Kerja {n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    code = factory.Sequence(lambda n: f"jabatan-{n}")
    name = factory.Sequence(lambda n: f"Jabatan {n}")
    kind = Position.Kind.PELAKSANA


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@pangkalpinangkota.go.id")
    first_name = factory.Sequence(lambda n: f"Pengguna {n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    nip = factory.LazyFunction(valid_nip)
    name = factory.Sequence(lambda n: f"Pegawai {n}")
    unit = factory.SubFactory(UnitFactory)
    position = factory.SubFactory(PositionFactory)
    grade = "III/a"
