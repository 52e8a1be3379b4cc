from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from articles import search
from articles.context_processors import language_links_for
from articles.filters import ArticleFilter
from articles.front_page import FrontPage, front_page
from articles.models import Article, OrganizationNewsItem, SiteSettings
from articles.page_cache import ListingSurrogateKeysMixin, add_surrogate_keys
from articles.pagination import ArchivePaginationMixin
from articles.public_cache import RESPONSE_SECONDS, current_version
from articles.sharing import share_images_for, share_links
from articles.sitemaps import hreflang_alternates
from articles.structured_data import (
    article_json_ld,
    breadcrumb_json_ld,
    organization_json_ld,
)
from articles.subjects import AUTHOR, COUNTRY, TAG, TOPIC, SubjectKind

ORGANIZATION_NEWS_ON_PAGE = 3
ARTICLES_PER_PAGE = 20
UNTRANSLATED_LATEST = 6


class VersionedFragmentsMixin:
    """For a view whose template keeps fragments (cards) under the version of
    the public content: the version is read before anything the page shows,
    so a change committed while the page is read retires what it renders."""

    def setup(self, request, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.content_version = current_version()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            content_version=self.content_version,
            fragment_seconds=RESPONSE_SECONDS,
            **kwargs,
        )


def latest_organization_news() -> list[OrganizationNewsItem]:
    news = OrganizationNewsItem.objects.published().for_language(get_language())
    return list(news[:ORGANIZATION_NEWS_ON_PAGE])


@dataclass(frozen=True)
class HomePage:
    """What the home page shows that comes from the database."""

    front_page: FrontPage
    organization_news: list[OrganizationNewsItem]


class HomeView(VersionedFragmentsMixin, ListingSurrogateKeysMixin, TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            # Read only when the template's fragment is not cached.
            page=SimpleLazyObject(self.read_page),
            structured_data=[organization_json_ld(SiteSettings.load())],
            **kwargs,
        )

    def read_page(self) -> HomePage:
        """Read once per version of the public content and language, as the
        article page is (see ``ArticleDetailView.read_page``): never stale,
        since any change a reader could see retires the version."""
        language = get_language()
        return cache.get_or_set(
            f"home-page:{self.content_version}:{language}",
            lambda: HomePage(front_page(language), latest_organization_news()),
            RESPONSE_SECONDS,
        )


@dataclass(frozen=True)
class ArticlePage:
    """What an article's page shows that comes from the database."""

    article: Article
    related_cards: list[Article]


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    # How long the template keeps its fragments, each under the version.
    fragment_seconds = RESPONSE_SECONDS

    def get_queryset(self):
        return Article.objects.published().with_page_data()

    def get(self, request, *args, **kwargs):
        try:
            self.page = self.read_page()
        except Http404:
            moved = (
                Article.objects.published()
                .filter(former_slugs__slug=kwargs.get("slug"))
                .first()
            )
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())
        self.object = self.page.article
        if self.object.language != get_language():
            # One address per article: its own language's.
            return HttpResponsePermanentRedirect(self.own_url(self.object))
        response = self.render_to_response(self.get_context_data(object=self.object))
        return add_surrogate_keys(response, *article_surrogate_keys(self.object))

    def read_page(self) -> ArticlePage:
        """The page's data, read once per version of the public content: a
        request the page cache does not answer (another query string, a
        cache in front asking again) costs no query. Any change a reader
        could see retires the version, so this is never stale."""
        self.version = current_version()
        key = f"article-page:{self.version}:{self.kwargs['slug']}"
        page = cache.get(key)
        if page is None:
            page = self.build_page()
            cache.set(key, page, RESPONSE_SECONDS)
        return page

    def build_page(self) -> ArticlePage:
        article = self.get_object()
        site = SiteSettings.load().for_language(article.language)
        return ArticlePage(article, article.related_cards(site.related_count))

    def own_url(self, article: Article) -> str:
        return article.get_absolute_url()

    def get_context_data(self, **kwargs):
        article = self.object
        site = SiteSettings.load().for_language(article.language)
        return super().get_context_data(
            related_cards=self.page.related_cards,
            licence=article.licence_terms,
            share_links=share_links(article.title, article.get_full_url()),
            share_image=share_images_for(article, site)[0],
            # Read only when the template's fragment is not cached.
            organization_news=SimpleLazyObject(latest_organization_news),
            content_version=self.version,
            fragment_seconds=self.fragment_seconds,
            alternates=hreflang_alternates(article),
            language_links=language_links_for(
                article_urls_by_language(article, self.own_url)
            ),
            structured_data=SimpleLazyObject(
                lambda: [article_json_ld(article, site), breadcrumb_json_ld(article)]
            ),
            **kwargs,
        )


