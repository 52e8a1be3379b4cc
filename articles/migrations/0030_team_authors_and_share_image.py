"""Teams as authors, and the site's default share image."""

import articles.images
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0029_several_countries'),
    ]

    operations = [
        migrations.AddField(
            model_name='author',
            name='byline_article',
            field=models.CharField(blank=True, default='the', help_text='For a team: the word before its name in an English byline, as in “by the Venezuela Investigative Unit”. Empty for none.', max_length=8, verbose_name='article in bylines'),
        ),
        migrations.AddField(
            model_name='author',
            name='byline_article_es',
            field=models.CharField(blank=True, help_text='For a team: la, el, las or los, as in “por la Unidad Investigativa de Venezuela”.', max_length=8, verbose_name='article in Spanish bylines'),
        ),
        migrations.AddField(
            model_name='author',
            name='kind',
            field=models.CharField(choices=[('person', 'Person'), ('team', 'Team or unit')], default='person', max_length=8, verbose_name='kind'),
        ),
        migrations.AddField(
            model_name='author',
            name='name_es',
            field=models.CharField(blank=True, help_text='For a team; leave empty when it is written the same.', max_length=120, verbose_name='name in Spanish'),
        ),
        migrations.AddField(
            model_name='sitesettings',
            name='share_image',
            field=articles.images.CheckedImageField(blank=True, height_field='share_image_height', help_text='Shown by social networks and search engines for an article without an image; at least 1200 pixels wide. Left empty, the logo stands in.', upload_to='site/', verbose_name='default share image', width_field='share_image_width'),
        ),
        migrations.AddField(
            model_name='sitesettings',
            name='share_image_height',
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='sitesettings',
            name='share_image_width',
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AlterField(
            model_name='author',
            name='name',
            field=models.CharField(help_text="A team's name without “the”: “Venezuela Investigative Unit”; bylines add the article below.", max_length=120, verbose_name='name'),
        ),
    ]
