"""Issuing and revoking certificates. Issuing twice for one enrolment yields the same one."""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal import stored_text
from portal.notifications.models import Kind
from portal.notifications.services import notify

from ..models import Certificate, Enrollment
from ..pdf import certificate_pdf

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by hand
CODE_LENGTH = 12


def certificate_code_new() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def certificate_version_key(code: str) -> str:
    """The cache key of the version a kept verification page of `code` is checked against; every
    save of the certificate (issue, revocation) bumps it (courses.receivers)."""
    return f"kompeten:certificate:{code}:version"


def certificate_verify_url(code: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("certificate_verify", args=[code])


@transaction.atomic
def certificate_issue(*, enrollment_id: int) -> Certificate:
    """Issue the certificate of a completed enrolment, once: the enrolment row is locked, and an
    existing certificate is returned as it is."""
    enrollment = Enrollment.objects.select_for_update().select_related("employee", "course").get(pk=enrollment_id)
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    if enrollment.completed_at is None:
        raise ValidationError(_("Kursus belum selesai; sertifikat belum dapat diterbitkan."), code="not_completed")
    certificate = Certificate(
        enrollment=enrollment,
        code=certificate_code_new(),
        holder_name=enrollment.employee.name,
        holder_nip=enrollment.employee.nip,
        course_title=enrollment.course.title,
        jp=enrollment.jp_awarded,
        score=enrollment.final_score,
        completed_on=timezone.localdate(enrollment.completed_at),
    )
    content = certificate_pdf(certificate=certificate, verify_url=certificate_verify_url(certificate.code))
    certificate.sha256 = hashlib.sha256(content).hexdigest()
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(content), save=False)
    certificate.save()
    certificate_issued_notify(certificate=certificate, employee=enrollment.employee)
    return certificate


def certificate_issued_notify(*, certificate: Certificate, employee) -> None:
    """Tell the holder (if they have an account) that their certificate is ready, with the link to
    download it that the dashboard also shows. Once per certificate."""
    if employee.user_id is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        notify(
            user=employee.user,
            kind=Kind.CERTIFICATE_ISSUED,
            key=f"certificate:{certificate.pk}",
            title=stored_text.source(gettext_noop("Sertifikat terbit: %(course)s"), course=certificate.course_title),
            body=stored_text.source(
                gettext_noop("Selamat! Sertifikat Anda (%(jp)s JP) telah terbit dengan kode %(code)s."),
                jp=certificate.jp,
                code=certificate.code,
            ),
            url=reverse("certificate_download", args=[certificate.pk]),
        )


def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    """HR revokes a certificate; the verification page then says "dicabut"."""
    if not reason.strip():
        raise ValidationError(_("Alasan pencabutan wajib diisi."), code="reason_required")
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason.strip()[:300]
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    return certificate
