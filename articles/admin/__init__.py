from articles.admin import articles, news, site, taxonomy

__all__ = ["articles", "news", "site", "taxonomy"]
