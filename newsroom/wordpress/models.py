from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Author

# WordPress's own query-string addresses, which work whatever the permalinks.
ID_PARAMETERS = ("p", "page_id")


def legacy_key(path: str) -> str:
    """One spelling of an old path: decoded, without its trailing slash and
    without a language prefix of this site (``/es/2016/05/x/`` and
    ``/2016/05/x`` are the same old address)."""
    path = "/" + unquote(path).strip("/")
    first, _sep, rest = path[1:].partition("/")
    if first in dict(settings.LANGUAGES):
        path = "/" + rest
    return path


def id_key(parameter: str, value: str) -> str:
    return f"/?{parameter}={value}"


def address_key(address: str) -> str | None:
    """How an old address given as a URL or a path is stored: its ?p= or
    ?page_id= form when it has one, else its path; None for the site's home,
    which only its own page may answer."""
    parts = urlsplit(address)
    query = parse_qs(parts.query)
    for name in ID_PARAMETERS:
        value = query.get(name, [""])[0]
        if value.isdigit():
            return id_key(name, value)
    path = legacy_key(parts.path)
    return None if path == "/" else path


class LegacyPathQuerySet(models.QuerySet):
    def published_article_for(self, path: str, query: dict) -> Article | None:
        """The published article an old address leads to, if any. A draft's old
        address finds nothing, so it cannot reveal that the draft exists."""
        keys = [legacy_key(path)]
        keys += [
            id_key(name, query[name])
            for name in ID_PARAMETERS
            if query.get(name, "").isdigit()
        ]
        keys = [key for key in keys if key != "/"]
        if not keys:
            return None
        return (
            Article.objects.published()
            .filter(legacy_paths__path__in=keys)
            .only("slug", "language")
            .first()
        )


class LegacyPath(models.Model):
    """An address an article had on the site it was imported from."""

    path = models.CharField(
        _("old path"),
        max_length=500,
        unique=True,
        help_text=_(
            "As it was on the old site, without the domain: /2016/05/11/my-post/ "
            "or /?p=123."
        ),
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="legacy_paths",
        verbose_name=_("article"),
    )

    objects = LegacyPathQuerySet.as_manager()

    class Meta:
        verbose_name = _("address on the old site")
        verbose_name_plural = _("addresses on the old site")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.path

    def save(self, *args, **kwargs) -> None:
        self.path = address_key(self.path) or self.path
        super().save(*args, **kwargs)

    def clean(self) -> None:
        # Normalized before the uniqueness check, which would otherwise let
        # "/x/" through beside a stored "/x".
        key = address_key(self.path)
        if key is None:
            raise ValidationError(
                {"path": _("Give a path other than the home page of the old site.")}
            )
        self.path = key


class ImportedPost(models.Model):
    """Which WordPress post an article came from, so a second import of the
    same export updates the article instead of creating another."""

    source = models.CharField(_("source site"), max_length=300)
    post_id = models.PositiveBigIntegerField(_("WordPress post ID"))
    guid = models.CharField(_("WordPress GUID"), max_length=500, blank=True)
    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        related_name="wordpress_post",
        verbose_name=_("article"),
    )
    # A digest of what the export said, to tell a changed post from the same.
    source_digest = models.CharField(max_length=64, editable=False)
    # The article's updated_at right after the import: a later value means an
    # editor has changed it since, and a re-import leaves it alone.
    article_updated_at = models.DateTimeField(editable=False)
    featured_image = models.CharField(
        _("featured image file"), max_length=500, blank=True, editable=False
    )
    seo_title = models.CharField(
        _("SEO title"),
        max_length=300,
        blank=True,
        help_text=_("Yoast's title for search engines; articles have no place for it."),
    )
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress post")
        verbose_name_plural = _("imported WordPress posts")
        ordering = ["-imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "post_id"], name="unique_wordpress_post"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} #{self.post_id}"

    @property
    def edited_since_import(self) -> bool:
        return self.article.updated_at != self.article_updated_at


class ImportedAuthor(models.Model):
    """Which Newsroom author a WordPress login became, per source site."""

    source = models.CharField(_("source site"), max_length=300)
    login = models.CharField(_("WordPress login"), max_length=200)
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )

    class Meta:
        verbose_name = _("imported WordPress author")
        verbose_name_plural = _("imported WordPress authors")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "login"], name="unique_wordpress_author"
            )
        ]

    def __str__(self) -> str:
        return f"{self.login} → {self.author}"
