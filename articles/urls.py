from django.urls import path
from django.views.decorators.cache import cache_page

from articles import feeds
from articles.views import engagement, reading, republishing, suggestions

FEED_CACHE_SECONDS = 5 * 60
FEED_FORMATS = {"rss": feeds.ArticleRss, "atom": feeds.ArticleAtom}
SUBJECT_FEEDS = [
    ("kind/<str:kind>/", feeds.KindFeed, "kind"),
    ("country/<slug:slug>/", feeds.CountryFeed, "country"),
    ("topic/<slug:slug>/", feeds.TopicFeed, "topic"),
    ("tag/<slug:slug>/", feeds.TagFeed, "tag"),
    ("author/<slug:slug>/", feeds.AuthorFeed, "author"),
    ("language/<str:language>/", feeds.LanguageFeed, "language"),
]


def feed_patterns() -> list:
    """/feeds/rss/… and /feeds/atom/…, each cached for a few minutes."""
    patterns = []
    for name, feed_type in FEED_FORMATS.items():
        patterns.append(
            path(
                f"feeds/{name}/",
                cache_page(FEED_CACHE_SECONDS)(feeds.ArticleFeed(feed_type)),
                name=f"feed-{name}",
            )
        )
        for route, feed_class, subject in SUBJECT_FEEDS:
            patterns.append(
                path(
                    f"feeds/{name}/{route}",
                    cache_page(FEED_CACHE_SECONDS)(feed_class(feed_type)),
                    name=f"feed-{name}-{subject}",
                )
            )
    patterns.append(
        path(
            "feeds/partner/",
            cache_page(FEED_CACHE_SECONDS)(feeds.PartnerFeed()),
            name="feed-partner",
        )
    )
    return patterns


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
    path("countries/<slug:slug>/", reading.CountryView.as_view(), name="country"),
    path("topics/<slug:slug>/", reading.TopicView.as_view(), name="topic"),
    path("authors/<slug:slug>/", reading.AuthorView.as_view(), name="author"),
    path("tags/<slug:slug>/", reading.TagView.as_view(), name="tag"),
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
    *feed_patterns(),
]
