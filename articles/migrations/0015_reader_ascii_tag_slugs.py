"""Tags' slugs in ASCII, as URL slugs are: "cocaína" is /tags/cocaina/.

New tags get ASCII slugs from TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING; this
rewrites those made before. Going back leaves the ASCII slugs: they work
under either version of the code.
"""

from django.db import migrations
from django.utils.text import slugify


def ascii_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.all():
        if tag.slug.isascii():
            continue
        base = slugify(tag.name) or "tag"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}_{number}"
        taken.add(slug)
        tag.slug = slug
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_reader_tag_counterparts"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
    ]

    operations = [migrations.RunPython(ascii_slugs, migrations.RunPython.noop)]
