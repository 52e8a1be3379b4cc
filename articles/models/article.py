import html
import re
from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles import related
from articles.embeds import validate_embeds
from articles.models.article_history import ArticleHistory
from articles.models.licences import LicenceTerms, site_licence
from articles.models.media import Image, figures_field
from articles.models.publishing import Publishable, PublishableQuerySet, Status
from articles.models.site import SiteSettings
from articles.models.taxonomy import Author, Country, TaggedArticle
from articles.sanitize import clean_rich_text

# The fixed part of the publishing rule (the time part moves): the condition
# of the partial indexes that public queries read.
PUBLIC = Q(status=Status.PUBLISHED, trashed_at__isnull=True)
WORDS_PER_MINUTE = 230
"""An adult's silent reading speed for non-fiction, for the reading time."""
WORD = re.compile(r"\w[\w'’-]*")


class Kind(models.TextChoices):
    BRIEF = "brief", _("Brief")
    NEWS = "news", _("News")
    ANALYSIS = "analysis", _("Analysis")
    INVESTIGATION = "investigation", _("Investigation")
    PROFILE = "profile", _("Profile")


# An article's texts: most of a row's bytes, and nothing a card shows.
TEXTS = ("body", "body_html", "search_text", "search_vector")


class ArticleQuerySet(PublishableQuerySet):
    def with_card_data(self) -> "ArticleQuerySet":
        """What a card shows, in a fixed number of queries, without the
        article's texts: twenty cards read a few kilobytes, not a few hundred."""
        return self.with_byline_data().defer(*TEXTS)

    def with_byline_data(self) -> "ArticleQuerySet":
        """Whole articles with what a byline shows: country, authors, image
        and licence, in a fixed number of queries."""
        return self.select_related(
            "country", "featured_image", "licence"
        ).prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author"),
            )
        )

    def related_by_subject(
        self, article: "Article", wanted: int, exclude: Iterable[int] = ()
    ) -> "ArticleQuerySet":
        """Articles in ``article``'s language but ``exclude``, best related
        first: scored by shared countries, topics and rare tags, then the
        newest of its kind to make ``wanted`` (see ``articles.related``).
        Tags and topics are read from ``article``: prefetch them."""
        return related.scored(self, article, wanted, exclude)

    def newest_of_each(self, field: str, values, count: int) -> "ArticleQuerySet":
        """The newest ``count`` articles for each of ``values`` of ``field``,
        newest first: one small query per value through the listing index,
        then one for the rows, instead of ranking every article of the
        archive."""
        ids = [
            pk
            for value in values
            for pk in self.filter(**{field: value})
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[:count]
        ]
        return self.filter(pk__in=ids).order_by("-published_at", "-pk")

    def by_person(self, user) -> "ArticleQuerySet":
        """Articles ``user`` started or signs with their byline."""
        # The person's few articles are found first, by their indexes, and the
        # list then sorted: an OR over every row would read the whole archive
        # when the person has little in it (seconds at 100,000 articles).
        started = Article.objects.filter(created_by=user).order_by().values("pk")
        signs = (
            ArticleAuthor.objects.filter(author__user=user)
            .order_by()
            .values("article_id")
        )
        return self.filter(pk__in=started.union(signs))

    def republishable(self) -> "ArticleQuerySet":
        """Articles other outlets may republish: allowed on the article and
        not excluded by its licence, nor by kind or topic in the site
        settings."""
        site = SiteSettings.load()
        return (
            self.filter(allow_republishing=True)
            .exclude(licence__allows_republishing=False)
            .exclude(kind__in=site.no_republish_kinds)
            .exclude(topics__in=site.no_republish_topic_ids)
        )

    def canonical_here(self) -> "ArticleQuerySet":
        """Articles whose canonical address is ours: not those first
        published elsewhere, whose canonical link names the original."""
        return self.filter(original_url="")

    def with_page_data(self) -> "ArticleQuerySet":
        """Everything the article page shows, in a fixed number of queries
        however many sections, tags, topics or related picks there are."""
        published_picks = RelatedArticle.objects.filter(
            related__in=Article.objects.published()
        ).select_related("related__country")
        return (
            self.with_byline_data()
            .select_related("translation", "original_outlet")
            .prefetch_related(
                "sections",
                "corrections",
                "partners",
                "countries",
                "topics",
                "tags",
                Prefetch("related_links", published_picks, to_attr="published_picks"),
                Prefetch(
                    "published_picks__related__article_authors",
                    ArticleAuthor.objects.select_related("author"),
                ),
            )
        )


