from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from articles.models import SiteSettings
from articles.navigation import primary_navigation


def site_settings(request: HttpRequest) -> dict:
    language = get_language()
    return {
        "site_settings": SiteSettings.load().for_language(language),
        "navigation": primary_navigation(language),
    }


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def language_links_for(urls: dict[str, str]) -> list[LanguageLink]:
    """A link per language, named in its own language ("español")."""
    current = get_language()
    return [
        LanguageLink(
            code, get_language_info(code)["name_local"], urls[code], code == current
        )
        for code, _name in settings.LANGUAGES
    ]


def languages(request: HttpRequest) -> dict:
    """The language switcher's links: this same page in each language. Views
    whose page differs by language (an article) pass their own."""
    path = request.get_full_path()
    return {
        "language_links": language_links_for(
            {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
        )
    }
