"""Confirming a must-read article: "saya sudah membaca dan memahami", recorded once, with its time."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from portal.people.models import Employee

from ..models import Acknowledgement, ChangeArticlePage
from ..selectors.targeting import VISIBLE, with_audience


def acknowledgement_record(*, employee: Employee, article: ChangeArticlePage) -> tuple[Acknowledgement, bool]:
    """Record that `employee` read and understood the must-read `article`; returns the record and
    whether it was made now.

    A second submission (a double click, a second tab, two requests racing) returns the existing
    record and False, so the time of the first confirmation is kept. Refused with a ValidationError
    when the article is not a must-read, is not live, or is meant for other units or positions;
    the article is re-read from the database, so a stale object cannot get past these checks.
    """
    existing = Acknowledgement.objects.filter(employee=employee, article_id=article.pk).first()
    if existing is not None:
        return existing, False
    current = (
        with_audience(ChangeArticlePage.objects.filter(pk=article.pk), employee, include_others=True)
        .values("live", "must_read", "audience")
        .first()
    )
    if current is None or not current["live"]:
        raise ValidationError(_("Artikel ini belum atau tidak lagi diterbitkan."), code="not_live")
    if not current["must_read"]:
        raise ValidationError(_("Artikel ini tidak wajib dibaca, jadi tidak perlu dikonfirmasi."), code="not_must_read")
    if current["audience"] not in VISIBLE:
        raise ValidationError(
            _("Artikel ini ditujukan untuk unit kerja atau jabatan lain, jadi tidak perlu Anda konfirmasi."),
            code="not_targeted",
        )
    try:
        with transaction.atomic():
            return Acknowledgement.objects.create(employee=employee, article_id=article.pk), True
    except IntegrityError:
        # Two requests at once: the unique pair lets one in; the other returns its record.
        return Acknowledgement.objects.get(employee=employee, article_id=article.pk), False
