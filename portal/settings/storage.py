"""Where uploaded files live: two folders on this server (the default), or one S3-compatible bucket
when KOMPETEN_S3_BUCKET is set, so that more than one application server sees the same files.

In the bucket, public media (images, documents of pages) live under `media/` with public-read
objects and plain URLs, so that Wagtail's renditions can be linked from a page and cached; private
files (certificates, proofs, appraisal imports) live under `private/` with private objects and no URL
at all (portal.storage_s3): they leave only through a view that checks who asks. Credentials are not
settings: boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an instance role) itself.
"""

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

MEDIA_PREFIX = "media"
PRIVATE_PREFIX = "private"
# A file larger than this is spooled to a temporary file on its way to or from the bucket.
SPOOL_BYTES = 5 * 1024 * 1024


def storages(*, staticfiles: str, environ: Mapping[str, str] = os.environ) -> dict:
    """The STORAGES setting, with `staticfiles` as the static files' backend."""
    bucket = environ.get("KOMPETEN_S3_BUCKET", "")
    if not bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": staticfiles},
            "private": {"BACKEND": "portal.storage.PrivateStorage"},
        }
    acls = environ.get("KOMPETEN_S3_OBJECT_ACLS", "true").lower() in ("1", "true", "yes", "on")
    common = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("KOMPETEN_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("KOMPETEN_S3_REGION") or None,
        "addressing_style": environ.get("KOMPETEN_S3_ADDRESSING_STYLE") or None,
        "file_overwrite": False,  # two uploads of "bukti.pdf" are two files, as on a disk
        "max_memory_size": SPOOL_BYTES,
    }
    media = {
        **common,
        "location": MEDIA_PREFIX,
        "default_acl": "public-read" if acls else None,
        "querystring_auth": False,
        "custom_domain": environ.get("KOMPETEN_S3_CUSTOM_DOMAIN") or None,
    }
    private = {**common, "location": PRIVATE_PREFIX, "default_acl": "private" if acls else None}
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": media},
        "staticfiles": {"BACKEND": staticfiles},
        "private": {"BACKEND": "portal.storage_s3.PrivateS3Storage", "OPTIONS": private},
    }


def media_origins(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The origins public media are served from, for the Content-Security-Policy (none: this site)."""
    bucket = environ.get("KOMPETEN_S3_BUCKET", "")
    if not bucket:
        return []
    if domain := environ.get("KOMPETEN_S3_CUSTOM_DOMAIN"):
        return [f"https://{domain}"]
    if endpoint := environ.get("KOMPETEN_S3_ENDPOINT_URL"):
        parts = urlsplit(endpoint)
        # path-style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key), as boto3 chooses
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    region = environ.get("KOMPETEN_S3_REGION", "")
    hosts = [f"{bucket}.s3.amazonaws.com"] + ([f"{bucket}.s3.{region}.amazonaws.com"] if region else [])
    return [f"https://{host}" for host in hosts]
