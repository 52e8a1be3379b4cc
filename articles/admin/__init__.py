from articles.admin import articles, engagement, news, site, taxonomy

__all__ = ["articles", "engagement", "news", "site", "taxonomy"]
