import pytest
from django.core.exceptions import ValidationError

from portal.people.nip import normalise_nip, validate_nip


@pytest.mark.parametrize(
    "nip",
    ["199204202019032011", "198503122010012004", "1992 0420 201903 2 011", "19920420.201903.2.011"],
)
def test_valid_nips_pass(nip):
    validate_nip(nip)


@pytest.mark.parametrize(
    ("nip", "code"),
    [
        ("19920420201903201", "nip_length"),  # 17 digits
        ("1992042020190320111", "nip_length"),  # 19 digits
        ("1992042O2019032011", "nip_digits"),  # letter O, not zero
        ("199202302019032011", "nip_birth_date"),  # 30 February
        ("199213012019032011", "nip_birth_date"),  # month 13
        ("199204202019132011", "nip_start_month"),  # CPNS month 13
        ("199204202019002011", "nip_start_month"),  # CPNS month 00
        ("199204201999032011", "nip_start_year"),  # CPNS at age 6
        ("199204202019033011", "nip_sex"),  # sex digit 3
        ("199204202019030011", "nip_sex"),  # sex digit 0
    ],
)
def test_malformed_nips_are_refused_with_a_reason(nip, code):
    with pytest.raises(ValidationError) as error:
        validate_nip(nip)
    assert error.value.code == code


def test_messages_are_indonesian():
    with pytest.raises(ValidationError) as error:
        validate_nip("123")
    assert "NIP harus terdiri dari 18 angka" in str(error.value.messages[0])


def test_normalise_strips_separators():
    assert normalise_nip(" 19920420 201903 2 011 ") == "199204202019032011"
