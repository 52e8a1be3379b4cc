"""One WordPress export imported as articles, in one transaction.

This writes articles, authors, subjects, old addresses and import records
together, so it is a plain operation rather than a method of one model. The
rules about a single article (sanitizing, slugs, former addresses) stay on
Article and run through its ``save()``.
"""

import hashlib
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from taggit.models import Tag

from articles.images import validate_image_file
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Country,
    Image,
    TaggedArticle,
    Topic,
)
from articles.slugs import unique_slug
from newsroom.wordpress import report as counts
from newsroom.wordpress.content import convert_body, dek_from_body, plain_text, shorten
from newsroom.wordpress.mapping import Mapping, Target
from newsroom.wordpress.models import (
    ImportedAuthor,
    ImportedPost,
    LegacyPath,
)
from newsroom.wordpress.posts import (
    STATUSES,
    Attachment,
    Warn,
    old_paths,
    parse_time,
    status_for,
)
from newsroom.wordpress.report import Report
from newsroom.wordpress.wxr import Author as WPAuthor
from newsroom.wordpress.wxr import Item, Term, WXRReader

DEK_MAX_LENGTH = 600
SOURCE_MAX_LENGTH = ImportedPost._meta.get_field("source").max_length
LOGIN_MAX_LENGTH = ImportedAuthor._meta.get_field("login").max_length
PATH_MAX_LENGTH = LegacyPath._meta.get_field("path").max_length
# Larger IDs would overflow the database's big integer.
POST_ID_MAX_DIGITS = 18
# A summary cut from a body that does not open with a paragraph.
DEK_SHORT_LENGTH = 300


