"""Open Badges 3.0 on the site: the holder's download, the issuer's public key, the public check."""

import json

from allauth.core import ratelimit
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ..reports import certificate_for_viewer_or_404
from . import keys
from .credentials import credential_signed, issuer_profile
from .jsonld import OPEN_BADGES_V3
from .verification import MAX_BYTES, CredentialRefused, credential_check, credential_parse

MEDIA_TYPE = "application/ld+json"
CONTROLLED_IDENTIFIERS = "https://www.w3.org/ns/cid/v1"


def _json(body: dict, **headers) -> HttpResponse:
    response = HttpResponse(json.dumps(body, ensure_ascii=False, indent=2), content_type=MEDIA_TYPE)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


@login_required
@require_GET
def openbadge_download_view(request, certificate_id: int):
    """The certificate as a signed OpenBadgeCredential, for whoever may download its PDF."""
    certificate = certificate_for_viewer_or_404(request.user, certificate_id)
    return _json(
        credential_signed(certificate),
        Content_Disposition=f'attachment; filename="open-badge-{certificate.code}.json"',
        Cache_Control="private, no-store",
    )


@require_GET
def issuer_profile_view(request):
    """The issuer's Profile and its public key (a Multikey): where verifiers resolve the proof's key."""
    method = keys.verification_method()
    body = {
        "@context": [CONTROLLED_IDENTIFIERS, OPEN_BADGES_V3],
        **issuer_profile(),
        "verificationMethod": [
            {
                "id": method,
                "type": "Multikey",
                "controller": keys.issuer_id(),
                "publicKeyMultibase": keys.public_key_multibase(),
            }
        ],
        "assertionMethod": [method],
    }
    return _json(body, Cache_Control="public, max-age=3600", Access_Control_Allow_Origin="*")


def _sent_credential(request) -> bytes:
    upload = request.FILES.get("berkas")
    if upload is not None:
        if upload.size > MAX_BYTES:
            raise CredentialRefused(_("Berkas terlalu besar: kredensial Open Badges paling besar 64 KB."))
        return upload.read()
    text = request.POST.get("kredensial", "").strip()
    if not text:
        raise CredentialRefused(_("Pilih berkas kredensial (.json) atau tempelkan isinya."))
    return text.encode()


@require_http_methods(["GET", "POST"])
def openbadge_verify_view(request):
    """Anyone checks a credential handed to them: signature, issuer, and whether it was revoked."""
    context, status = {"issuer_url": reverse("openbadge_issuer")}, 200
    if request.method == "POST":
        if not ratelimit.consume(request, action="openbadge_check"):
            return TemplateResponse(request, "429.html", status=429)
        try:
            context["verdict"] = credential_check(credential_parse(_sent_credential(request)))
        except CredentialRefused as refusal:
            context["error"], status = str(refusal), 400
    response = TemplateResponse(request, "courses/openbadge_verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
