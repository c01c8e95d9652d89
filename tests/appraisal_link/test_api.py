"""The appraisal API: tokens (hashed, expiring, revocable, throttled, only for service accounts), bodies,
all or nothing, idempotency, and its OpenAPI description."""

import datetime
import hashlib
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from appraisal_link.api.services import api_client_create, api_token_create
from appraisal_link.importing.columns import COLUMNS, REQUIRED
from appraisal_link.models import ApiToken, Appraisal
from portal.people.models import Employee

from .conftest import nip, record

pytestmark = pytest.mark.django_db
URL = "/api/penilaian/"


@pytest.fixture
def token():
    return api_client_create(name="SIMPEG BKD Provinsi").key


def push(body, key=None, *, raw=False, query=""):
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"} if key else {}
    data = body if raw else json.dumps(body)
    return Client().post(URL + query, data=data, content_type="application/json", **headers)


def test_a_good_token_imports_and_pushing_again_changes_nothing(token, registered):
    records = [record(), record(periode="I", hasil_kerja="Di bawah ekspektasi")]
    response = push(records, token)
    assert response.status_code == 200, response.content
    assert response.json() == {
        "jumlah": 2,
        "dibuat": 2,
        "diperbarui": 0,
        "tidak_berubah": 0,
        "pegawai_baru": 0,
        "uji_coba": False,
        "peringatan": [],
    }
    assert set(Appraisal.objects.values_list("source", flat=True)) == {"api"}
    again = push(records, token).json()
    assert (again["dibuat"], again["diperbarui"], again["tidak_berubah"]) == (0, 0, 2)
    corrected = push([record(), record(periode="I", hasil_kerja="Sesuai ekspektasi")], token).json()
    assert (corrected["dibuat"], corrected["diperbarui"], corrected["tidak_berubah"]) == (0, 1, 1)
    assert Appraisal.objects.count() == 2


def test_keys_are_matched_like_file_headers_and_unknown_keys_warned(token, registered):
    body = [{"NIP": nip(1), "Unit Kerja": "x", **{k: v for k, v in record().items() if k not in ("nip", "unit_kerja")}}]
    body[0]["id_simpeg"] = 77
    response = push(body, token)
    assert response.status_code == 200
    [warning] = response.json()["peringatan"]
    assert warning["kolom"] == "id_simpeg" and "diabaikan" in warning["pesan"]


def test_a_dry_run_writes_nothing(token, registered):
    response = push([record()], token, query="?uji_coba=1")
    assert response.status_code == 200 and response.json()["uji_coba"] is True and response.json()["dibuat"] == 1
    assert not Appraisal.objects.exists()


@pytest.mark.parametrize(
    "header",
    [None, "Token bukan-token", "Token", "Token a b", "Bearer abc", "Basic dXNlcjpwYXNz"],
    ids=["missing", "unknown", "empty", "spaces", "bearer", "basic"],
)
def test_missing_or_unknown_tokens_are_a_401(header, registered):
    headers = {"HTTP_AUTHORIZATION": header} if header else {}
    response = Client().post(URL, data=json.dumps([record()]), content_type="application/json", **headers)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response["WWW-Authenticate"] == "Token"
    assert re.search("Token API", response.json()["detail"]) or "Authorization" in response.json()["detail"]
    assert not Appraisal.objects.exists()


def test_a_revoked_token_is_a_401_with_a_reason(token, registered, hr_with_mfa):
    client = Client()
    client.force_login(hr_with_mfa)
    api_token = ApiToken.objects.get()
    assert client.post(reverse("appraisal_api_token_revoke", args=[api_token.pk])).status_code == 302
    response = push([record()], token)
    assert response.status_code == 401 and "dicabut" in response.json()["detail"]
    assert not Appraisal.objects.exists()


def test_an_expired_token_is_a_401_with_the_date(token, registered):
    now = timezone.now()
    ApiToken.objects.update(
        created_at=now - datetime.timedelta(days=90), expires_at=now - datetime.timedelta(minutes=1)
    )
    response = push([record()], token)
    assert response.status_code == 401 and "kedaluwarsa sejak" in response.json()["detail"]
    assert not Appraisal.objects.exists()


def test_the_key_is_stored_only_as_its_hash(token):
    api_token = ApiToken.objects.get()
    assert api_token.key_hash == hashlib.sha256(token.encode()).hexdigest()
    assert api_token.prefix == token[:8] and len(token) >= 40
    stored = json.dumps(list(ApiToken.objects.values()), default=str)
    assert token not in stored


