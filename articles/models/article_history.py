"""What an article's revision holds beyond its own fields, and how it is put
back: bylines, subjects, tags, analysis sections, related picks, the
translation link (see ``Publishable.snapshot``)."""

from django.contrib.auth.base_user import AbstractBaseUser

from articles.models.licences import Licence
from articles.models.publishing import RestoreReport
from articles.models.sources import Outlet
from articles.models.taxonomy import Author, Country, Topic


def _pairs(objects) -> list[list]:
    return [[obj.pk, str(obj)] for obj in objects]


class ArticleHistory:
    """Mixed into Article, before Publishable."""

    revision_fields = (
        "kind",
        "title",
        "slug",
        "dek",
        "body",
        "language",
        "allow_republishing",
        "featured_image",
        "original_url",
    )

    def snapshot(self) -> dict:
        """Related objects are kept as ``[id, label]`` pairs: the id to
        restore, the label to show in the history even after the object is
        gone."""
        data = super().snapshot()
        data["country"] = _pairs([self.country] if self.country else [])
        data["countries"] = _pairs(self.countries.order_by("name"))
        data["translation"] = _pairs([self.translation] if self.translation else [])
        data["authors"] = _pairs(
            link.author for link in self.article_authors.select_related("author")
        )
        data["topics"] = _pairs(self.topics.order_by("name"))
        data["tags"] = sorted(self.tags.names(), key=str.lower)
        data["sections"] = [
            {"heading": section.heading, "body": section.body}
            for section in self.sections.all()
        ]
        data["related"] = _pairs(
            link.related for link in self.related_links.select_related("related")
        )
        data["licence"] = _pairs([self.licence] if self.licence else [])
        data["original_outlet"] = _pairs(
            [self.original_outlet] if self.original_outlet else []
        )
        data["partners"] = _pairs(self.partners.order_by("name"))
        # For the history only: restoring older text never removes a
        # correction, which is part of the public record.
        data["corrections"] = [
            f"{correction} — {correction.text}" for correction in self.corrections.all()
        ]
        return data

    def restore_snapshot(
        self, data: dict, user: AbstractBaseUser | None
    ) -> RestoreReport:
        """Restoring changes only what ``user`` may change: through the
        translation link, the other articles that link would rewire. A link
        that would touch an article the user may not change is left as it is
        today and reported. Without a user (a command, a migration)
        everything is restored."""
        report = RestoreReport()
        missing = report.missing
        article_model = type(self)

        def existing(model, pairs):
            found = model.objects.in_bulk([pk for pk, _label in pairs])
            missing.extend(label for pk, label in pairs if pk not in found)
            return [found[pk] for pk, _label in pairs if pk in found]

        missing.extend(self.restore_fields(data))
        self.country = next(iter(existing(Country, data["country"])), None)
        self.licence = next(iter(existing(Licence, data.get("licence", []))), None)
        self.original_outlet = next(
            iter(existing(Outlet, data.get("original_outlet", []))), None
        )
        translation = next(iter(existing(article_model, data["translation"])), None)
        relinked = self.articles_relinked_by(translation and translation.pk)
        report.not_allowed.extend(
            str(other)
            for other in relinked
            if user is not None and not other.may_edit(user)
        )
        if not report.not_allowed:
            self.translation = translation
        self.save()
        # Revisions from before several countries had only the primary.
        self.countries.set(existing(Country, data.get("countries", data["country"])))
        self.topics.set(existing(Topic, data["topics"]))
        self.partners.set(existing(Outlet, data.get("partners", [])))
        self.tags.set(data["tags"], clear=True)
        self.article_authors.all().delete()
        self.article_authors.bulk_create(
            self.article_authors.model(article=self, author=author, position=position)
            for position, author in enumerate(existing(Author, data["authors"]))
        )
        self.sections.all().delete()
        for position, section in enumerate(data["sections"]):
            self.sections.create(position=position, **section)
        self.related_links.all().delete()
        self.related_links.bulk_create(
            self.related_links.model(article=self, related=related, position=position)
            for position, related in enumerate(existing(article_model, data["related"]))
            if related.pk != self.pk
        )
        return report
