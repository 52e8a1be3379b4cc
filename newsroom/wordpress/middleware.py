from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from newsroom.wordpress.models import LegacyPath


class LegacyRedirectMiddleware:
    """Send an address of the old WordPress site to the article it became.

    Like django.contrib.redirects, it looks only at requests nothing else
    answered, so it costs one query per 404 and none on other pages. Listed
    after LocaleMiddleware, it answers before that one redirects an unknown
    path to a language prefix.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        article = LegacyPath.objects.published_article_for(
            request.path_info, request.GET
        )
        if article is None:
            return response
        return HttpResponsePermanentRedirect(article.get_absolute_url())
