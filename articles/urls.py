from django.urls import path

from articles import feeds
from articles.subjects import SUBJECT_KINDS
from articles.views import engagement, reading, republishing, suggestions

FEED_FORMATS = {"rss": feeds.ArticleRss, "atom": feeds.ArticleAtom}


def feed_patterns() -> list:
    """/feeds/rss/… and /feeds/atom/… for the site, each kind, each subject
    kind and each language, and the partner feed."""
    patterns = []
    for name, feed_type in FEED_FORMATS.items():
        routes = [
            ("", feeds.ArticleFeed(feed_type), f"feed-{name}"),
            ("kind/<str:kind>/", feeds.KindFeed(feed_type), f"feed-{name}-kind"),
            (
                "language/<str:language>/",
                feeds.LanguageFeed(feed_type),
                f"feed-{name}-language",
            ),
            *(
                (
                    f"{kind.name}/<slug:slug>/",
                    feeds.SubjectFeed(feed_type, kind),
                    f"feed-{name}-{kind.name}",
                )
                for kind in SUBJECT_KINDS.values()
            ),
        ]
        patterns.extend(
            path(f"feeds/{name}/{route}", feed, name=route_name)
            for route, feed, route_name in routes
        )
    patterns.append(
        path(
            "feeds/partner/",
            feeds.PartnerFeed(),
            name="feed-partner",
        )
    )
    return patterns


def subject_patterns() -> list:
    """A listing page for each kind of subject: /countries/<slug>/, …"""
    return [
        path(
            f"{kind.segment}/<slug:slug>/",
            reading.SubjectArticleListView.as_view(subject_kind=kind),
            name=kind.name,
        )
        for kind in SUBJECT_KINDS.values()
    ]


app_name = "articles"

urlpatterns = [
    path("", reading.HomeView.as_view(), name="home"),
    path("news/", reading.ArticleIndexView.as_view(), name="article-list"),
    path("search/", reading.SearchView.as_view(), name="search"),
    path(
        "news/<slug:slug>/", reading.ArticleDetailView.as_view(), name="article-detail"
    ),
    path(
        "preview/articles/<int:pk>/",
        reading.ArticlePreviewView.as_view(),
        name="article-preview",
    ),
    path(
        "news/<slug:slug>/feedback/",
        engagement.FeedbackView.as_view(),
        name="article-feedback",
    ),
    path(
        "news/<slug:slug>/comment/",
        engagement.CommentView.as_view(),
        name="article-comment",
    ),
    path(
        "news/<slug:slug>/republish/",
        republishing.RepublishView.as_view(),
        name="article-republish",
    ),
    path("donate/", engagement.DonatePageView.as_view(), name="donate"),
    path("donate/go/", engagement.DonationRedirectView.as_view(), name="donate-go"),
    *subject_patterns(),
    path(
        "suggestions/<str:kind>/",
        suggestions.SubjectSuggestionsView.as_view(),
        name="subject-suggestions",
    ),
    path(
        "organization/",
        reading.OrganizationNewsListView.as_view(),
        name="organization-news-list",
    ),
    path(
        "organization/<slug:slug>/",
        reading.OrganizationNewsDetailView.as_view(),
        name="organization-news-detail",
    ),
    path(
        "preview/organization/<int:pk>/",
        reading.OrganizationNewsPreviewView.as_view(),
        name="organization-news-preview",
    ),
    *feed_patterns(),
]
