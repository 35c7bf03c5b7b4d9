"""Search as a page, so each language has its own search page with its own URL and title."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models.pages import BasePage


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
        # No database accepts a NUL character in a query: it is a space here.
        query = request.GET.get("q", "").replace("\x00", " ").strip()[:200]
        results = Page.objects.none()
        if query:
            results = Page.objects.live().public().filter(locale=self.locale).exclude(id=self.id).search(query)
        context["query"] = query
        context["results"] = Paginator(results, self.results_per_page).get_page(request.GET.get("page"))
        return context
