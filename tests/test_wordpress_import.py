import time

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Author, Country, Image, Kind, Status, Topic
from newsroom.wordpress.models import ImportedAuthor, ImportedPost, LegacyPath
from newsroom.wordpress.posts import credit_from_metadata
from newsroom.wordpress.report import CREATED, IMAGES, KEPT, UNCHANGED, UPDATED
from tests.factories import image_bytes, make_author
from tests.wordpress_exports import (
    THEME_DATA,
    WXR,
    category,
    export,
    import_export,
    meta,
    needs_exports,
    post,
)

pytestmark = pytest.mark.django_db


def database_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in [Article, Author, Topic, Country, Tag, LegacyPath, ImportedPost]
    }


@needs_exports
def test_theme_unit_test_data_imports_every_post_with_its_subjects():
    report = import_export(THEME_DATA)

    assert report.counts[CREATED] == 58
    assert Article.objects.published().count() == 55
    assert Article.objects.scheduled().count() == 1
    assert Article.objects.filter(status=Status.DRAFT).count() == 2
    assert set(Author.objects.values_list("name", flat=True)) >= {
        "Theme Buster",
        "Theme Reviewer",
    }
    assert Topic.objects.count() == 66
    assert Tag.objects.count() == 64
    assert LegacyPath.objects.count() == 115
    assert "    21  “page” items skipped (not imported by the mapping)" in (
        report.reason_lines
    )


@needs_exports
def test_importing_the_theme_unit_test_data_twice_changes_nothing():
    import_export(THEME_DATA)
    first = database_counts()

    report = import_export(THEME_DATA)

    assert database_counts() == first
    assert report.counts[UNCHANGED] == 58
    assert report.counts[CREATED] == report.counts[UPDATED] == 0


@needs_exports
def test_theme_unit_test_data_imports_in_under_ten_seconds():
    start = time.perf_counter()
    import_export(THEME_DATA)
    assert time.perf_counter() - start < 10


@needs_exports
def test_blank_lines_become_paragraphs_and_block_comments_go():
    import_export(THEME_DATA)

    classic = Article.objects.get(title="Markup: Image Alignment")
    assert classic.dek.startswith("Welcome to image alignment!")
    assert classic.body.startswith("<p>On the topic of alignment")
    assert "<figcaption>Look at 580x300 getting some <a" in classic.body
    assert "[caption" not in classic.body and "<img" not in classic.body
    blocks = Article.objects.get(title="WP 6.1 Theme block category")
    assert "wp:" not in blocks.body and "<!--" not in blocks.body
    video = Article.objects.get(title="Post Format: Video (YouTube)")
    assert video.dek == "Learn more about WordPress Embeds."
    assert video.body.startswith('<p><a href="https://www.youtube.com/watch?v=')
    gallery = Article.objects.get(title="Post Format: Gallery")
    assert "[gallery" not in gallery.body


def test_a_classic_body_is_converted_and_sanitized_like_the_editors():
    content = (
        "Opening words\nwith a line break.\n\n"
        '<script>alert("x")</script>Second <b onclick="x()">paragraph</b>.\n\n'
        "https://www.youtube.com/watch?v=abc\n\n"
        "[embed]https://vimeo.com/123[/embed]\n\n"
        "[pullquote]Quoted[/pullquote] and [sic] stay."
    )
    import_export(export(post(content=content)))

    article = Article.objects.get()
    assert article.dek == "Opening words with a line break."
    assert article.body == (
        "<p>Second <b>paragraph</b>.</p>\n"
        '<p><a href="https://www.youtube.com/watch?v=abc">'
        "https://www.youtube.com/watch?v=abc</a></p>\n"
        '<p><a href="https://vimeo.com/123">https://vimeo.com/123</a></p>\n'
        "<p>Quoted and [sic] stay.</p>"
    )


def test_publication_time_is_utc_from_the_gmt_date_else_the_site_time_zone():
    import_export(
        export(
            post(1, date_gmt="2016-05-11 14:30:00"),
            post(
                2,
                name="local",
                date_gmt="0000-00-00 00:00:00",
                date="2016-05-11 09:30:00",
            ),
        ),  # fmt: skip
        mapping='time_zone = "America/Lima"',
    )
    for article in Article.objects.all():
        assert article.published_at.isoformat() == "2016-05-11T14:30:00+00:00"


