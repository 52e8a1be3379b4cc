from articles.admin import (
    articles,
    engagement,
    media,
    news,
    republications,
    site,
    taxonomy,
)

__all__ = [
    "articles",
    "engagement",
    "media",
    "news",
    "republications",
    "site",
    "taxonomy",
]
