"""Subjects whose slug an address cannot carry (accents, nothing at all) get
one that it can: before this, their article pages and sitemaps failed."""

import re

from django.db import migrations
from django.utils.text import slugify

REVERSIBLE = re.compile(r"^[-a-zA-Z0-9_]+\Z")
SUBJECTS = [
    ("taggit", "Tag", "tag"),
    ("articles", "Country", "country"),
    ("articles", "Topic", "topic"),
    ("articles", "Author", "author"),
]


def fold_slugs(apps, schema_editor):
    for app_label, model_name, fallback in SUBJECTS:
        model = apps.get_model(app_label, model_name)
        max_length = model._meta.get_field("slug").max_length
        taken = set(model.objects.values_list("slug", flat=True))
        for subject in model.objects.order_by("pk"):
            if REVERSIBLE.match(subject.slug):
                continue
            text = subject.slug if slugify(subject.slug) else subject.name
            base = slugify(text)[: max_length - 8].strip("-") or fallback
            candidate, number = base, 1
            while candidate in taken:
                number += 1
                candidate = f"{base}-{number}"
            taken.add(candidate)
            subject.slug = candidate
            subject.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_search_vector_and_listing_indexes"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(fold_slugs, migrations.RunPython.noop)]
