"""The site's sections in the admin's search.

Data migrations create the home page's sections (the catalog /kursus/, the change hub /perubahan/)
with historical models, which Wagtail's search index never hears of: an editor searching the admin
for "Katalog Kursus" found nothing until someone edited the page. After each `migrate` (as every
deployment runs), the home page and its sections are indexed; indexing one again only updates it.
"""

from wagtail.models import Page
from wagtail.search.index import insert_or_update_object

SECTION_DEPTHS = (2, 3)  # the home page, and the pages right under it


def sections_index(sender, using: str = "default", **kwargs) -> None:
    """post_migrate receiver (connected in PagesConfig.ready)."""
    for page in Page.objects.using(using).filter(depth__in=SECTION_DEPTHS).specific():
        insert_or_update_object(page)
