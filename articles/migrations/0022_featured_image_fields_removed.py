"""The featured-image columns that 0021 moved into the media library. A
migration of its own: on PostgreSQL a table cannot be altered in the
transaction that just updated its rows' foreign keys."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0021_media_library'),
    ]

    operations = [
        migrations.RemoveField(model_name='article', name='image'),
        migrations.RemoveField(model_name='article', name='image_alt'),
        migrations.RemoveField(model_name='article', name='image_caption'),
        migrations.RemoveField(model_name='article', name='image_credit'),
        migrations.RemoveField(model_name='article', name='image_height'),
        migrations.RemoveField(model_name='article', name='image_republishable'),
        migrations.RemoveField(model_name='article', name='image_width'),
        migrations.RemoveField(model_name='organizationnewsitem', name='image'),
        migrations.RemoveField(model_name='organizationnewsitem', name='image_alt'),
        migrations.RemoveField(model_name='organizationnewsitem', name='image_height'),
        migrations.RemoveField(model_name='organizationnewsitem', name='image_width'),
    ]
