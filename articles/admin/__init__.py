from articles.admin import (
    articles,
    engagement,
    news,
    republications,
    site,
    taxonomy,
)

__all__ = ["articles", "engagement", "news", "republications", "site", "taxonomy"]