class WordPressImport:
    """Read an export and write it into the database, or only report what
    would be written when ``dry_run`` is set."""

    def __init__(
        self,
        stream: BinaryIO,
        mapping: Mapping,
        *,
        language: str = "",
        media_dir: Path | None = None,
        overwrite: bool = False,
        dry_run: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.reader = WXRReader(stream)
        self.mapping = mapping
        self.chosen_language = language or mapping.language
        self.media_dir = media_dir.resolve() if media_dir else None
        self.overwrite, self.dry_run, self.progress = overwrite, dry_run, progress
        self.report = Report(dry_run=dry_run)
        self.wp_authors: dict[str, WPAuthor] = {}
        self.authors: dict[str, Author] = {}
        self.subjects_seen: dict[tuple, object] = {}
        self.parents: dict[str, str] = {}
        self.flattened: set[str] = set()
        self.attachments: dict[str, Attachment] = {}
        self.pending_images: list[tuple[ImportedPost, str, int]] = []
        self.written: list[str] = []
        # One library image per attachment, however many posts feature it.
        self.library: dict[str, Image] = {}

    @property
    def source(self) -> str:
        return self.reader.site.key[:SOURCE_MAX_LENGTH]

    @property
    def language(self) -> str:
        """The option's, else the mapping's, else the export's own when this
        site has it ("es-PE" gives "es"), else the site's default."""
        exported = self.reader.site.language.split("-")[0].lower()
        if self.chosen_language:
            return self.chosen_language
        if exported in dict(settings.LANGUAGES):
            return exported
        return settings.LANGUAGE_CODE

    def run(self) -> Report:
        before = self.totals()
        try:
            with transaction.atomic():
                for entry in self.reader:
                    if isinstance(entry, WPAuthor):
                        self.wp_authors[entry.login] = entry
                    elif isinstance(entry, Term):
                        if entry.taxonomy == "category" and entry.parent:
                            self.parents[entry.slug] = entry.parent
                    else:
                        self.import_item(entry)
                    if self.progress:
                        self.progress(self.reader.bytes_read)
                self.attach_featured_images()
                for key, total in self.totals().items():
                    self.report.counts[key] = total - before[key]
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            for name in self.written:
                default_storage.delete(name)
            raise
        return self.report

    def totals(self) -> dict[str, int]:
        return {
            counts.AUTHORS: Author.objects.count(),
            counts.TOPICS: Topic.objects.count(),
            counts.COUNTRIES: Country.objects.count(),
            counts.TAGS: Tag.objects.count(),
            counts.ADDRESSES: LegacyPath.objects.count(),
        }

    def import_item(self, item: Item) -> None:
        post_type = item.get("wp:post_type") or "post"
        if post_type == "attachment":
            self.attachments[item.get("wp:post_id")] = Attachment.from_item(item)
            return
        kind = self.mapping.kind_for_type(post_type)
        if kind is None:
            self.report.reason(
                gettext_noop("“%(type)s” items skipped (not imported by the mapping)"),
                type=post_type,
            )
            return
        status = item.get("wp:status")
        if status not in STATUSES:
            self.report.reason(
                gettext_noop("items with status “%(status)s” skipped"), status=status
            )
            return
        post_id = item.get("wp:post_id")
        if not (post_id.isdigit() and len(post_id) <= POST_ID_MAX_DIGITS):
            self.report.reason(gettext_noop("items without a post ID skipped"))
            return
        if item.comments:
            self.report.reason(
                gettext_noop("comments not imported"), count=item.comments
            )
        self.save_post(item, kind, status)

    def save_post(self, item: Item, kind: str, wp_status: str) -> None:
        post_id = int(item.get("wp:post_id"))
        given_title = plain_text(item.get("title"))[:255]
        title = given_title or _("Untitled WordPress post %(id)s") % {"id": post_id}
        digest = self.digest(item)
        record = (
            ImportedPost.objects.filter(source=self.source, post_id=post_id)
            .select_related("article")
            .first()
        )
        if record and record.edited_since_import and not self.overwrite:
            self.report.counts[counts.KEPT] += 1
            return
        if record and record.source_digest == digest and not record.edited_since_import:
            self.report.counts[counts.UNCHANGED] += 1
            return
        article = record.article if record else Article()
        warn = partial(self.report.warn, item.line, title)
        if not given_title:
            warn(_("the post has no title; it was given one."))
        subjects = self.subjects(item)
        article.title = title
        article.kind = subjects.get("kind", kind)
        article.language = subjects.get("language", self.language)
        article.published_at = parse_time(item, self.mapping)
        article.status = status_for(item, wp_status, article.published_at, warn)
        body = convert_body(item.get("content:encoded"))
        for note, count in body.notes.items():
            self.report.reason(note, count=count)
        article.body = body.html
        # The summary doubles as the meta description, so Yoast's
        # description stands in for a missing excerpt.
        article.dek = plain_text(item.get("excerpt:encoded")) or plain_text(
            item.first_meta("_yoast_wpseo_metadesc")
        )
        if not article.dek:
            article.dek, article.body = dek_from_body(body.html, DEK_SHORT_LENGTH)
        article.dek = shorten(article.dek, DEK_MAX_LENGTH)
        article.country = subjects.get("country")
        article.slug = self.slug_for(item, article, title, warn)
        article.save()
        self.set_bylines(article, item)
        article.topics.set(subjects.get("topics", []))
        self.set_tags(article, subjects.get("tags", []))
        self.redirect_old_paths(article, item, post_id, warn)
        record = record or ImportedPost(source=self.source, post_id=post_id)
        record.article, record.guid = article, item.get("guid")[:500]
        record.source_digest = digest
        record.article_updated_at = article.updated_at
        record.seo_title = plain_text(item.first_meta("_yoast_wpseo_title"))[:300]
        self.report.counts[counts.UPDATED if record.pk else counts.CREATED] += 1
        record.save()
        thumbnail = item.first_meta("_thumbnail_id")
        if thumbnail:
            self.pending_images.append((record, thumbnail, item.line))

    def digest(self, item: Item) -> str:
        """What the export says of this post, and how it is mapped."""
        data = [
            item.fields,
            [[c.domain, c.slug, c.name] for c in item.categories],
            item.meta,
            self.mapping.digest,
            self.language,
            str(self.media_dir),
        ]
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def slug_for(self, item: Item, article: Article, title: str, warn: Warn) -> str:
        """The WordPress slug made ASCII (non-Latin slugs are percent-encoded
        there); another article's slug is never taken."""
        wanted = slugify(unquote(item.get("wp:post_name"))) or slugify(title)
        wanted = wanted[:240] or f"post-{item.get('wp:post_id')}"
        taken = Article.objects.filter(slug=wanted).exclude(pk=article.pk).exists()
        if not taken:
            return wanted
        slug = unique_slug(Article, wanted, exclude_pk=article.pk)
        warn(
            _(
                "the address “%(wanted)s” belongs to another article; this "
                "one is “%(slug)s”."
            )
            % {"wanted": wanted, "slug": slug}
        )
        return slug

    def subjects(self, item: Item) -> dict:
        """Kind, language, country, topics and tags from the post's categories
        and tags, through the mapping; unmapped, a category is a topic and a
        tag a tag."""
        found: dict = {"topics": [], "tags": []}
        for term in item.categories:
            # WordPress stores "Drugs &amp; crime" for "Drugs & crime".
            name = plain_text(term.name)
            if term.domain == "post_tag":
                target = self.mapping.for_tag(term.slug, name)
                target = target or Target("tag", name)
            elif term.domain == "category":
                target = self.mapping.for_category(term.slug, name)
                if target is None:
                    self.flatten_report(term.slug)
                    target = Target("topic", name)
            else:
                continue
            if target.kind == "topic":
                found["topics"].append(self.named(Topic, target.value))
            elif target.kind == "tag":
                found["tags"].append(target.value)
            elif target.kind == "country" and "country" not in found:
                found["country"] = self.named(Country, target.value)
            elif target.kind == "country":
                found["tags"].append(target.value)
                self.report.reason(gettext_noop("second countries kept as tags"))
            elif target.kind in ("kind", "language"):
                found[target.kind] = target.value
        return found

    def flatten_report(self, slug: str) -> None:
        if slug in self.parents and slug not in self.flattened:
            self.flattened.add(slug)
            self.report.reason(
                gettext_noop(
                    "nested category “%(child)s” (under “%(parent)s”) "
                    "became a topic of its own"
                ),
                child=slug,
                parent=self.parents[slug],
            )

    def named(self, model, name: str):
        """The topic or country of that name, made when there is none; each
        looked up once per import."""
        name = " ".join(name.split())[:120] or "?"
        key = (model, name.lower())
        if key not in self.subjects_seen:
            found = model.objects.filter(name__iexact=name).first()
            self.subjects_seen[key] = found or model.objects.create(name=name)
        return self.subjects_seen[key]

    def tag(self, name: str) -> Tag:
        """A tag with an ASCII slug: taggit would keep "περιεχόμενο" as the
        slug, which the tag page's address does not accept."""
        name = " ".join(name.split())[:100] or "?"
        key = (Tag, name)
        if key not in self.subjects_seen:
            found = Tag.objects.filter(name=name).first()
            self.subjects_seen[key] = found or Tag.objects.create(
                name=name, slug=unique_slug(Tag, name, max_length=100, fallback="tag")
            )
        return self.subjects_seen[key]

    def set_bylines(self, article: Article, item: Item) -> None:
        """Co-Authors Plus bylines in their order, else the post's author;
        each person once."""
        logins = [
            (c.slug.removeprefix("cap-")[:LOGIN_MAX_LENGTH], c.name)
            for c in item.categories
            if c.domain == "author" and c.slug
        ] or [(item.get("dc:creator")[:LOGIN_MAX_LENGTH], "")]
        authors = []
        for login, name in logins:
            if login:
                author = self.author(login, name)
                if author not in authors:
                    authors.append(author)
        ArticleAuthor.objects.filter(article=article).delete()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author=author, position=position)
            for position, author in enumerate(authors)
        )

    def author(self, login: str, name: str) -> Author:
        """The Newsroom author for a WordPress login: the one it became in an
        earlier import, else an author of the same name, else a new one."""
        if login in self.authors:
            return self.authors[login]
        record = (
            ImportedAuthor.objects.filter(source=self.source, login=login)
            .select_related("author")
            .first()
        )
        if record:
            author = record.author
        else:
            wp_author = self.wp_authors.get(login)
            name = plain_text(wp_author.name if wp_author else name or login)[:120]
            if wp_author is None:
                self.report.reason(
                    gettext_noop(
                        "bylines by “%(login)s”, who is not among the export's "
                        "authors: an author of that name was used"
                    ),
                    login=login,
                )
            author = Author.objects.filter(name__iexact=name).first()
            author = author or Author.objects.create(name=name)
            ImportedAuthor.objects.create(
                source=self.source, login=login, author=author
            )
        self.authors[login] = author
        return author

    def set_tags(self, article: Article, names: list[str]) -> None:
        """The post's tags, in two queries rather than taggit's several per
        tag: imports write thousands of them."""
        tags = {tag.pk: tag for tag in map(self.tag, names)}
        TaggedArticle.objects.filter(content_object=article).delete()
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=article, tag=tag) for tag in tags.values()
        )

    def redirect_old_paths(
        self, article: Article, item: Item, post_id: int, warn: Warn
    ) -> None:
        paths = []
        for path in old_paths(item, post_id):
            if len(path) <= PATH_MAX_LENGTH:
                paths.append(path)
            else:
                warn(
                    _("an old address longer than %(max)s characters was left out.")
                    % {"max": PATH_MAX_LENGTH}
                )
        taken = dict(
            LegacyPath.objects.filter(path__in=paths).values_list("path", "article")
        )
        LegacyPath.objects.bulk_create(
            LegacyPath(path=path, article=article)
            for path in paths
            if path not in taken
        )
        for path, owner in taken.items():
            if owner != article.pk:
                warn(
                    _(
                        "the address %(path)s of the old site already leads to "
                        "another article."
                    )
                    % {"path": path}
                )

    def library_image(self, attachment: Attachment, article: Article, warn):
        """The attachment's file, checked, as a new library image; None if the
        file is missing or refused (and warned about), or in a dry run."""
        path = (self.media_dir / attachment.file).resolve()
        if not path.is_relative_to(self.media_dir) or not path.is_file():
            warn(
                _("its featured image %(file)s is not in the media folder.")
                % {"file": attachment.file}
            )
            return None
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            try:
                validate_image_file(upload)
            except ValidationError as error:
                warn(
                    _("its featured image %(file)s was refused: %(reason)s")
                    % {"file": attachment.file, "reason": " ".join(error.messages)}
                )
                return None
            self.report.counts[counts.IMAGES] += 1
            if self.dry_run:
                return None
            image = Image(
                alt=(attachment.alt or attachment.title or article.title)[:300],
                caption=attachment.caption[:300],
                credit=attachment.credit[:200],
            )
            image.file.save(path.name, upload, save=False)
        self.written.append(image.file.name)
        image.save()
        return image

    def attach_featured_images(self) -> None:
        """Featured images, once every attachment has been read: WordPress
        exports list attachments before or after their posts."""
        for record, attachment_id, line in self.pending_images:
            article = record.article
            warn = partial(self.report.warn, line, article.title)
            attachment = self.attachments.get(attachment_id)
            if attachment is None or not attachment.file:
                warn(_("its featured image is not in the export."))
                continue
            if self.media_dir is None:
                self.report.reason(
                    gettext_noop("featured images not loaded (no media folder given)")
                )
                continue
            if record.featured_image == attachment.file and article.featured_image_id:
                continue
            image = self.library.get(attachment.file)
            if image is None:
                image = self.library_image(attachment, article, warn)
                if image is None:
                    continue
                self.library[attachment.file] = image
            article.featured_image = image
            article.save()
            record.featured_image = attachment.file
            record.article_updated_at = article.updated_at
            record.save(update_fields=["featured_image", "article_updated_at"])
