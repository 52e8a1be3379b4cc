from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ArticleListView.as_view(), name="article-list"),
    path("news/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path(
        "preview/articles/<int:pk>/",
        views.ArticlePreviewView.as_view(),
        name="article-preview",
    ),
    path("countries/<slug:slug>/", views.CountryView.as_view(), name="country"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path(
        "organization/",
        views.OrganizationNewsListView.as_view(),
        name="organization-news-list",
    ),
    path(
        "organization/<slug:slug>/",
        views.OrganizationNewsDetailView.as_view(),
        name="organization-news-detail",
    ),
]
