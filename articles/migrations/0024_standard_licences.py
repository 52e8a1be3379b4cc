from django.db import migrations

NON_COMMERCIAL = (
    "You may copy and distribute this article for non-commercial purposes, "
    "crediting {organization} in the byline and linking to the original at the "
    "top and at the bottom of the article."
)
NON_COMMERCIAL_ES = (
    "Puede copiar y distribuir este artículo con fines no comerciales, citando "
    "a {organization} en la firma y enlazando al original al principio y al "
    "final del artículo."
)
# The site's licence until now comes first: the site settings still name it
# as the default for articles that choose none.
LICENCES = [
    {
        "name": "Creative Commons Attribution-NonCommercial 4.0 International",
        "name_es": "Creative Commons Atribución-NoComercial 4.0 Internacional",
        "url": "https://creativecommons.org/licenses/by-nc/4.0/",
        "allows_republishing": True,
        "notice": NON_COMMERCIAL,
        "notice_es": NON_COMMERCIAL_ES,
    },
    {
        "name": "Creative Commons Attribution-NonCommercial 3.0 Unported",
        "name_es": "Creative Commons Reconocimiento-NoComercial 3.0 Unported",
        "url": "https://creativecommons.org/licenses/by-nc/3.0/",
        "allows_republishing": True,
        "notice": NON_COMMERCIAL,
        "notice_es": NON_COMMERCIAL_ES,
    },
    {
        "name": (
            "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 "
            "International"
        ),
        "name_es": (
            "Creative Commons Atribución-NoComercial-SinDerivadas 4.0 Internacional"
        ),
        "url": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "allows_republishing": True,
        "notice": (
            "You may copy and distribute this article unchanged for "
            "non-commercial purposes, crediting {organization} in the byline "
            "and linking to the original at the top and at the bottom of the "
            "article."
        ),
        "notice_es": (
            "Puede copiar y distribuir este artículo sin modificarlo con fines "
            "no comerciales, citando a {organization} en la firma y enlazando al "
            "original al principio y al final del artículo."
        ),
    },
    {
        "name": "All rights reserved",
        "name_es": "Todos los derechos reservados",
        "url": "",
        "allows_republishing": False,
        "notice": (
            "All rights reserved. This article may not be republished without "
            "the written permission of {organization}."
        ),
        "notice_es": (
            "Todos los derechos reservados. Este artículo no puede "
            "republicarse sin el permiso escrito de {organization}."
        ),
    },
]


def create_licences(apps, schema_editor):
    Licence = apps.get_model("articles", "Licence")
    for licence in LICENCES:
        Licence.objects.get_or_create(name=licence["name"], defaults=licence)


def remove_licences(apps, schema_editor):
    Licence = apps.get_model("articles", "Licence")
    Article = apps.get_model("articles", "Article")
    names = [licence["name"] for licence in LICENCES]
    Article.objects.filter(licence__name__in=names).update(licence=None)
    Licence.objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_corrections_sources_and_licences"),
    ]

    operations = [migrations.RunPython(create_licences, remove_licences)]