class Article(ArticleHistory, Publishable):
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind, default=Kind.BRIEF, db_index=True
    )
    dek = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_(
            "The first paragraph readers see; also used on cards, in feeds and "
            "by search engines."
        ),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        validators=[validate_embeds],
        help_text=_(
            "Pasted text keeps its headings, lists, links and tables and loses "
            "its fonts and colours."
        ),
    )
    body_html = models.TextField(editable=False, blank=True)
    search_text = models.TextField(
        editable=False,
        blank=True,
        help_text=_("Plain text of the body and analysis sections, for search."),
    )
    # On PostgreSQL a trigger fills it from the title, summary, authors and
    # search text, and a GIN index serves it (migration 0012; the index is
    # not declared here because SQLite, where the field stays empty, would
    # fail to recreate it whenever a migration rebuilds this table).
    search_vector = SearchVectorField(null=True, editable=False)
    authors = models.ManyToManyField(
        Author,
        through="ArticleAuthor",
        related_name="articles",
        verbose_name=_("authors"),
    )
    country = models.ForeignKey(
        "articles.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="primary_articles",
        verbose_name=_("primary country"),
        help_text=_("Named in the meta line; one of the countries below."),
    )
    # Every country of the article, the primary one included (kept there on
    # save and whenever the set changes: articles.signals): "the articles
    # about a country" is then one lookup, ``countries``, which subject pages,
    # feeds, filters, sitemaps and related content share and an index serves,
    # instead of "primary or further" written as an OR at each of them.
    # Its automatic table is indexed both ways, by the unique (article,
    # country) and by country: a (country, article) index was measured at
    # 100,000 articles and never chosen by PostgreSQL's planner over these.
    countries = models.ManyToManyField(
        "articles.Country",
        blank=True,
        related_name="articles",
        verbose_name=_("countries"),
        help_text=_(
            "Every country the article is about; the primary country is "
            "always among them."
        ),
    )
    topics = models.ManyToManyField(
        "articles.Topic", blank=True, related_name="articles", verbose_name=_("topics")
    )
    tags = TaggableManager(_("tags"), through=TaggedArticle, blank=True)
    # PROTECT: a library image shown by an article cannot be deleted from
    # the library (the admin names the articles instead); SET_NULL would take
    # the picture off published articles without anyone noticing.
    featured_image = models.ForeignKey(
        "articles.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="featured_in_articles",
        verbose_name=_("featured image"),
        help_text=_(
            "From the media library, where its description, caption, credit "
            "and focal point are set."
        ),
    )
    # Those of the body and the analysis sections (``record_figures``).
    figures = figures_field(related_name="figure_in_articles")
    translation = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("translation"),
        help_text=_("The same article in the other language; linked both ways."),
    )
    related = models.ManyToManyField(
        "self",
        through="RelatedArticle",
        symmetrical=False,
        blank=True,
        related_name="+",
        verbose_name=_("related articles"),
    )
    allow_republishing = models.BooleanField(
        _("allow republishing"),
        default=True,
        help_text=_("Other outlets may republish this article under the licence."),
    )
    licence = models.ForeignKey(
        "articles.Licence",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("licence"),
        help_text=_("Left empty, the site's licence applies."),
    )
    original_outlet = models.ForeignKey(
        "articles.Outlet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="first_published",
        verbose_name=_("originally published by"),
        help_text=_("The outlet that published this piece first, if not us."),
    )
    original_url = models.URLField(
        _("original address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where the outlet published it. Search engines are then sent there "
            "as the original."
        ),
    )
    partners = models.ManyToManyField(
        "articles.Outlet",
        blank=True,
        related_name="partnered",
        verbose_name=_("in partnership with"),
    )
    objects = ArticleQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
        ]
        indexes = [
            # Feeds and sitemaps: published articles in every language.
            models.Index(
                fields=["status", "published_at", "id"], name="article_published"
            ),
            # Listings: one language's published articles, newest first,
            # optionally of one kind or one country.
            models.Index(
                fields=["language", "status", "published_at", "id"],
                name="article_listing",
            ),
            models.Index(
                fields=["language", "status", "kind", "published_at", "id"],
                name="article_kind_listing",
            ),
            models.Index(
                fields=["country", "language", "status", "published_at"],
                name="article_country_listing",
            ),
            # The admin's list: everything not in the trash, newest first, its
            # pages' ids read from this index alone however deep the page.
            models.Index(
                fields=["-published_at", "-id"],
                name="article_admin_list",
                condition=Q(trashed_at__isnull=True),
            ),
            # Public pages, sitemaps and subject sitemaps: published articles
            # not in the trash, read from the index alone (no row visits to
            # test the rule), all languages or one; the article sitemap also
            # leaves out pieces first published elsewhere (original_url).
            models.Index(
                fields=["published_at", "id"],
                include=["language", "country", "original_url"],
                condition=PUBLIC,
                name="article_public",
            ),
            models.Index(
                fields=["language", "published_at", "id"],
                condition=PUBLIC,
                name="article_public_listing",
            ),
        ]

    def clean(self) -> None:
        errors = {}
        if self.translation_id:
            if self.pk and self.translation_id == self.pk:
                errors["translation"] = _("An article cannot be its own translation.")
            elif self.translation.language == self.language:
                errors["translation"] = _(
                    "The translation must be in another language than the article."
                )
        if self.original_url and not self.original_outlet_id:
            errors["original_outlet"] = _(
                "Name the outlet that published the original."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        self.body_html = clean_rich_text(self.body, self.language)
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "body_html", "search_text"}
        stored = (
            Article.objects.filter(pk=self.pk).values("slug", "country").first()
            if self.pk
            else None
        ) or {"slug": "", "country": None}
        with transaction.atomic():
            self._unlink_stale_translations()
            self._remember_former_slug(stored["slug"])
            super().save(*args, **kwargs)
            if self.translation_id:
                Article.objects.filter(pk=self.translation_id).update(translation=self)
            if self.country_id and self.country_id != stored["country"]:
                self.countries.add(self.country_id)
            self.record_figures()

    def _remember_former_slug(self, former: str) -> None:
        """Keep the old address of a renamed article, so links to it redirect."""
        if former and former != self.slug:
            FormerSlug.objects.filter(slug=self.slug).delete()
            FormerSlug.objects.update_or_create(slug=former, defaults={"article": self})

    def _unlink_stale_translations(self) -> None:
        """Keep translation links symmetric: A ↔ B, never A → B while B → C.

        Runs before the save so no moment holds two links to one article,
        which the one-to-one constraint would refuse.
        """
        if self.translation_id:
            Article.objects.filter(translation_id=self.translation_id).exclude(
                pk=self.pk
            ).update(translation=None)
        if self.pk:
            Article.objects.filter(translation_id=self.pk).exclude(
                pk=self.translation_id
            ).update(translation=None)

    def may_edit(self, user) -> bool:
        """Writers edit their own articles until an editor publishes them."""
        if not super().may_edit(user):
            return False
        return user is None or self.may_publish(user) or self.created_by_id == user.pk

    def articles_relinked_by(self, translation_id: int | None) -> "ArticleQuerySet":
        """The other articles whose translation link changes if this one is
        linked to ``translation_id``: the new partner, the partner it leaves,
        and whatever each of them was linked to: the pairs
        ``_unlink_stale_translations`` breaks to keep links symmetric."""
        if translation_id == self.translation_id:
            return Article.objects.none()
        touched = models.Q(pk__in=[])
        for partner in (translation_id, self.translation_id):
            if partner is not None:
                touched |= models.Q(pk=partner) | models.Q(translation_id=partner)
        if self.pk:
            touched |= models.Q(translation_id=self.pk)
        return Article.objects.filter(touched).exclude(pk=self.pk)

    @property
    def word_count(self) -> int:
        """Words of the body as the writer sees them (the editor counts alike)."""
        text = html.unescape(re.sub(r"<[^>]*>", " ", self.body))
        return len(WORD.findall(text))

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.word_count / WORDS_PER_MINUTE))

    def publication_refusal(self) -> str | None:
        if not strip_tags(self.body).strip():
            return _("Write the body before publishing: readers would get a headline.")
        return None

    def get_absolute_url(self) -> str:
        """Under the article's own language prefix, whatever page links to it."""
        with translation.override(self.language):
            return reverse("articles:article-detail", kwargs={"slug": self.slug})

    @transaction.atomic
    def make_translation_draft(self, language: str, user=None) -> "Article":
        """A draft in ``language`` linked as this article's translation, with the
        same authors, countries, topics, tags, image and sections; the text is
        copied for the translator to replace."""
        draft = Article.objects.create(
            language=language,
            status=Status.DRAFT,
            created_by=user,
            translation=self,
            **{
                name: getattr(self, name)
                for name in [
                    "kind", "title", "dek", "body", "country", "featured_image",
                    "allow_republishing", "licence", "original_outlet",
                    "original_url",
                ]
            },
        )  # fmt: skip
        draft.countries.set(self.countries.all())
        draft.topics.set(self.topics.all())
        draft.partners.set(self.partners.all())
        draft.tags.set(self.tags.names())
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(
                article=draft, author_id=link.author_id, position=link.position
            )
            for link in self.article_authors.all()
        )
        for section in self.sections.all():
            AnalysisSection.objects.create(
                article=draft,
                position=section.position,
                heading=section.heading,
                body=section.body,
            )
        return draft

    def get_full_url(self) -> str:
        """The address readers and other sites use, from the configured origin."""
        return settings.SITE_URL + self.get_absolute_url()

    def build_search_text(self) -> str:
        """The words of the body and the analysis sections, without markup."""
        parts = [self.body_html]
        if self.pk:
            for heading, body in self.sections.values_list("heading", "body_html"):
                # A heading is plain text: unescaped, "<![" in it would reach
                # the HTML parser of strip_tags as a broken declaration.
                parts.extend([escape(heading), body])
        return html.unescape(strip_tags(" ".join(parts))).strip()

    def record_figures(self) -> None:
        """Keep ``figures`` in step with the body and the sections."""
        sections = self.sections.values_list("body_html", flat=True)
        self.figures.set(Image.objects.figures_of([self.body_html, *sections]))

    def refresh_search_text(self) -> None:
        self.search_text = self.build_search_text()
        Article.objects.filter(pk=self.pk).update(search_text=self.search_text)

    def related_cards(self, limit: int) -> list["Article"]:
        """The editor's published picks, then articles related by subject up to
        ``limit`` cards. Needs ``with_page_data()``; costs a fixed number of
        queries (see ``articles.related``)."""
        picks = [link.related for link in self.published_picks]
        wanted = limit - len(picks)
        if wanted <= 0:
            return picks
        automatic = (
            Article.objects.published()
            .related_by_subject(self, wanted, exclude=[pick.pk for pick in picks])
            .with_card_data()[:wanted]
        )
        return picks + list(automatic)

    @property
    def may_be_republished(self) -> bool:
        """The same rule as ``ArticleQuerySet.republishable()``, for one article
        whose topics are prefetched."""
        site = SiteSettings.load()
        if not self.allow_republishing or self.kind in site.no_republish_kinds:
            return False
        if not self.licence_terms.allows_republishing:
            return False
        return not any(
            topic.pk in site.no_republish_topic_ids for topic in self.topics.all()
        )

    @property
    def licence_terms(self) -> LicenceTerms:
        """The article's licence, or the site's, stated in its language."""
        return self.licence_terms_under(SiteSettings.load().for_language(self.language))

    def licence_terms_under(self, site: SiteSettings) -> LicenceTerms:
        """The same, with the site settings in the article's language at
        hand: a feed states thirty articles' terms without reading them
        again for each."""
        if self.licence is None:
            return site_licence(site)
        return self.licence.terms(site, self.language)

    @property
    def canonical_url(self) -> str:
        """The original's address for a piece first published elsewhere (so
        search engines credit the outlet that first published it), else ours."""
        return self.original_url or self.get_full_url()

    def rich_text(self) -> list[str]:
        """The sanitized HTML this article shows: body, then analysis sections
        (prefetch them)."""
        return [self.body_html, *(section.body_html for section in self.sections.all())]

    @cached_property
    def figure_images(self) -> dict[int, Image]:
        """The library images of this article's figures, by id; one query,
        or none when ``articles.figures.prefetch_figures`` filled it."""
        return Image.objects.for_figures(self.rich_text())

    def get_preview_url(self) -> str:
        with translation.override(self.language):
            return reverse("articles:article-preview", kwargs={"pk": self.pk})

    @property
    def all_countries(self) -> list[Country]:
        """The primary country first, then the others by name; free when
        ``with_page_data()`` prefetched them."""
        others = sorted(
            (c for c in self.countries.all() if c.pk != self.country_id),
            key=lambda country: country.display_name,
        )
        return [self.country, *others] if self.country else others

    @property
    def ordered_authors(self) -> list[Author]:
        """Authors in byline order; free when ``with_byline_data()`` (or
        ``with_card_data()``) prefetched them."""
        return [link.author for link in self.article_authors.all()]