def article_surrogate_keys(article: Article) -> list[str]:
    """The article and the subjects its page names, all prefetched."""
    subjects = [
        *(COUNTRY.surrogate_key(country) for country in article.countries.all()),
        *(TOPIC.surrogate_key(topic) for topic in article.topics.all()),
        *(TAG.surrogate_key(tag) for tag in article.tags.all()),
        *(AUTHOR.surrogate_key(link.author) for link in article.article_authors.all()),
    ]
    return [f"article-{article.pk}", *subjects]


def article_urls_by_language(
    article: Article, own_url: Callable[[Article], str]
) -> dict[str, str]:
    """Where the switcher goes from an article: the article itself, its
    translation when readers may see it, or a page in a language it lacks
    saying so."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("articles:article-untranslated", args=[article.slug])
    urls[article.language] = own_url(article)
    other = article.translation
    if other and (other.is_published or not article.is_published):
        urls[other.language] = own_url(other)
    return urls


class UntranslatedArticleView(VersionedFragmentsMixin, DetailView):
    """Where the language switch of an article without a published translation
    leads: a page in the reader's new language that says so, links to the
    original and offers that language's latest articles."""

    template_name = "articles/article_untranslated.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().select_related("translation")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        article, language = self.object, get_language()
        if article.language == language:
            return HttpResponsePermanentRedirect(article.get_absolute_url())
        other = article.translation
        if other and other.is_published and other.language == language:
            # Translated since the link was made: a temporary redirect, as
            # the same address may again have no translation if it is withdrawn.
            return HttpResponseRedirect(other.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=article))

    def get_context_data(self, **kwargs):
        article = self.object
        urls = {code: self.request.path for code, _name in settings.LANGUAGES}
        urls[article.language] = article.get_absolute_url()
        latest = (
            Article.objects.published()
            .for_language(get_language())
            .order_by("-published_at")
        )
        return super().get_context_data(
            latest=latest.with_card_data()[:UNTRANSLATED_LATEST],
            language_links=language_links_for(urls),
            **kwargs,
        )


@method_decorator([staff_member_required, never_cache], name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """How an article will look once published, in any state, for staff who
    may see articles; never cached, never indexed."""

    fragment_seconds = 0  # a timeout of 0 stores nothing

    def get_queryset(self):
        if not self.request.user.has_perm("articles.view_article"):
            raise PermissionDenied
        return Article.objects.with_page_data()

    def read_page(self) -> ArticlePage:
        # A draft's page is never cached, and an edit shows at once.
        self.version = None
        return self.build_page()

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)

    def own_url(self, article: Article) -> str:
        # The preview stays a preview in every language: a draft has no
        # public address to send anyone to.
        return article.get_preview_url()


class ArticleIndexView(
    VersionedFragmentsMixin,
    ListingSurrogateKeysMixin,
    ArchivePaginationMixin,
    FilterView,
):
    """The news index: published articles, filtered by the query string."""

    filterset_class = ArticleFilter
    count_key_parameters = tuple(ArticleFilter.base_filters)
    template_name = "articles/article_index.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().with_card_data()

    def get_context_data(self, **kwargs):
        # Names the filter form's fragment: the same for every page.
        return super().get_context_data(filter_values=self.listing_filters(), **kwargs)

    def get_filterset_kwargs(self, filterset_class):
        # Always bound, even to an empty query string, so that the filters'
        # defaults (the reader's language) apply to the bare index too.
        return {
            **super().get_filterset_kwargs(filterset_class),
            "data": self.request.GET,
        }


