"""Promoted results: pages (or links) editors choose for a query, under Settings > Promoted search results.

Shown above the results in the visitor's language only: a promoted page appears in the search of its own
locale; a promoted external link has no language and appears in every one. Reading them never records
the visitor's query (Wagtail's Query.get() would create a row for it).
"""

from django.db.models import Q
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page


def promotions_for(query, locale):
    if not query:
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__in=Page.objects.live().public().filter(locale=locale)) | Q(page__isnull=True))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
