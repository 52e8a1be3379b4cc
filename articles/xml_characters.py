"""Characters XML 1.0 forbids, which no feed or sitemap can carry.

Word processors paste them (a vertical tab for a soft line break, a form
feed for a page break); one in a title once broke every feed. They are
removed from every text field when a row is saved, and again from feed and
sitemap output, for rows written around ``save()`` (``update()``, raw SQL).
"""

import re

from django.db import models

# Everything outside XML 1.0's Char production: C0 controls but tab, line feed
# and carriage return; lone surrogates; U+FFFE and U+FFFF.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return FORBIDDEN.sub("", text)


def strip_forbidden_characters(instance: models.Model) -> None:
    """Remove forbidden characters from every text field of ``instance``."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, xml_safe(value))
