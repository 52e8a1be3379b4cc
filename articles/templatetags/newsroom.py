import json
from datetime import datetime

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.middleware.csrf import get_token
from django.template.defaultfilters import date
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import embeds
from articles.figures import render_figures
from articles.reader_forms import TOKEN_FIELD, issue_token
from articles.structured_data import absolute
from articles.xml_characters import xml_safe

register = template.Library()


@register.filter
def machine_time(value: datetime | None) -> str:
    """A time for ``<time datetime>``: ISO 8601 in the site's zone, whole
    seconds (HTML accepts at most three decimals, Python writes six)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


# The characters that could end a <script> element or open a comment, written
# as JSON escapes (the same table Django's json_script filter uses).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict) -> str:
    """A JSON-LD data block. Not a script: browsers never run it, so it stands
    with a Content-Security-Policy that forbids inline scripts."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Safe: every character that could close the element is escaped above.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )


register.filter("absolute", absolute)
# Sanitized rich text with its library figures drawn: ``html|with_figures:images``.
register.filter("with_figures", render_figures, is_safe=True)
register.filter("xml_safe", xml_safe, is_safe=True)


OG_LOCALES = {"en": "en_US", "es": "es_LA"}


@register.filter
def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language)


@register.simple_tag(takes_context=True)
def reader_form_fields(context, action: str) -> str:
    """The hidden fields of a form readers post to ``action``: the token the
    same for every reader, and Django's CSRF token for logged-in staff only,
    so the page readers get carries no per-visitor state."""
    request = context["request"]
    fields = format_html(
        '<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, issue_token(action)
    )
    # Without a session cookie the reader is anonymous: the session is not
    # even opened, so the page does not vary by cookie.
    if (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        and request.user.is_authenticated
    ):
        fields += format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
            get_token(request),
        )
    return fields


# Day, abbreviated month, year: "11 May 2016" and "11 may 2016" alike, on
# cards and meta lines in every language (each language's own DATE_FORMAT
# differs in length: the long Spanish month against the short English one).
SHORT_DATE_FORMAT = "j M Y"


@register.filter
def short_date(value: datetime | None) -> str:
    return date(value, SHORT_DATE_FORMAT) if value else ""


@register.filter
def with_embeds(body_html: str) -> str:
    """A cleaned body with its embeds as click-to-load placeholders."""
    return embeds.as_placeholders(body_html)
