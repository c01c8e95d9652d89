"""Sending a private file (a certificate PDF, a proof, an import file) to someone a view has checked:
through the web server when it is configured for it (nginx's X-Accel-Redirect to an internal
location, KOMPETEN_X_ACCEL_PREFIX) and the file is on this machine's disk, else from Python. A file
in an S3 bucket is always streamed from Python, whatever KOMPETEN_X_ACCEL_PREFIX says: nginx cannot
read the bucket, and a signed URL would outlive the permission check. Never cached by anyone.

Core: every app may import it; it imports no app."""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header


def private_file_response(field_file, *, filename: str, as_attachment: bool = True, content_type: str = ""):
    """The file of a FileField in private storage as a response; a 404 when it is missing."""
    if not field_file:
        raise Http404
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    prefix = getattr(settings, "KOMPETEN_X_ACCEL_PREFIX", "")
    if prefix and isinstance(field_file.storage, FileSystemStorage):
        if not field_file.storage.exists(field_file.name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        try:
            file = field_file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(file, as_attachment=as_attachment, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response