@pytest.mark.parametrize(
    ("wp_status", "extra", "status", "warned"),
    [
        ("publish", "", Status.PUBLISHED, False),
        ("draft", "", Status.DRAFT, False),
        ("pending", "", Status.IN_REVIEW, False),
        ("private", "", Status.DRAFT, True),
        ("publish", "<wp:post_password>secret</wp:post_password>", Status.DRAFT, True),
    ],
)
def test_wordpress_statuses_become_newsroom_statuses(wp_status, extra, status, warned):
    report = import_export(export(post(status=wp_status, extra=extra)))

    assert Article.objects.get().status == status
    assert bool(report.warnings) == warned


def test_a_future_post_is_scheduled_and_trash_is_skipped():
    future = (timezone.now() + timezone.timedelta(days=3)).strftime("%Y-%m-%d %H:%M:%S")
    import_export(
        export(
            post(1, status="future", date_gmt=future),
            post(2, name="binned", status="trash"),
        )
    )
    assert Article.objects.get().is_scheduled


@needs_exports
def test_co_authors_plus_bylines_are_deduplicated_in_source_order():
    import_export(WXR / "co-authors-plus.xml")

    three = Article.objects.get(title="Three Author Post")
    assert [a.name for a in three.ordered_authors] == [
        "Alice Smith",
        "Bob Jones",
        "Carol White",
    ]
    twice = Article.objects.get(title="Duplicate Author Entries Post")
    assert [a.name for a in twice.ordered_authors] == ["Alice Smith", "Bob Jones"]
    assert Author.objects.count() == ImportedAuthor.objects.count() == 3


def test_an_author_already_in_newsroom_is_reused_by_name():
    existing = make_author(name="Ana Pérez")
    import_export(export(post()))
    assert Article.objects.get().ordered_authors == [existing]


@needs_exports
def test_yoast_description_and_title_are_kept():
    import_export(WXR / "has-yoast-meta.xml")

    record = ImportedPost.objects.exclude(seo_title="").get()
    assert record.seo_title == "My Custom SEO Title for Search Engines"
    assert record.article.dek == (
        "A short description of the post for search engine results pages"
    )


def test_the_mapping_sends_categories_to_kinds_countries_topics_tags_languages():
    categories = "".join(
        category(domain, slug, name)
        for domain, slug, name in [
            ("category", "peru", "Perú"),
            ("category", "analisis", "Análisis"),
            ("category", "crimen", "Crimen organizado"),
            ("category", "espanol", "Español"),
            ("category", "uncategorized", "Uncategorized"),
            ("category", "coca", "Coca"),
            ("post_tag", "cocaine", "cocaine"),
            ("post_tag", "lima", "Lima"),
            ("post_tag", "drugs", "Drugs &amp; crime"),
        ]
    )
    mapping = """
    [categories]
    peru = "country:Peru"
    analisis = "kind:analysis"
    "Crimen organizado" = "topic:Organized crime"
    espanol = "language:es"
    uncategorized = "skip"
    [tags]
    lima = "topic:Cities"
    """
    import_export(export(post(extra=categories)), mapping)

    article = Article.objects.get()
    assert article.country.name == "Peru"
    assert article.kind == Kind.ANALYSIS
    assert article.language == "es"
    assert sorted(t.name for t in article.topics.all()) == [
        "Cities",
        "Coca",
        "Organized crime",
    ]
    assert sorted(article.tags.names()) == ["Drugs & crime", "cocaine"]


def test_pages_are_skipped_unless_the_mapping_imports_them():
    page = post(2, name="about", post_type="page")
    import_export(export(post(), page))
    assert Article.objects.count() == 1

    import_export(export(post(), page), '[post_types]\npage = "profile"')
    assert Article.objects.get(slug="about").kind == Kind.PROFILE
    assert LegacyPath.objects.filter(path="/?page_id=2").exists()


def test_a_second_import_updates_a_changed_post_in_place():
    import_export(export(post(title="First title")))
    report = import_export(export(post(title="Better title")))

    assert report.counts[UPDATED] == 1
    assert Article.objects.get().title == "Better title"