def test_a_key_that_shares_the_prefix_is_still_unknown(token, registered):
    response = push([record()], token[:8] + "x" * (len(token) - 8))
    assert response.status_code == 401 and "tidak dikenal" in response.json()["detail"]


def test_last_use_is_recorded_at_most_once_a_minute(token, registered):
    push([record()], token)
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    push([record()], token)
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=first - datetime.timedelta(minutes=2))
    push([record()], token)
    assert ApiToken.objects.get().last_used_at > first


def test_only_service_accounts_hold_tokens_and_a_service_account_has_no_admin(pelatih, hr_with_mfa, registered):
    with pytest.raises(ValidationError):
        api_token_create(user=hr_with_mfa, name="Token SDM")
    # Even a token forged into the table for a non-service account is refused.
    key = "k" * 43
    ApiToken.objects.create(
        name="palsu",
        prefix=key[:8],
        key_hash=hashlib.sha256(key.encode()).hexdigest(),
        user=pelatih,
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    response = push([record()], key)
    assert response.status_code == 403 and "akun layanan API" in response.json()["detail"]
    assert not Appraisal.objects.exists()
    service = api_client_create(name="SIMPEG").user
    assert list(service.groups.values_list("name", flat=True)) == ["layanan-api"]
    assert not service.has_usable_password() and not service.has_perm("wagtailadmin.access_admin")
    assert not service.is_staff and not service.is_superuser


def test_requests_over_the_rate_are_a_429_per_token(token, registered, settings):
    settings.KOMPETEN_API_RATE = "2/min"
    other = api_client_create(name="Sistem lain").key
    assert push([record()], token).status_code == 200
    assert push([record()], token).status_code == 200
    response = push([record()], token)
    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.json()["detail"] and int(response["Retry-After"]) > 0
    assert push([record()], other).status_code == 200  # counted per token


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{not json", "bukan JSON yang sah"),
        ("", "bukan JSON yang sah"),
        ('[{"nip": NaN}]', "bukan JSON yang sah"),
        (json.dumps({"nip": "x"}), "harus berupa daftar"),
        (json.dumps("teks"), "harus berupa daftar"),
        ("[]", "Daftar penilaian kosong"),
    ],
)
def test_bad_bodies_are_a_400_and_write_nothing(token, registered, body, message):
    response = push(body, token, raw=True)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert not Appraisal.objects.exists()


