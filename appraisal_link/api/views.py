"""The API's views: thin, as the rules live in services.imports (shared with the file import)."""

import json
import math

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ..importing.validation import problem_message
from ..services.imports import ImportResult, appraisals_import_records
from .authentication import ApiTokenAuthentication, ApiTokenThrottle, IsApiService
from .schema import openapi_schema

TRUE = {"1", "true", "ya", "yes"}


def _problem(problem: dict) -> dict:
    return {
        "baris": problem["row"],
        "kolom": problem["column"],
        "nilai": problem["value"],
        "pesan": problem_message(problem),
    }


def _problems(result: ImportResult, level: str) -> list[dict]:
    return [_problem(p) for p in result.problems.as_list() if p["level"] == level]


def _bad_request(detail: str) -> Response:
    return Response({"detail": detail, "kesalahan": []}, status=status.HTTP_400_BAD_REQUEST)


def _reject_constant(name: str):
    raise ValueError(f"{name} bukan nilai JSON")


class AppraisalPushView(APIView):
    """POST a JSON list of appraisal records; all are written, or none (400 with every error)."""

    authentication_classes = [ApiTokenAuthentication]
    permission_classes = [IsApiService]
    throttle_classes = [ApiTokenThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = []  # the body is read here, so that anything that is not JSON is a 400, whatever its type

    def permission_denied(self, request, message=None, code=None):
        if request.authenticators and not request.successful_authenticator:
            raise exceptions.NotAuthenticated(_("Token API wajib dikirim di header Authorization: Token <kunci>."))
        raise exceptions.PermissionDenied(message, code)

    def throttled(self, request, wait):
        seconds = max(1, math.ceil(wait or 60))
        error = exceptions.Throttled(
            detail=_("Terlalu banyak permintaan dengan token ini. Coba lagi dalam %(seconds)s detik.")
            % {"seconds": seconds}
        )
        error.wait = seconds  # DRF's handler turns it into the Retry-After header
        raise error

    def post(self, request):
        try:
            body = request.body
        except RequestDataTooBig:
            return Response(
                {"detail": _("Badan permintaan terlalu besar (paling besar 10 MB). Kirim dalam beberapa bagian.")},
                status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            )
        try:
            records = json.loads(body, parse_constant=_reject_constant)
        except (ValueError, UnicodeDecodeError) as error:
            return _bad_request(_("Badan permintaan bukan JSON yang sah: %(error)s") % {"error": error})
        if not isinstance(records, list):
            return _bad_request(_("Badan permintaan harus berupa daftar (array) JSON berisi objek penilaian."))
        if not records:
            return _bad_request(_("Daftar penilaian kosong."))
        dry_run = request.query_params.get("uji_coba", "").lower() in TRUE
        confirmed = request.query_params.get("nip_baru_diperiksa", "").lower() in TRUE
        result = appraisals_import_records(records=records, source="api", dry_run=dry_run, new_nips_confirmed=confirmed)
        if not result.ok:
            return Response(
                {
                    "detail": _("Tidak ada yang disimpan: %(count)s kesalahan.")
                    % {"count": result.problems.error_count},
                    "kesalahan": _problems(result, "error"),
                    "peringatan": _problems(result, "warning"),
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(
            {
                "jumlah": result.total,
                "dibuat": result.created,
                "diperbarui": result.updated,
                "tidak_berubah": result.unchanged,
                "pegawai_baru": result.employees_created,
                "uji_coba": result.dry_run,
                "peringatan": _problems(result, "warning"),
            }
        )


@require_GET
def openapi_view(request):
    """The API's OpenAPI 3 description (public: it holds no data)."""
    return JsonResponse(openapi_schema())
