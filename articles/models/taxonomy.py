from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItemBase

from articles.images import CheckedImageField
from articles.slugs import ensure_reversible_slug


class SluggedName(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        ensure_reversible_slug(self, fallback=self._meta.model_name)
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.name


class TranslatedName(SluggedName):
    """A name readers see in the language of the page they are on."""

    name_es = models.CharField(
        _("name in Spanish"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty when it is written the same."),
    )

    class Meta(SluggedName.Meta):
        abstract = True

    @property
    def display_name(self) -> str:
        return getattr(self, f"name_{get_language()}", "") or self.name


class Country(TranslatedName):
    region = models.CharField(
        _("region"),
        max_length=80,
        blank=True,
        help_text=_("For example: Andes, Central America, Caribbean."),
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def get_absolute_url(self) -> str:
        return reverse("articles:country", kwargs={"slug": self.slug})


class Topic(TranslatedName):
    class Meta(TranslatedName.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def get_absolute_url(self) -> str:
        return reverse("articles:topic", kwargs={"slug": self.slug})


class AuthorKind(models.TextChoices):
    PERSON = "person", _("Person")
    TEAM = "team", _("Team or unit")


class Author(SluggedName):
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_(
            "A team's name without “the”: “Venezuela Investigative Unit”; "
            "bylines add the article below."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=8, choices=AuthorKind, default=AuthorKind.PERSON
    )
    name_es = models.CharField(
        _("name in Spanish"),
        max_length=120,
        blank=True,
        help_text=_("For a team; leave empty when it is written the same."),
    )
    # A team reads "by the Venezuela Investigative Unit", "por la Unidad
    # Investigativa de Venezuela": the article is part of the language, not
    # of the name (headings and lists show the name alone), and Spanish
    # chooses it by the name's gender, so each language's is stored.
    byline_article = models.CharField(
        _("article in bylines"),
        max_length=8,
        blank=True,
        default="the",
        help_text=_(
            "For a team: the word before its name in an English byline, as in "
            "“by the Venezuela Investigative Unit”. Empty for none."
        ),
    )
    byline_article_es = models.CharField(
        _("article in Spanish bylines"),
        max_length=8,
        blank=True,
        help_text=_(
            "For a team: la, el, las or los, as in “por la Unidad Investigativa "
            "de Venezuela”."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        verbose_name=_("account"),
        help_text=_(
            "The newsroom account that writes under this byline: its new "
            "articles start with it, and its owner may edit this profile."
        ),
    )
    bio = models.TextField(_("short bio"), blank=True, max_length=1000)
    bio_es = models.TextField(
        _("short bio in Spanish"),
        blank=True,
        max_length=1000,
        help_text=_("Left empty, Spanish pages show the bio above."),
    )
    photo = CheckedImageField(
        _("photo"),
        upload_to="authors/%Y/",
        blank=True,
    )

    class Meta(SluggedName.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})

    @property
    def is_team(self) -> bool:
        return self.kind == AuthorKind.TEAM

    @property
    def display_name(self) -> str:
        return getattr(self, f"name_{get_language()}", "") or self.name

    @property
    def byline_name(self) -> str:
        """The name as it reads after "by" in the page's language: a team's
        with its article ("the Venezuela Investigative Unit"), a person's
        as written."""
        if not self.is_team:
            return self.display_name
        language = get_language()
        article = (
            self.byline_article
            if language == settings.LANGUAGE_CODE
            else getattr(self, f"byline_article_{language}", "")
        )
        return f"{article} {self.display_name}" if article else self.display_name

    @property
    def schema_type(self) -> str:
        """The schema.org type search engines read for this byline."""
        return "Organization" if self.is_team else "Person"

    @property
    def display_bio(self) -> str:
        return getattr(self, f"bio_{get_language()}", "") or self.bio

    def may_edit(self, user: AbstractBaseUser) -> bool:
        """Whoever may add bylines edits them all; others only their own."""
        if not user.has_perm("articles.change_author"):
            return False
        return self.user_id == user.pk or user.has_perm("articles.add_author")


class TaggedArticle(TaggedItemBase):
    """A direct foreign key, so tags prefetch in one join without content types."""

    content_object = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="unique_article_tag"
            )
        ]


class TagCounterpart(models.Model):
    """Two tags that name one thing in two languages ("customs", "aduanas").

    A tag has no language of its own: it belongs to the languages of the
    published articles that use it, and lists, filters and pages follow that.
    This pair is only what readers cannot guess, and what the language switch
    of a tag's page follows. One row per pair; either tag may be looked up.
    """

    tag = models.OneToOneField(
        Tag, on_delete=models.CASCADE, related_name="+", verbose_name=_("tag")
    )
    counterpart = models.OneToOneField(
        Tag,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("counterpart in the other language"),
    )

    class Meta:
        verbose_name = _("tag counterpart")
        verbose_name_plural = _("tag counterparts")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(tag=models.F("counterpart")),
                name="tag_counterpart_is_another_tag",
            )
        ]

    def __str__(self) -> str:
        return f"{self.tag} ↔ {self.counterpart}"

    def clean(self) -> None:
        if self.tag_id and self.tag_id == self.counterpart_id:
            raise ValidationError(_("A tag cannot be its own counterpart."))
        ids = self._tag_ids()
        paired = TagCounterpart.objects.exclude(pk=self.pk).filter(
            models.Q(tag__in=ids) | models.Q(counterpart__in=ids)
        )
        if paired.exists():
            raise ValidationError(_("One of these tags already has a counterpart."))

    def _tag_ids(self) -> list[int]:
        return [pk for pk in (self.tag_id, self.counterpart_id) if pk]

    @classmethod
    def of(cls, tag: Tag) -> Tag | None:
        """The tag paired with ``tag``, if any."""
        pair = (
            cls.objects.filter(models.Q(tag=tag) | models.Q(counterpart=tag))
            .select_related("tag", "counterpart")
            .first()
        )
        if pair is None:
            return None
        return pair.counterpart if pair.tag_id == tag.pk else pair.tag
