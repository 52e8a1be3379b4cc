from articles.admin import (
    articles,
    engagement,
    licences,
    media,
    news,
    republications,
    site,
    sources,
    taxonomy,
)

__all__ = [
    "articles",
    "engagement",
    "licences",
    "media",
    "news",
    "republications",
    "site",
    "sources",
    "taxonomy",
]
