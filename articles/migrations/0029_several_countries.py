"""Articles about several countries: every country of an article in
``Article.countries``, the primary one (``Article.country``) included."""

import django.db.models.deletion
from django.db import migrations, models


def primary_countries_into_countries(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Through = Article.countries.through
    pairs = (
        Article.objects.exclude(country=None)
        .values_list("pk", "country_id")
        .iterator(chunk_size=2000)
    )
    batch = []
    for article, country in pairs:
        batch.append(Through(article_id=article, country_id=country))
        if len(batch) == 2000:
            Through.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Through.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0028_public_article_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='countries',
            field=models.ManyToManyField(blank=True, help_text='Every country the article is about; the primary country is always among them.', related_name='articles', to='articles.country', verbose_name='countries'),
        ),
        migrations.AlterField(
            model_name='article',
            name='country',
            field=models.ForeignKey(blank=True, help_text='Named in the meta line; one of the countries below.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='primary_articles', to='articles.country', verbose_name='primary country'),
        ),
        migrations.RunPython(primary_countries_into_countries, migrations.RunPython.noop),
    ]
