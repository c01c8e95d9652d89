"""The JSON API through which the regional HR system pushes appraisals (token authentication, DRF).

`POST /api/penilaian/` takes the same records as the file import (a list of objects keyed by the file's
column names), validated by the same code, all or nothing and idempotent. `GET /api/openapi.json` is
its OpenAPI 3 description. Tokens are DRF authtokens of service accounts in the hr group, which HR
creates on an admin page (appraisal_link.admin_views.tokens).
"""
