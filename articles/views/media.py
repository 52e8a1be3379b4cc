"""Uploaded files, served only once something public shows them.

Django decides; the file itself is sent by the web server in front when
MEDIA_ACCEL_REDIRECT names its internal location (nginx's X-Accel-Redirect),
or streamed from here otherwise.
"""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from articles.public_media import is_public_file

# Long enough for browsers and a cache in front to spare us most requests,
# short enough that an image unpublished with its article goes soon after.
PUBLIC_MAX_AGE = 60 * 60


@require_safe
def serve_media(request: HttpRequest, name: str) -> HttpResponse:
    """The stored file ``name`` for anyone when it is public, for staff when
    it is not; a 404 otherwise, so a guess learns nothing."""
    public = is_public_file(name)
    if not (public or (request.user.is_active and request.user.is_staff)):
        raise Http404
    try:
        if settings.NEWSROOM_MEDIA_ACCEL_REDIRECT:
            if not default_storage.exists(name):
                raise Http404
            response = HttpResponse(content_type=mimetypes.guess_type(name)[0])
            response["X-Accel-Redirect"] = (
                settings.NEWSROOM_MEDIA_ACCEL_REDIRECT + quote(name)
            )
        else:
            # FileResponse closes the file once it is sent.
            response = FileResponse(default_storage.open(name, "rb"))
    except (SuspiciousFileOperation, FileNotFoundError, IsADirectoryError):
        raise Http404 from None
    if public:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
        # Republished copies on other sites show the article's image.
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