def test_an_editors_changes_survive_a_reimport_unless_overwrite():
    import_export(export(post(title="From WordPress")))
    article = Article.objects.get()
    article.title = "Edited in Newsroom"
    article.save()

    report = import_export(export(post(title="Changed in WordPress")))
    assert report.counts[KEPT] == 1
    assert Article.objects.get().title == "Edited in Newsroom"

    import_export(export(post(title="Changed in WordPress")), overwrite=True)
    assert Article.objects.get().title == "Changed in WordPress"


def test_a_dry_run_reports_and_saves_nothing():
    report = import_export(export(post(), post(2, name="other")), dry_run=True)

    assert report.counts[CREATED] == 2
    assert database_counts() == dict.fromkeys(database_counts(), 0)


def test_a_slug_taken_by_another_article_gets_a_suffix_and_a_warning():
    import_export(export(post()))
    Article.objects.update(title="Moved")
    report = import_export(export(post(post_id=2)))

    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "a-post",
        "a-post-2",
    ]
    assert "a-post-2" in report.warnings[0].message


def test_featured_image_comes_from_the_media_folder_with_caption_and_alt(tmp_path):
    (tmp_path / "2013" / "06").mkdir(parents=True)
    (tmp_path / "2013" / "06" / "photo.png").write_bytes(image_bytes())
    attachment = post(
        25,
        title="Harbour at dawn",
        name="photo",
        status="inherit",
        post_type="attachment",
        excerpt="Fishing boats in Callao.",
        extra=(
            "<wp:attachment_url>https://old.example.org/wp-content/uploads/"
            "2013/06/photo.png</wp:attachment_url>"
            + meta("_wp_attachment_image_alt", "Boats at a pier")
        ),
    )
    missing = post(3, name="missing", extra=meta("_thumbnail_id", "99"))
    source = export(post(extra=meta("_thumbnail_id", "25")), missing, attachment)

    report = import_export(source, media_dir=tmp_path)

    image = Article.objects.get(slug="a-post").featured_image
    assert image.file.name.endswith(".png")
    assert image.alt == "Boats at a pier"
    assert image.caption == "Fishing boats in Callao."
    assert [w.title for w in report.warnings] == ["A post"]
    # Importing again neither copies the file again nor counts a change.
    again = import_export(source, media_dir=tmp_path)
    assert again.counts[UNCHANGED] == 2
    assert Article.objects.get(slug="a-post").featured_image == image
    assert Image.objects.count() == 1


def test_a_featured_image_path_cannot_leave_the_media_folder(tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "secret.png").write_bytes(image_bytes())
    attachment = post(
        25,
        status="inherit",
        post_type="attachment",
        name="x",
        extra=meta("_wp_attached_file", "../secret.png"),
    )
    import_export(
        export(post(extra=meta("_thumbnail_id", "25")), attachment),
        media_dir=tmp_path / "media",
    )
    assert not Article.objects.get().featured_image


@needs_exports
@pytest.mark.parametrize(
    ("name", "articles", "authors", "addresses"),
    [
        ("edge-cases/valid-wxr-1.0.xml", 3, 1, 3),
        ("edge-cases/valid-wxr-1.1.xml", 1, 1, 1),
        ("edge-cases/small-export.xml", 6, 3, 6),
        ("edge-cases/wxr-utf-8-challenges.xml", 1, 1, 1),
        ("edge-cases/slashes.xml", 1, 1, 1),
        ("edge-cases/missing-tags.xml", 1, 0, 1),
        ("edge-cases/cdata-edge.xml", 1, 0, 1),
        ("edge-cases/crazy-cdata-escaped.xml", 1, 1, 1),
        ("edge-cases/namespace-edge-cases.xml", 5, 0, 5),
        ("edge-cases/test-serialized-postmeta-with-cdata.xml", 1, 1, 2),
        ("edge-cases/e2e-wxr-comprehensive.xml", 1, 1, 1),
        ("edge-cases/wxr-flat-attachment-same-site.xml", 1, 1, 2),
        ("edge-cases/large-authors.xml", 0, 0, 0),
        ("edge-cases/term-formats.xml", 0, 0, 0),
        ("feature-image-captions.xml", 3, 1, 6),
    ],
)
def test_well_formed_oddities_import(name, articles, authors, addresses):
    report = import_export(WXR / name)

    assert report.counts[CREATED] == Article.objects.count() == articles
    assert Author.objects.count() == authors
    assert LegacyPath.objects.count() == addresses


