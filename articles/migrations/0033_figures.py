"""Articles and organization news remember the library images their text
shows as figures, so that whether an image is public is a look-up through
an index rather than a search through every article's text (seconds at
100,000 articles, on every request for an image no published text shows)."""

from django.db import migrations, models

from articles.models.media import figure_ids

MARKER = '<figure data-image="'


def record_figures(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    AnalysisSection = apps.get_model("articles", "AnalysisSection")
    OrganizationNewsItem = apps.get_model("articles", "OrganizationNewsItem")
    Image = apps.get_model("articles", "Image")
    existing = set(Image.objects.values_list("pk", flat=True))
    shown: dict[tuple, set[int]] = {}
    texts = [
        (Article, Article.objects.values_list("pk", "body_html")),
        (Article, AnalysisSection.objects.values_list("article_id", "body_html")),
        (
            OrganizationNewsItem,
            OrganizationNewsItem.objects.values_list("pk", "body_html"),
        ),
    ]
    for model, rows in texts:
        for pk, html in rows.filter(body_html__contains=MARKER).iterator():
            shown.setdefault((model, pk), set()).update(figure_ids([html]) & existing)
    for (model, pk), images in shown.items():
        through = model.figures.through
        owner = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            [through(**{owner: pk, "image_id": image}) for image in images],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0032_fill_image_dimensions")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="figures",
            field=models.ManyToManyField(
                blank=True,
                editable=False,
                related_name="figure_in_articles",
                to="articles.image",
                verbose_name="figures",
            ),
        ),
        migrations.AddField(
            model_name="organizationnewsitem",
            name="figures",
            field=models.ManyToManyField(
                blank=True,
                editable=False,
                related_name="figure_in_news",
                to="articles.image",
                verbose_name="figures",
            ),
        ),
        migrations.RunPython(record_figures, migrations.RunPython.noop),
    ]
