from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.models import Article, Author, Country, OrganizationNewsItem, Topic

ORGANIZATION_NEWS_ON_PAGE = 3


def latest_organization_news() -> list[OrganizationNewsItem]:
    return list(OrganizationNewsItem.objects.published()[:ORGANIZATION_NEWS_ON_PAGE])


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        articles = list(Article.objects.published().with_card_data()[:13])
        return super().get_context_data(
            featured=articles[0] if articles else None,
            latest=articles[1:],
            organization_news=latest_organization_news(),
            **kwargs,
        )


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return Article.objects.published().with_page_data()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organization_news=latest_organization_news(), **kwargs
        )


@method_decorator([staff_member_required, never_cache], name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """How an article will look once published, for staff only, never cached."""

    def get_queryset(self):
        return Article.objects.with_page_data()

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)


class ArticleListView(ListView):
    """Published articles, newest first; subclasses narrow them to one subject."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20
    heading = _("Latest news")

    def get_queryset(self):
        return self.filter_articles(Article.objects.published().with_card_data())

    def filter_articles(self, articles):
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class SubjectArticleListView(ArticleListView):
    """Articles about one country, topic, author or tag, found by its slug."""

    subject_model = None
    lookup = ""

    def get_subject(self):
        if not hasattr(self, "_subject"):
            self._subject = get_object_or_404(
                self.subject_model, slug=self.kwargs["slug"]
            )
        return self._subject

    def filter_articles(self, articles):
        return articles.filter(**{self.lookup: self.get_subject()})

    def get_context_data(self, **kwargs):
        subject = self.get_subject()
        return super().get_context_data(subject=subject, **kwargs) | {
            "heading": subject.name
        }


class CountryView(SubjectArticleListView):
    subject_model, lookup = Country, "country"


class TopicView(SubjectArticleListView):
    subject_model, lookup = Topic, "topics"


class AuthorView(SubjectArticleListView):
    subject_model, lookup = Author, "authors"
    template_name = "articles/author_detail.html"


class TagView(SubjectArticleListView):
    subject_model, lookup = Tag, "tags"


class OrganizationNewsListView(ListView):
    queryset = OrganizationNewsItem.objects.published()
    context_object_name = "items"
    paginate_by = 20


class OrganizationNewsDetailView(DetailView):
    queryset = OrganizationNewsItem.objects.published()
    context_object_name = "item"
