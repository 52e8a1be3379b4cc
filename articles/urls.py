from django.urls import path

from articles.views import engagement, reading, republishing

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
    path(
        "republished/<str:token>.gif",
        republishing.RepublicationPixelView.as_view(),
        name="republication-pixel",
    ),
    path("donate/", engagement.DonatePageView.as_view(), name="donate"),
    path("donate/go/", engagement.DonationRedirectView.as_view(), name="donate-go"),
    path("countries/<slug:slug>/", reading.CountryView.as_view(), name="country"),
    path("topics/<slug:slug>/", reading.TopicView.as_view(), name="topic"),
    path("authors/<slug:slug>/", reading.AuthorView.as_view(), name="author"),
    path("tags/<slug:slug>/", reading.TagView.as_view(), name="tag"),
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
]