class SubjectArticleListView(
    VersionedFragmentsMixin, ListingSurrogateKeysMixin, ArchivePaginationMixin, ListView
):
    """Published articles about one public country, topic, author or tag, in
    the reader's language (the index's language filter reaches the others)."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE
    subject_kind: SubjectKind | None = None

    def get_queryset(self):
        language = get_language()
        self.subject = self.subject_kind.get_public_or_404(
            self.kwargs["slug"], language
        )
        return (
            self.subject_kind.articles_about(self.subject)
            .for_language(language)
            .with_card_data()
        )

    def get_template_names(self) -> list[str]:
        return [f"articles/{self.subject_kind.name}_detail.html", self.template_name]

    def listing_surrogate_keys(self) -> list[str]:
        return [self.subject_kind.surrogate_key(self.subject)]

    def get_context_data(self, **kwargs):
        kind, subject = self.subject_kind, self.subject
        return super().get_context_data(
            subject=subject,
            filter_query=f"{kind.name}={subject.slug}",
            feeds={
                feed: reverse(f"articles:feed-{feed}-{kind.name}", args=[subject.slug])
                for feed in ("rss", "atom")
            },
            language_links=language_links_for(subject_urls_by_language(kind, subject)),
            **kwargs,
        )


def subject_urls_by_language(kind: SubjectKind, subject) -> dict[str, str]:
    """Where the switcher goes from a subject's page: the page of the
    subject's counterpart in each language that has one (a tag's translation),
    else the same subject's page in each language it has published articles
    in, else that language's home."""
    counterpart = kind.counterpart(subject) if kind.counterpart else None
    counterpart_in = kind.languages_of(counterpart) if counterpart else set()
    published_in = kind.languages_of(subject)
    current = get_language()
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if code != current and code in counterpart_in:
                urls[code] = kind.url(counterpart)
            elif code in published_in:
                urls[code] = kind.url(subject)
            else:
                urls[code] = reverse("articles:home")
    return urls


class SearchView(TemplateView):
    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "")[: search.MAX_QUERY_LENGTH].strip()
        language = get_language()
        ids = search.ranked_ids(query, language) if query else []
        page = Paginator(ids[: search.MAX_RESULTS], ARTICLES_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        snippets = search.snippets(list(page), query, language)
        # What a result shows, and no more: no byline, image or licence.
        articles = (
            Article.objects.published()
            .only("title", "slug", "language", "kind", "published_at")
            .in_bulk(list(page))
        )
        results = [
            (articles[pk], snippets.get(pk, [])) for pk in page if pk in articles
        ]
        return super().get_context_data(
            query=query,
            results=results,
            page_obj=page,
            result_count=min(len(ids), search.MAX_RESULTS),
            more_results=len(ids) > search.MAX_RESULTS,
            **kwargs,
        )


class OrganizationNewsListView(ListView):
    context_object_name = "items"
    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        return OrganizationNewsItem.objects.published().for_language(get_language())


class OrganizationNewsDetailView(DetailView):
    context_object_name = "item"

    def get_queryset(self):
        # A method, not a class attribute: published() reads the clock, and
        # a class attribute would keep the time the server started.
        return OrganizationNewsItem.objects.published().select_related("featured_image")


@method_decorator([staff_member_required, never_cache], name="dispatch")
class OrganizationNewsPreviewView(OrganizationNewsDetailView):
    """An organization news item in any state, for staff who may see them."""

    def get_queryset(self):
        if not self.request.user.has_perm("articles.view_organizationnewsitem"):
            raise PermissionDenied
        return OrganizationNewsItem.objects.select_related("featured_image")

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)