class FormerSlug(models.Model):
    """An address an article had before its slug was changed."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="former_slugs"
    )
    slug = models.SlugField(max_length=255, unique=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")

    def __str__(self) -> str:
        return self.slug


class ArticleAuthor(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="article_authors"
    )
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="unique_article_author"
            )
        ]

    def __str__(self) -> str:
        return str(self.author)


class AnalysisSection(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading = models.CharField(
        _("heading"),
        max_length=200,
        blank=True,
        help_text=_(
            "Left empty, the heading from the site settings is used, such as "
            "“Newsroom Analysis”."
        ),
    )
    body = models.TextField(_("body"), validators=[validate_embeds])
    body_html = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("analysis section")
        verbose_name_plural = _("analysis sections")

    def __str__(self) -> str:
        return self.heading or str(_("Analysis"))

    def save(self, *args, **kwargs) -> None:
        self.body_html = clean_rich_text(self.body, self.article.language)
        super().save(*args, **kwargs)

    @property
    def display_heading(self) -> str:
        site = SiteSettings.load().for_language(self.article.language)
        return self.heading or site.analysis_heading


class RelatedArticle(models.Model):
    """An editor's pick, shown before any automatically related article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("related article"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("related article")
        verbose_name_plural = _("related articles (editor's picks)")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "related"], name="unique_related_article"
            ),
            models.CheckConstraint(
                condition=~models.Q(article=models.F("related")),
                name="related_article_not_itself",
            ),
        ]

    def __str__(self) -> str:
        return str(self.related)

    def clean(self) -> None:
        if self.article_id and self.article_id == self.related_id:
            raise ValidationError(
                {"related": _("An article cannot be related to itself.")}
            )
