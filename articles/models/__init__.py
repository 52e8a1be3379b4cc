from articles.models.article import (
    AnalysisSection,
    Article,
    ArticleAuthor,
    ArticleQuerySet,
    FormerSlug,
    Kind,
    RelatedArticle,
)
from articles.models.counts import with_engagement_counts
from articles.models.engagement import (
    DonationClick,
    Feedback,
    MessageStatus,
    ReaderMessage,
    address_hash,
)
from articles.models.media import Image, ImageQuerySet
from articles.models.news import OrganizationNewsItem
from articles.models.publishing import (
    STEPS,
    Publishable,
    PublishableQuerySet,
    Status,
    WorkflowError,
    step_taken,
)
from articles.models.quotas import AddressQuota
from articles.models.republication import (
    UNKNOWN_HOST,
    Republication,
    RepublicationDay,
)
from articles.models.revision import Revision
from articles.models.site import SiteSettings, SiteText
from articles.models.taxonomy import (
    Author,
    Country,
    TagCounterpart,
    TaggedArticle,
    Topic,
)

__all__ = [
    "AddressQuota",
    "STEPS",
    "step_taken",
    "DonationClick",
    "Feedback",
    "FormerSlug",
    "MessageStatus",
    "ReaderMessage",
    "address_hash",
    "with_engagement_counts",
    "AnalysisSection",
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "Author",
    "Country",
    "Image",
    "ImageQuerySet",
    "Kind",
    "OrganizationNewsItem",
    "Publishable",
    "PublishableQuerySet",
    "RelatedArticle",
    "Republication",
    "RepublicationDay",
    "UNKNOWN_HOST",
    "Revision",
    "SiteSettings",
    "SiteText",
    "Status",
    "WorkflowError",
    "TagCounterpart",
    "TaggedArticle",
    "Topic",
]
