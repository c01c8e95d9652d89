"""Free text from the public is screened before anyone reads it: a NIK, a phone number or an e-mail
address a citizen typed into a suggestion is masked, so HR never holds it."""

import re

from django.utils.translation import gettext_noop

# Order matters: a 16-digit NIK would otherwise be read as a phone number.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
# Indonesian numbers: +62 / 62 / 0, then 8–13 digits, maybe split by spaces, dots or hyphens.
_PHONE = re.compile(r"(?<![\w+])(\+62|62|0)[\s.-]?\d(?:[\s.-]?\d){7,12}(?!\d)")

EMAIL_MASK = gettext_noop("[email disamarkan]")
NIK_MASK = gettext_noop("[NIK disamarkan]")
PHONE_MASK = gettext_noop("[nomor telepon disamarkan]")


def personal_data_masked(text: str) -> tuple[str, int]:
    """The text with every e-mail address, NIK and phone number replaced; and how many were."""
    total = 0
    for pattern, mask in ((_EMAIL, EMAIL_MASK), (_NIK, NIK_MASK), (_PHONE, PHONE_MASK)):
        text, count = pattern.subn(mask, text)
        total += count
    return text, total