@needs_exports
def test_lines_of_a_classic_post_join_and_utf8_survives():
    import_export(WXR / "edge-cases" / "post-content-blank-lines.xml")
    import_export(WXR / "edge-cases" / "wxr-utf-8-challenges.xml")

    classic = Article.objects.get(title="Hello world!")
    assert classic.dek == (
        "This is an example of a WordPress post. It has lines with text "
        "(and one blank line)."
    )
    assert classic.body == "<p>And more lines with text.</p>"
    poem = Article.objects.exclude(pk=classic.pk).get()
    assert "🌲" in poem.title
    assert poem.slug.isascii()


@needs_exports
def test_featured_images_of_the_fixture_carry_their_captions(tmp_path):
    (tmp_path / "2013" / "06").mkdir(parents=True)
    for name in ["described-image.jpg", "title-only-image.jpg"]:
        (tmp_path / "2013" / "06" / name).write_bytes(image_bytes(fmt="JPEG"))

    report = import_export(WXR / "feature-image-captions.xml", media_dir=tmp_path)

    assert report.counts[IMAGES] == 2
    described = Article.objects.get(slug="post-with-described-image").featured_image
    assert described.caption == "The caption from the attachment description."
    assert described.alt == "Described Image Title"
    title_only = Article.objects.get(slug="post-with-title-only-image").featured_image
    assert (title_only.alt, title_only.caption) == ("Title-Only Image Title", "")
    assert not Article.objects.get(slug="post-without-featured-image").featured_image


def test_https_namespace_and_every_wxr_version_are_read():
    for version in ["1.0", "1.1", "1.2"]:
        for scheme in ["http", "https"]:
            import_export(export(post(), version=version, scheme=scheme))
    assert Article.objects.count() == 1


def test_the_command_imports_and_reports(tmp_path, capsys):
    path = tmp_path / "export.xml"
    path.write_bytes(export(post()))

    call_command("import_wordpress", str(path), "--language", "es")

    assert "1  articles created" in capsys.readouterr().out
    assert Article.objects.get().language == "es"


def test_the_command_refuses_a_bad_mapping_before_reading(tmp_path):
    (tmp_path / "export.xml").write_bytes(export(post()))
    (tmp_path / "map.toml").write_text('[categories]\nperu = "nation:Peru"\n')

    with pytest.raises(CommandError, match="categories.peru"):
        call_command(
            "import_wordpress",
            str(tmp_path / "export.xml"),
            "--mapping",
            str(tmp_path / "map.toml"),
        )
    assert not Article.objects.exists()


def test_a_photo_credit_is_read_from_php_serialized_metadata():
    serialized = 'a:1:{s:10:"image_meta";a:1:{s:6:"credit";s:6:"Pérez";}}'
    assert credit_from_metadata(serialized) == "Pérez"
    assert credit_from_metadata("") == ""


def test_the_language_comes_from_the_option_the_mapping_or_the_export():
    spanish_site = export(post()).replace(
        b"<wp:wxr_version>", b"<language>es-PE</language><wp:wxr_version>"
    )
    import_export(spanish_site)
    assert Article.objects.get().language == "es"

    import_export(spanish_site, 'language = "en"')
    assert Article.objects.get().language == "en"

    import_export(spanish_site, 'language = "en"', language="es")
    assert Article.objects.get().language == "es"


def test_values_too_long_for_the_database_are_left_out_not_fatal():
    long_name = "a-" + "x" * 600
    huge_id = post(10**30, name="huge")
    report = import_export(export(post(name=long_name), huge_id))

    article = Article.objects.get()
    assert len(article.slug) <= 255
    assert list(article.legacy_paths.values_list("path", flat=True)) == ["/?p=1"]
    assert "longer than 500 characters" in report.warnings[0].message
