"""Forms readers post from cached pages: feedback votes and comments.

Django's CSRF protection needs a cookie per visitor, and a page that sets a
cookie cannot be cached for everyone. These two forms carry instead a signed,
time-stamped token that is the same for every reader of a page, and a POST
is accepted only when the browser says it comes from this site (the Origin
header, or the Referer where Origin is absent). The threat is a page on
another site making a reader's browser post a vote or a message: the
browser names that other site in Origin, and the post is refused. The token
bounds how long a cached form stays usable and ties it to one form of one
article; it is not secret, and needs not be, because what it guards is
anonymous. Logged-in staff keep Django's own CSRF check here as everywhere.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _

TOKEN_FIELD = "form_token"
SALT = "articles.reader-forms"


class FormRefused(Exception):
    """A post that may not be accepted; the message is for the reader."""


def issue_token(action: str) -> str:
    """A token for the form posting to ``action`` (its path)."""
    return signing.TimestampSigner(salt=SALT).sign(action)


def check_post(request: HttpRequest) -> None:
    """Raise FormRefused unless ``request`` may post this reader form."""
    if request.user.is_authenticated:
        # Staff pages are never cached, so they carry Django's CSRF token.
        failure = CsrfViewMiddleware(lambda request: None).process_view(
            request, None, (), {}
        )
        if failure is not None:
            raise FormRefused(_("This form expired. Please send it again."))
        return
    if not comes_from_this_site(request):
        raise FormRefused(_("This form was sent from another site, so it was refused."))
    try:
        action = signing.TimestampSigner(salt=SALT).unsign(
            request.POST.get(TOKEN_FIELD, ""),
            max_age=settings.NEWSROOM_READER_FORM_MAX_AGE,
        )
    except signing.SignatureExpired:
        raise FormRefused(
            _("This page was open too long. Your text is kept: please send it again.")
        ) from None
    except signing.BadSignature:
        raise FormRefused(
            _("This form could not be checked. Please send it again.")
        ) from None
    if action != request.path:
        raise FormRefused(_("This form belongs to another page. Please send it again."))


def comes_from_this_site(request: HttpRequest) -> bool:
    """Whether the browser says the post comes from one of this site's pages."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    parts = urlsplit(source)
    if not parts.scheme or not parts.netloc:
        return False
    origin = f"{parts.scheme}://{parts.netloc}"
    ours = {settings.SITE_URL, *settings.CSRF_TRUSTED_ORIGINS}
    ours.add(f"{request.scheme}://{request.get_host()}")
    return origin in ours
