"""Addresses written with another language's URL words keep working."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation


def address_in_language(path: str, language: str) -> str | None:
    """``path`` (under ``/<language>/``) rewritten with ``language``'s URL
    words when it names a page in another language's words: ``/es/news/x/``
    is ``/es/noticias/x/``. None when it names no page in any language."""
    prefix = f"/{language}/"
    if not path.startswith(prefix):
        return None
    rest = path.removeprefix(prefix)
    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        with translation.override(code):
            try:
                match = resolve(f"/{code}/{rest}")
            except Resolver404:
                continue
        with translation.override(language):
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                continue
    return None


class TranslatedAddressMiddleware:
    """Sends a reader who asks for ``/es/news/`` (the English words under the
    Spanish prefix, as every Spanish address once was) to ``/es/noticias/``
    with a 301, so nothing already shared or indexed breaks. Only a 404 is
    looked at: pages that exist are never slowed down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        path = request.path_info
        target = address_in_language(path, translation.get_language())
        if target is None or target == path:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