def test_a_body_that_is_not_json_is_a_400_whatever_its_content_type(token):
    response = Client().post(URL, data="nip=1", content_type="text/plain", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 400


def test_bad_rows_are_a_400_with_every_error_and_nothing_written(token, registered):
    records = [
        record(),
        record(nip=nip(8), nama="Budi", unit_kerja="Dinas Antah", jabatan="analis-sdm"),
        record(periode="I", tahun=1990, predikat="Top"),
        42,
        record(nip=1.99204202019032e17, periode="II"),
    ]
    response = push(records, token)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Tidak ada yang disimpan: 5 kesalahan."
    assert [(e["baris"], e["kolom"]) for e in body["kesalahan"]] == [
        (3, "tahun"),
        (3, "predikat"),
        (4, ""),
        (5, "nip"),
        (2, "unit_kerja"),
    ]
    assert body["kesalahan"][3]["pesan"].startswith("NIP tampaknya diubah Excel menjadi angka")
    assert not Appraisal.objects.exists() and not Employee.objects.filter(nip=nip(8)).exists()


def test_a_body_over_the_limit_is_refused(token, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = push([record() for _ in range(20)], token)
    assert response.status_code == 413 and "terlalu besar" in response.json()["detail"]


def reauthenticated(client, user, password):
    """The client of `user` just after they typed their password again on allauth's page."""
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def test_creating_a_token_asks_for_the_password_again_then_creates_it(hr_with_mfa, password):
    client = Client()
    client.force_login(hr_with_mfa)
    url = reverse("appraisal_api_tokens")
    assert client.get(url).status_code == 200
    response = client.post(url, {"nama": "SIMPEG BKD Provinsi", "masa_berlaku": "90"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    assert not ApiToken.objects.exists()
    # The password, and the suspended POST goes through: the key is on this answer.
    response = client.post(response["Location"], {"password": password}, follow=True)
    api_token = ApiToken.objects.get()
    assert api_token.created_by == hr_with_mfa
    assert api_token.prefix in response.content.decode() and 'data-testid="new-key"' in response.content.decode()


def test_hr_creates_a_token_on_the_admin_page_and_sees_its_key_once(hr_with_mfa, password):
    client = reauthenticated(Client(), hr_with_mfa, password)
    url = reverse("appraisal_api_tokens")
    response = client.post(url, {"nama": "SIMPEG BKD Provinsi", "masa_berlaku": "30"})
    assert response.status_code == 200
    api_token = ApiToken.objects.select_related("user").get()
    key = re.search(r'data-testid="new-key">([^<]+)<', response.content.decode()).group(1)
    assert api_token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert (api_token.expires_at - timezone.now()).days in (29, 30)
    user = api_token.user
    assert user.username == "api-simpeg-bkd-provinsi" and not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["layanan-api"]
    assert push([record()], key).status_code in (200, 400)  # the key works (400: no such employee)
    listing = client.get(url).content.decode()
    assert "SIMPEG BKD Provinsi" in listing and key not in listing and api_token.prefix in listing
    assert "Aktif" in listing and "Terakhir dipakai" in listing
    assert client.post(url, {"nama": "", "masa_berlaku": "30"}).status_code == 400
    # A second key for the same service account (rotation), then the old one is revoked.
    response = client.post(url, {"nama": "SIMPEG baru", "akun": user.pk, "masa_berlaku": "90"})
    assert response.status_code == 200 and ApiToken.objects.filter(user=user).count() == 2
    client.post(reverse("appraisal_api_token_revoke", args=[api_token.pk]))
    assert push([record()], key).status_code == 401
    assert "Dicabut" in client.get(url).content.decode()


# --- the OpenAPI description -----------------------------------------------------------------------
def deref(spec, node):
    """The schema a $ref points at (refs are local: #/components/...)."""
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def conforms(spec, schema, value, path="$") -> list[str]:
    """Problems of `value` against an OpenAPI 3.0 schema (the subset this API uses)."""
    schema = deref(spec, schema)
    if value is None:
        return [] if schema.get("nullable") else [f"{path}: null"]
    if "oneOf" in schema:
        matches = [s for s in schema["oneOf"] if not conforms(spec, s, value, path)]
        return [] if len(matches) == 1 else [f"{path}: matches {len(matches)} of oneOf"]
    kind = schema.get("type")
    checks = {
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
    }
    if kind and not checks[kind]:
        return [f"{path}: not {kind}"]
    problems = []
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{path}: not in enum")
    if kind == "object":
        problems += [f"{path}.{key}: missing" for key in schema.get("required", []) if key not in value]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                problems += conforms(spec, sub, value[key], f"{path}.{key}")
    if kind == "array":
        if len(value) < schema.get("minItems", 0):
            problems.append(f"{path}: too few items")
        for index, item in enumerate(value):
            problems += conforms(spec, schema["items"], item, f"{path}[{index}]")
    return problems


def refs_in(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs_in(item)


@pytest.fixture
def spec():
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def test_the_openapi_document_is_well_formed(spec):
    assert re.fullmatch(r"3\.0\.\d", spec["openapi"])
    assert spec["info"]["title"] and spec["info"]["version"]
    operations = [op for item in spec["paths"].values() for op in item.values()]
    assert len({op["operationId"] for op in operations}) == len(operations)
    for operation in operations:
        assert operation["responses"] and all("description" in r for r in operation["responses"].values())
    for ref in refs_in(spec):
        assert deref(spec, {"$ref": ref}), ref
    for requirement in spec["security"]:
        assert set(requirement) <= set(spec["components"]["securitySchemes"])
    record_schema = spec["components"]["schemas"]["Penilaian"]
    assert list(record_schema["properties"]) == list(COLUMNS) and record_schema["required"] == list(REQUIRED)
    try:  # the full check, where the validator is installed (it is not a project dependency)
        from openapi_spec_validator import validate
    except ImportError:
        return
    validate(spec)


def test_the_api_answers_as_its_openapi_document_says(spec, token, registered):
    operation = spec["paths"]["/api/penilaian/"]["post"]
    request_schema = operation["requestBody"]["content"]["application/json"]["schema"]
    body = [record(), record(periode="I")]
    assert conforms(spec, request_schema, body) == []

    def check(response):
        schema = operation["responses"][str(response.status_code)]["content"]["application/json"]["schema"]
        assert conforms(spec, schema, response.json()) == [], response.json()

    check(push(body, token))  # 200
    check(push([record(tahun="x")], token))  # 400 with row errors
    check(push("{", token, raw=True))  # 400 for the body
    check(push(body))  # 401
    assert conforms(spec, request_schema, [{"nip": nip(1)}])  # the document says what is required
