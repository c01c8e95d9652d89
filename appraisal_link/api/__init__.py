"""The JSON API through which the regional HR system pushes appraisals (token authentication, DRF).

`POST /api/penilaian/` takes the same records as the file import (a list of objects keyed by the file's
column names), validated by the same code, all or nothing and idempotent. `GET /api/openapi.json` is
its OpenAPI 3 description. Tokens (appraisal_link.models.ApiToken: hashed, expiring, revocable) belong
to service accounts of the "layanan-api" group, which can do nothing but this; HR creates both on an admin
page (appraisal_link.admin_views.tokens). Requests are throttled per token (KOMPETEN_API_RATE).
"""
