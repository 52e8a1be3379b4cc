"""The media library, and the featured images of articles and organization
news moved into it: one library image per distinct file, described by the
first article or news item that showed it. The files stay where they are, so
renditions already made keep their names (centred crops included)."""

import articles.images
import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import migrations, models

from articles.renditions import WIDTHS, crop_name, rendition_name, rendition_widths


def renditions_exist(name, width):
    """Whether the copies made when the image was saved are in storage."""
    widest = rendition_widths(width)[-1] if width else WIDTHS[-1]
    return default_storage.exists(
        rendition_name(name, widest, "jpg")
    ) and default_storage.exists(crop_name(name, "1x1"))


def into_library(apps, schema_editor):
    Image = apps.get_model("articles", "Image")
    library = {}
    for model_name, details in [
        ("Article", ["image_caption", "image_credit", "image_republishable"]),
        ("OrganizationNewsItem", []),
    ]:
        model = apps.get_model("articles", model_name)
        for item in model.objects.exclude(image="").order_by("pk").iterator():
            name = item.image.name
            if name not in library:
                extra = dict(zip(["caption", "credit", "may_republish"], [
                    getattr(item, field) for field in details
                ]))  # fmt: skip
                library[name] = Image.objects.create(
                    file=name,
                    width=item.image_width,
                    height=item.image_height,
                    alt=(item.image_alt or item.title)[:300],
                    uploaded_by_id=item.created_by_id,
                    renditions_ready=renditions_exist(name, item.image_width),
                    **extra,
                )
            item.featured_image = library[name]
            item.save(update_fields=["featured_image"])


def out_of_library(apps, schema_editor):
    for model_name, details in [
        ("Article", ["image_caption", "image_credit", "image_republishable"]),
        ("OrganizationNewsItem", []),
    ]:
        model = apps.get_model("articles", model_name)
        items = model.objects.exclude(featured_image=None).select_related(
            "featured_image"
        )
        for item in items.iterator():
            image = item.featured_image
            item.image = image.file.name
            item.image_width, item.image_height = image.width, image.height
            item.image_alt = image.alt
            for field, value in zip(
                details, [image.caption, image.credit, image.may_republish]
            ):
                setattr(item, field, value)
            item.save(
                update_fields=["image", "image_width", "image_height", "image_alt"]
                + details
            )


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0020_tag_counterparts'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Image',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', articles.images.CheckedImageField(height_field='height', upload_to='library/%Y/%m/', verbose_name='image file', width_field='width')),
                ('width', models.PositiveIntegerField(editable=False, null=True, verbose_name='width')),
                ('height', models.PositiveIntegerField(editable=False, null=True, verbose_name='height')),
                ('alt', models.CharField(help_text='What the image shows, for readers who cannot see it.', max_length=300, verbose_name='description (alt text)')),
                ('caption', models.CharField(blank=True, max_length=300, verbose_name='caption')),
                ('credit', models.CharField(blank=True, max_length=200, verbose_name='credit')),
                ('may_republish', models.BooleanField(default=False, help_text='Tick only if the newsroom holds the rights to let other outlets republish this image with the articles that show it.', verbose_name='may be republished')),
                ('focal_x', models.FloatField(default=0.5, help_text='0 is the left edge, 1 the right edge.', validators=[django.core.validators.MinValueValidator(0.0), django.core.validators.MaxValueValidator(1.0)], verbose_name='focal point across')),
                ('focal_y', models.FloatField(default=0.5, help_text='0 is the top edge, 1 the bottom edge.', validators=[django.core.validators.MinValueValidator(0.0), django.core.validators.MaxValueValidator(1.0)], verbose_name='focal point down')),
                ('renditions_ready', models.BooleanField(default=False, editable=False, verbose_name='renditions made')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                ('uploaded_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'image',
                'verbose_name_plural': 'media library',
                'ordering': ['-created_at', '-pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('focal_x__gte', 0), ('focal_x__lte', 1), ('focal_y__gte', 0), ('focal_y__lte', 1)), name='image_focal_point_inside')],
            },
        ),
        migrations.AddField(
            model_name='article',
            name='featured_image',
            field=models.ForeignKey(blank=True, help_text='From the media library, where its description, caption, credit and focal point are set.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='featured_in_articles', to='articles.image', verbose_name='featured image'),
        ),
        migrations.AddField(
            model_name='organizationnewsitem',
            name='featured_image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='featured_in_news', to='articles.image', verbose_name='image'),
        ),
        migrations.RunPython(into_library, out_of_library),
    ]
