from articles.admin import (
    articles,
    engagement,
    licences,
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
    "news",
    "republications",
    "site",
    "sources",
    "taxonomy",
]
