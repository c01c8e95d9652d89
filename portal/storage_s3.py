"""Private files in an S3-compatible bucket (KOMPETEN_S3_BUCKET, see portal.settings.storage).

Core, like portal.storage: every app may import it; it imports no app. It is a module of its own so
that an installation without a bucket never imports boto3.
"""

from storages.backends.s3 import S3Storage

from .storage import no_url


class PrivateS3Storage(S3Storage):
    """Objects under `private/`, each with a private ACL: no URL, not even a signed one, so that a
    link cannot outlive the permission check of the view that sends the file."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        no_url()
