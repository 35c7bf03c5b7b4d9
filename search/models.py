"""Search as a page, so each language has its own search page with its own URL and title."""

from django.core.paginator import Paginator
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from home.models.pages import BasePage
from search.promotions import promotions_for
from search.query import search_pages


class SearchPage(BasePage):
    """Searches the live pages of its own language only."""

    results_per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("search page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        found = search_pages(request.GET.get("q", ""), self.locale)
        context["query"] = found.query
        context["suggestion"] = found.suggestion
        context["promotions"] = promotions_for(found.query, self.locale)
        context["results"] = Paginator(found.pages, self.results_per_page).get_page(request.GET.get("page"))
        return context

    def serve(self, request, *args, **kwargs):
        """A results page is never kept by a browser or a proxy: its address holds the visitor's query."""
        response = super().serve(request, *args, **kwargs)
        if "q" in request.GET:
            add_never_cache_headers(response)
        return response
