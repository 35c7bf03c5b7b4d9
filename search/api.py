"""The content API's `?search=`: the same search as the site's search page (search/query.py), so that
`?search=…&locale=fr` gives the pages of the French search page, in the same order."""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from search.query import OPERATORS, search_pages


class LanguageSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator") or "and"
        if operator not in OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        code = request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else None
        return search_pages(
            request.GET["search"],
            locale,
            queryset,
            operator=operator,
            order_by_relevance="order" not in request.GET,
        ).pages
